import type { Queryable } from '../../../platform/db/database';

export interface ImapState {
  mailbox: string;
  uidValidity: number;
  lastUid: number;
}

// Per IMAP mailbox channel: how far polling has got (UIDVALIDITY + the last UID stored).
export const imapStateRepository = {
  async get(q: Queryable, channelId: string): Promise<ImapState | undefined> {
    const [r] = await q.query<{ mailbox: string; uid_validity: string; last_uid: string }>('SELECT mailbox, uid_validity, last_uid FROM imap_state WHERE channel_id = $1', [channelId]);
    return r && { mailbox: r.mailbox, uidValidity: Number(r.uid_validity), lastUid: Number(r.last_uid) };
  },
  async put(q: Queryable, tenantId: string, channelId: string, s: ImapState & { error?: string | null }, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO imap_state (channel_id, tenant_id, mailbox, uid_validity, last_uid, last_error, polled_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (channel_id) DO UPDATE SET mailbox = EXCLUDED.mailbox, uid_validity = EXCLUDED.uid_validity, last_uid = EXCLUDED.last_uid, last_error = EXCLUDED.last_error, polled_at = EXCLUDED.polled_at`,
      [channelId, tenantId, s.mailbox, s.uidValidity, s.lastUid, s.error ?? null, at],
    );
  },
  /** A poll that failed (login refused, server unreachable): kept for the admin; the UID stays where it was. */
  async recordError(q: Queryable, tenantId: string, channelId: string, mailbox: string, error: string, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO imap_state (channel_id, tenant_id, mailbox, uid_validity, last_uid, last_error, polled_at) VALUES ($1, $2, $3, 0, 0, $4, $5)
       ON CONFLICT (channel_id) DO UPDATE SET last_error = EXCLUDED.last_error, polled_at = EXCLUDED.polled_at`,
      [channelId, tenantId, mailbox, error.slice(0, 2000), at],
    );
  },
};
