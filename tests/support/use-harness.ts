import { afterAll, beforeAll } from 'vitest';
import { startHarness, type Harness, type HarnessOptions } from './harness.js';

// The harness of a test file: started before its tests, stopped after them.
// Options may depend on something another hook starts first (an SMTP server).
export function useHarness(options: HarnessOptions | (() => HarnessOptions) = {}): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness(typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    await started?.stop();
  });
  const harness = (): Harness => {
    if (!started) throw new Error('El arnés de pruebas se usa dentro de las pruebas o sus hooks, una vez iniciado.');
    return started;
  };
  return {
    get db() {
      return harness().db;
    },
    get temporal() {
      return harness().temporal;
    },
    get app() {
      return harness().app;
    },
    get taskQueue() {
      return harness().taskQueue;
    },
    get filesDir() {
      return harness().filesDir;
    },
    stop: () => harness().stop(),
  };
}
