import { ImapFlow } from 'imapflow';
import type { ChannelRuntime } from '../channel-plugin';
import { channelRepository, type ChannelRow } from '../channel-repository';
import { receiveInbound } from '../receive-inbound';
import { mailEnvelope, mailHeadline } from './email-rules';
import { imapStateRepository } from './imap-state-repository';

/** The IMAP settings of a mailbox channel (settings.imap; the password is the secret imapPassword). */
export interface ImapSettings {
  host: string;
  port?: number;
  secure?: boolean;
  user: string;
  mailbox?: string;
}

const BATCH = 100;

export function imapSettingsOf(c: ChannelRow): (ImapSettings & { password: string }) | null {
  const s = c.settings.imap as ImapSettings | undefined;
  if (!s || typeof s.host !== 'string' || typeof s.user !== 'string') return null;
  return { ...s, password: typeof c.secrets.imapPassword === 'string' ? c.secrets.imapPassword : '' };
}

/**
 * Fetches the mail of one mailbox newer than the last UID stored, stores each raw (its Message-ID
 * makes a second delivery a duplicate), and only then marks it \Seen and advances the UID. The first
 * poll, and one after the UIDVALIDITY changed, takes the unread mail only. Returns how many mails were stored.
 */
export async function pollMailbox(rt: ChannelRuntime, c: ChannelRow): Promise<number> {
  const s = imapSettingsOf(c);
  if (!s) return 0;
  const { deps } = rt;
  const mailbox = s.mailbox || 'INBOX';
  const client = new ImapFlow({ host: s.host, port: s.port ?? (s.secure ? 993 : 143), secure: s.secure ?? false, auth: { user: s.user, pass: s.password }, logger: false, tls: { rejectUnauthorized: s.secure ? true : false } });
  client.on('error', (err) => rt.log.warn({ err, channel: c.id }, 'imap connection error'));
  await client.connect();
  let stored = 0;
  try {
    const lock = await client.getMailboxLock(mailbox);
    try {
      const box = client.mailbox;
      if (!box) throw new Error(`mailbox ${mailbox} could not be opened`);
      const uidValidity = Number(box.uidValidity);
      const before = await deps.db.tenant(c.tenantId, (q) => imapStateRepository.get(q, c.id));
      const known = !!before && before.uidValidity === uidValidity && before.mailbox === mailbox;
      // the first poll of a mailbox (or after its UIDVALIDITY changed) takes only its unread mail:
      // years of read mail in an existing mailbox must not turn into tickets
      const firstPoll = !known;
      const uidNextAtStart = box.uidNext;
      let lastUid = known ? before.lastUid : 0;
      for (;;) {
        const found = await client.search(firstPoll ? { uid: `${lastUid + 1}:*`, seen: false } : { uid: `${lastUid + 1}:*` }, { uid: true });
        const uids = (found || []).filter((u) => u > lastUid && (!firstPoll || u < uidNextAtStart)).sort((a, b) => a - b).slice(0, BATCH);
        if (!uids.length) break;
        const messages = await client.fetchAll(uids, { uid: true, source: true }, { uid: true });
        messages.sort((a, b) => a.uid - b.uid);
        for (const m of messages) {
          if (!m.source) continue;
          const raw = m.source;
          const { externalId, lane } = mailEnvelope(raw);
          await receiveInbound(deps, {
            tenantId: c.tenantId,
            channel: 'email',
            channelId: c.id,
            externalId,
            contentType: 'message/rfc822',
            raw,
            meta: { ...mailHeadline(raw), imap: { host: s.host, mailbox, uid: m.uid, uidValidity }, lane },
          });
          await client.messageFlagsAdd(String(m.uid), ['\\Seen'], { uid: true });
          lastUid = m.uid;
          stored++;
          await deps.db.tenant(c.tenantId, (q) => imapStateRepository.put(q, c.tenantId, c.id, { mailbox, uidValidity, lastUid }, deps.clock.now()));
        }
        if (uids.length < BATCH) break;
      }
      if (firstPoll) lastUid = Math.max(lastUid, uidNextAtStart - 1);
      await deps.db.tenant(c.tenantId, (q) => imapStateRepository.put(q, c.tenantId, c.id, { mailbox, uidValidity, lastUid }, deps.clock.now()));
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return stored;
}

/** Polls every enabled mailbox channel with IMAP settings every IMAP_POLL_MS; a failing mailbox is logged and tried next round. */
export function startImapPoller(rt: ChannelRuntime): { pollAll(): Promise<number>; close(): Promise<void> } {
  let running: Promise<number> | null = null;
  let closed = false;
  const pollAll = async (): Promise<number> => {
    const channels = await rt.deps.db.system((q) => channelRepository.allEnabled(q, 'email'));
    let n = 0;
    for (const c of channels.filter((x) => imapSettingsOf(x))) {
      if (closed) break;
      try {
        n += await pollMailbox(rt, c);
      } catch (err) {
        rt.log.warn({ err, channel: c.id }, 'imap: polling a mailbox failed');
        const message = err instanceof Error ? `${err.message}${(err as { responseText?: string }).responseText ? `: ${(err as { responseText?: string }).responseText}` : ''}` : String(err);
        await rt.deps.db
          .tenant(c.tenantId, (q) => imapStateRepository.recordError(q, c.tenantId, c.id, imapSettingsOf(c)?.mailbox || 'INBOX', message, rt.deps.clock.now()))
          .catch(() => undefined);
      }
    }
    return n;
  };
  const tick = () => {
    if (running || closed) return;
    running = pollAll().finally(() => (running = null));
  };
  const timer = setInterval(tick, rt.config.IMAP_POLL_MS);
  timer.unref();
  tick();
  return {
    async pollAll() {
      while (running) await running.catch(() => 0);
      running = pollAll().finally(() => (running = null));
      return running;
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}
