import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  // Stable per notification, so a receiving system can spot a duplicate.
  messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

// Without SMTP_URL there is no mailer: notifications are recorded as `logged`.
export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
    },
  };
}
