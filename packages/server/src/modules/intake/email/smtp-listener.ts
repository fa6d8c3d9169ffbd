import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { ChannelListener, ChannelRuntime } from '../channel-plugin';
import { receiveInbound } from '../receive-inbound';
import { textFault, toStorableText } from '../../../platform/text/storable-text';
import { mailEnvelope, mailHeadline } from './email-rules';
import { cachedRouter, type MailRoute } from './route-recipient';

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/** Reads the DATA stream; null when it went over the size limit (the rest is drained, not kept). */
function readMessage(stream: SMTPServerDataStream): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => {
      if (!stream.sizeExceeded) chunks.push(c);
    });
    stream.once('error', reject);
    stream.once('end', () => resolve(stream.sizeExceeded ? null : Buffer.concat(chunks)));
  });
}

/**
 * The built-in SMTP listener: accepts mail for the tenants' mailbox addresses (refusing unknown
 * recipients at RCPT TO with 550), stores each mail raw once per tenant it is addressed to, and
 * answers 250 only once it is stored (451 when storing failed: the sending server tries again; a
 * resent mail is a duplicate by its Message-ID). Mail over SMTP_MAX_BYTES is refused with 552.
 */
export async function startSmtpListener(rt: ChannelRuntime, o: { routeCacheMs: number }): Promise<ChannelListener & { port: number }> {
  const { deps, config, log } = rt;
  const routeRecipient = cachedRouter(deps, o.routeCacheMs);
  const routes = new WeakMap<SMTPServerAddress, MailRoute>();
  const maxBytes = config.SMTP_MAX_BYTES;
  const server = new SMTPServer({
    name: new URL(config.PUBLIC_URL || 'http://localhost').hostname,
    banner: 'Gongdan mail intake',
    size: maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH'],
    logger: false,
    maxClients: 1000,
    closeTimeout: 5_000,
    onRcptTo(address, _session, cb) {
      if (textFault(address.address)) return cb(smtpError(553, '5.1.3 The recipient address holds a character no mail address has (a NUL or broken Unicode)'));
      routeRecipient(address.address).then(
        (route) => {
          if (!route) return cb(smtpError(550, `5.1.1 <${address.address}>: no mailbox here for this address; an administrator adds it (or its @domain) as an email channel`));
          routes.set(address, route);
          cb();
        },
        (err) => {
          log.error({ err, rcpt: address.address }, 'smtp: routing a recipient failed');
          cb(smtpError(451, '4.3.0 Temporary failure looking up the recipient, try again later'));
        },
      );
    },
    onData(stream, session: SMTPServerSession, cb) {
      readMessage(stream)
        .then(async (raw) => {
          if (!raw) return cb(smtpError(552, `5.3.4 Message too big: this server accepts mail up to ${maxBytes} bytes (SMTP_MAX_BYTES)`));
          const byTenant = new Map<string, MailRoute>();
          for (const rcpt of session.envelope.rcptTo) {
            const r = routes.get(rcpt);
            if (r && !byTenant.has(r.tenantId)) byTenant.set(r.tenantId, r);
          }
          const mailFrom = toStorableText(session.envelope.mailFrom ? session.envelope.mailFrom.address : '');
          const { externalId, lane } = mailEnvelope(raw, mailFrom);
          // from and subject: what lists of messages (a ticket's channel log, the inbox) show of a mail
          const meta = { ...mailHeadline(raw), mailFrom, rcptTo: session.envelope.rcptTo.map((r) => toStorableText(r.address)), remoteAddress: session.remoteAddress, lane };
          try {
            const stored = await Promise.all([...byTenant.values()].map((r) => receiveInbound(deps, { tenantId: r.tenantId, channel: 'email', channelId: r.channelId, externalId, contentType: 'message/rfc822', raw, meta })));
            cb(null, `2.0.0 Stored as ${stored.map((s) => s.id).join(', ')}${stored.every((s) => s.duplicate) ? ' (duplicate delivery)' : ''}`);
          } catch (err) {
            log.error({ err }, 'smtp: storing a mail failed');
            cb(smtpError(451, '4.3.0 The message could not be stored, try again later'));
          }
        })
        .catch((err) => {
          log.error({ err }, 'smtp: reading a mail failed');
          cb(smtpError(451, '4.3.0 The message could not be read, try again later'));
        });
    },
  });
  server.on('error', (err) => log.error({ err }, 'smtp listener error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.SMTP_PORT, config.SMTP_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as { port: number }).port;
  log.info({ port, host: config.SMTP_HOST }, 'SMTP listener for customer mail listening');
  return {
    port,
    address: { smtp: port },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
