import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../../platform/config';
import { PermanentIntakeError, type ChannelConfig, type ChannelSender, type OutboundMessage } from '../intake-types';
import { bareAddress, domainOf, LOOP_HEADER, threadKey, TICKET_HEADER } from './email-rules';

/** Our Message-IDs start with this, so the customer's ids of a thread can be told from ours. */
const OWN_ID_PREFIX = 'gongdan.';

export interface ReplyHeaders {
  messageId: string;
  inReplyTo?: string;
  references: string[];
  subject: string;
}

/**
 * The threading of a reply: our own Message-ID (derived from the comment, so a resent reply keeps
 * it), In-Reply-To the newest customer mail of the ticket, References all its mails (the newest 30).
 */
export function replyHeaders(m: Pick<OutboundMessage, 'commentId' | 'ticketNumber' | 'ticketTitle' | 'threadKeys'>, fromAddress: string): ReplyHeaders {
  const ids = m.threadKeys.filter((k) => k.startsWith('email:')).map((k) => k.slice('email:'.length));
  const customer = ids.filter((id) => !id.startsWith(OWN_ID_PREFIX));
  return {
    messageId: `${OWN_ID_PREFIX}${m.commentId}@${domainOf(fromAddress) || 'gongdan.local'}`,
    inReplyTo: customer.at(-1),
    references: ids.slice(-30),
    subject: `Re: [#${m.ticketNumber}] ${m.ticketTitle}`,
  };
}

/** The sender of a mailbox's replies: its "from" setting, its own address, else MAIL_FROM. */
export function fromOf(channel: ChannelConfig | null, mailFrom: string): { name: string; address: string } | null {
  const setting = typeof channel?.settings.from === 'string' ? channel.settings.from : '';
  for (const candidate of [setting, channel?.address ?? '', mailFrom]) {
    const address = bareAddress(candidate);
    if (!address.includes('@') || address.startsWith('@')) continue;
    const name = candidate.includes('<') ? candidate.slice(0, candidate.indexOf('<')).trim().replace(/^"|"$/g, '') : (channel?.name ?? '');
    return { name, address };
  }
  return null;
}

/** The relay of a mailbox: its own relayUrl (password in the secret relayPassword), else SMTP_RELAY_URL. */
function relayOf(channel: ChannelConfig | null, config: Config): string {
  const own = typeof channel?.settings.relayUrl === 'string' ? channel.settings.relayUrl : '';
  if (!own) return config.SMTP_RELAY_URL;
  const url = new URL(own);
  if (typeof channel?.secrets.relayPassword === 'string') url.password = encodeURIComponent(channel.secrets.relayPassword);
  return url.toString();
}

/**
 * Sends an agent's customer-visible reply as a mail that threads in the customer's client
 * (Re: [#number] title, In-Reply-To / References) and carries our loop header, so an auto-reply to
 * it is recognised. No relay → the reply is recorded as failed with RELAY_NOT_CONFIGURED.
 */
export function emailSender(config: () => Config): ChannelSender & { close(): void } {
  const transports = new Map<string, Transporter>();
  const transport = (url: string) => {
    let t = transports.get(url);
    if (!t) transports.set(url, (t = nodemailer.createTransport(url.includes('?') ? `${url}&pool=true` : `${url}?pool=true`)));
    return t;
  };
  return {
    channel: 'email',
    identityKind: 'email',
    async send(_deps, m) {
      const relay = relayOf(m.channel, config());
      if (!relay) throw new PermanentIntakeError('RELAY_NOT_CONFIGURED', 'No SMTP relay for outgoing mail: set SMTP_RELAY_URL (or the mailbox setting relayUrl)');
      const from = fromOf(m.channel, config().MAIL_FROM);
      if (!from) throw new PermanentIntakeError('NO_FROM_ADDRESS', 'No sender address for outgoing mail: give the mailbox an address or the setting "from", or set MAIL_FROM');
      const h = replyHeaders(m, from.address);
      try {
        await transport(relay).sendMail({
          from,
          to: m.requesterName ? { name: m.requesterName, address: m.recipient } : m.recipient,
          subject: h.subject,
          messageId: `<${h.messageId}>`,
          inReplyTo: h.inReplyTo ? `<${h.inReplyTo}>` : undefined,
          references: h.references.map((id) => `<${id}>`),
          headers: { [LOOP_HEADER]: m.tenantId, [TICKET_HEADER]: String(m.ticketNumber) },
          html: m.bodyHtml,
          text: m.bodyText,
          attachments: await Promise.all(m.attachments.map(async (a) => ({ filename: a.filename, contentType: a.contentType, content: await a.read() }))),
        });
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        if (code && code >= 500) throw new PermanentIntakeError('RELAY_REJECTED', `The relay refused the mail (${code}): ${(err as Error).message}`);
        throw err;
      }
      return { externalId: h.messageId, threadKeys: [threadKey(h.messageId)] };
    },
    close() {
      for (const t of transports.values()) t.close();
      transports.clear();
    },
  };
}
