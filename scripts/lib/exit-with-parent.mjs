// Plain JavaScript: Temporal's workflow threads inherit this preload, and the
// TypeScript loader is not active there.
// Preloaded (`--import`) into the worker and the API that `npm start` runs with an
// IPC channel. If the supervisor dies without stopping them (kill -9, a crash), the
// channel closes and they stop themselves the normal way (SIGTERM, so their own
// graceful shutdown runs) instead of staying behind holding the ports.
if (process.channel) {
  // The channel must not keep the process alive by itself.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

