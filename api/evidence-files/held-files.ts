import type { HeldFile } from '../storage/file-store.js';

// The files one request has stored, until its answer is known: kept when its
// evidence is recorded, discarded when it is refused, so that a refusal leaves
// no file behind that nothing names. Each happens once, whichever comes first.
export class HeldFiles {
  private readonly held: HeldFile[] = [];

  constructor(private readonly isNamed: (sha256: string) => Promise<boolean>) {}

  add(file: HeldFile): void {
    this.held.push(file);
  }

  async keep(): Promise<void> {
    await settleAll(this.held.splice(0).map((file) => file.keep()));
  }

  async discard(): Promise<void> {
    await settleAll(this.held.splice(0).map((file) => file.discard(this.isNamed)));
  }
}

// Every file is seen to even when one fails; the first failure is reported.
async function settleAll(work: Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}
