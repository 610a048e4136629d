import { afterAll, beforeAll } from 'vitest';
import { startSmtpServer, type SmtpServerOptions } from '../../scripts/lib/smtp-peer.js';

export { startSmtpServer, type ReceivedMail, type SmtpServerOptions } from '../../scripts/lib/smtp-peer.js';

// The SMTP server of a test file: started before its tests (and before the
// harness that sends to it), stopped after them.
export function useSmtpServer(options: SmtpServerOptions = {}) {
  let started: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  beforeAll(async () => {
    started = await startSmtpServer(options);
  });
  afterAll(async () => {
    await started?.stop();
  });
  const server = () => {
    if (!started) throw new Error('El servidor SMTP de prueba se usa dentro de las pruebas o sus hooks, una vez iniciado.');
    return started;
  };
  return {
    get url() {
      return server().url;
    },
    get received() {
      return server().received;
    },
  };
}
