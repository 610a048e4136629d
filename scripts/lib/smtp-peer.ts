import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  // When its data had arrived (epoch ms), before it was acknowledged.
  receivedAt: number;
}

export interface SmtpServerOptions {
  // Runs when a message has arrived, before the server acknowledges it: the
  // sender still waits for its "250 OK" meanwhile.
  beforeAcknowledging?: (mail: ReceivedMail) => void | Promise<void>;
}

export interface SmtpPeer {
  url: string;
  received: ReceivedMail[];
  stop(): Promise<void>;
}

// A real SMTP peer in this process: messages travel through nodemailer and the
// SMTP protocol, and land here parsed (the tests' mail server and the
// lifecycle benchmark's).
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const receivedAt = Date.now();
          const to = [parsed.to].flat().flatMap((a) => (a ? a.value.map((v) => v.address ?? '') : []));
          const mail = { to, subject: parsed.subject ?? '', text: parsed.text ?? '', messageId: parsed.messageId ?? '', receivedAt };
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
