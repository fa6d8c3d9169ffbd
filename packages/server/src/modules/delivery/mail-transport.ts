import nodemailer, { type Transporter } from 'nodemailer';

/** A notification mail. */
export interface NotificationMail {
  to: string;
  subject: string;
  text: string;
}

export type SendMail = (mail: NotificationMail, deliveryId: string) => Promise<void>;

export class MailNotConfigured extends Error {}

/**
 * Notification mail through the same relay and sender the intake module's replies use (SMTP_RELAY_URL,
 * MAIL_FROM). Intake's sender is built for customer replies (threading, the mailbox channel's own relay,
 * loop headers) and is not on its public surface, so this opens its own pooled nodemailer transport
 * from the same settings. Every wait of an attempt (connecting, the greeting, each answer) is bounded by
 * `timeoutMs` (DELIVERY_TIMEOUT_MS) as an HTTP delivery is: nodemailer's own defaults (2 min, 30 s,
 * 10 min) outlast the sender's claim, and another process would send the mail again meanwhile.
 */
export function smtpMailer(settings: () => { relayUrl: string; from: string }, o: { timeoutMs: number }): SendMail & { close(): void } {
  let transport: Transporter | null = null;
  let url = '';
  const send = async (mail: NotificationMail, deliveryId: string) => {
    const s = settings();
    if (!s.relayUrl) throw new MailNotConfigured('No SMTP relay for outgoing mail: set SMTP_RELAY_URL');
    if (!s.from) throw new MailNotConfigured('No sender address for notification mail: set MAIL_FROM');
    if (!transport || url !== s.relayUrl) {
      transport?.close();
      url = s.relayUrl;
      transport = nodemailer.createTransport({ url, pool: true, connectionTimeout: o.timeoutMs, greetingTimeout: o.timeoutMs, socketTimeout: o.timeoutMs });
    }
    await transport.sendMail({ from: s.from, to: mail.to, subject: mail.subject, text: mail.text, headers: { 'X-Gongdan-Delivery': deliveryId } });
  };
  return Object.assign(send, {
    close() {
      transport?.close();
      transport = null;
    },
  });
}
