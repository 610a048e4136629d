import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
}

export interface SmtpServerOptions {
  // Runs when a message has arrived, before the server acknowledges it: the
  // sender still waits for its "250 OK" meanwhile.
  beforeAcknowledging?: (mail: ReceivedMail) => void | Promise<void>;
}

// A real SMTP peer in the test process: messages travel through nodemailer and
// the SMTP protocol, and land here parsed.
export async function startSmtpServer(options: SmtpServerOptions = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const to = [parsed.to].flat().flatMap((a) => (a ? a.value.map((v) => v.address ?? '') : []));
          const mail = { to, subject: parsed.subject ?? '', text: parsed.text ?? '', messageId: parsed.messageId ?? '' };
          received.push(mail);
          await options.beforeAcknowledging?.(mail);
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

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
