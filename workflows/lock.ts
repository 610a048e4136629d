import { condition } from '@temporalio/workflow';

// Update handlers interleave at every await; commands on one agreement must be
// decided one after the other against the state the previous one left.
export class CommandLock {
  private busy = false;

  async run<T>(work: () => Promise<T>): Promise<T> {
    // Every waiter's condition turns true at the same release; the first to
    // resume takes the lock and the others must wait again, hence the loop.
    while (this.busy) await condition(() => !this.busy);
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }
}
