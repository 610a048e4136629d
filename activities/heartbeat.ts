import { Context } from '@temporalio/activity';

// Heartbeats while an activity works, so a worker that dies mid-send is noticed
// within the heartbeat timeout, not the whole start-to-close timeout, and the
// retry (which will not resend) comes soon.
export function heartbeating<A extends unknown[], R>(activity: (...args: A) => Promise<R>, everyMs = 2_000): (...args: A) => Promise<R> {
  return async (...args) => {
    const context = Context.current();
    context.heartbeat();
    const timer = setInterval(() => context.heartbeat(), everyMs);
    try {
      return await activity(...args);
    } finally {
      clearInterval(timer);
    }
  };
}
