import type { Queryable } from '../../platform/db/database';
import type { ChannelConfig, ChannelDefaults, IntakeChannel } from './intake-types';

export interface ChannelWrite {
  name: string;
  enabled: boolean;
  address: string | null;
  settings: Record<string, unknown>;
  secrets: Record<string, unknown>;
  defaults: ChannelDefaults;
}

const COLUMNS = 'id, tenant_id, kind, name, enabled, address, settings, secrets, defaults, created_at, updated_at';

export type ChannelRow = ChannelConfig & { createdAt: Date; updatedAt: Date };

const toChannel = (r: any): ChannelRow => ({
  id: r.id,
  tenantId: r.tenant_id,
  kind: r.kind,
  name: r.name,
  enabled: r.enabled,
  address: r.address,
  settings: r.settings ?? {},
  secrets: r.secrets ?? {},
  defaults: r.defaults ?? {},
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const channelRepository = {
  async insert(q: Queryable, c: ChannelWrite & { id: string; tenantId: string; kind: IntakeChannel; at: Date }): Promise<ChannelRow> {
    const [row] = await q.query(
      `INSERT INTO channels (id, tenant_id, kind, name, enabled, address, settings, secrets, defaults, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING ${COLUMNS}`,
      [c.id, c.tenantId, c.kind, c.name, c.enabled, c.address, JSON.stringify(c.settings), JSON.stringify(c.secrets), JSON.stringify(c.defaults), c.at],
    );
    return toChannel(row);
  },
  async update(q: Queryable, id: string, c: ChannelWrite & { at: Date }): Promise<ChannelRow | undefined> {
    const [row] = await q.query(
      `UPDATE channels SET name = $2, enabled = $3, address = $4, settings = $5, secrets = $6, defaults = $7, updated_at = $8 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, c.name, c.enabled, c.address, JSON.stringify(c.settings), JSON.stringify(c.secrets), JSON.stringify(c.defaults), c.at],
    );
    return row && toChannel(row);
  },
  async remove(q: Queryable, id: string): Promise<boolean> {
    const rows = await q.query('DELETE FROM channels WHERE id = $1 RETURNING id', [id]);
    return rows.length > 0;
  },
  /** One channel; in a system session of any tenant (callbacks name their channel by id). */
  async byId(q: Queryable, id: string): Promise<ChannelRow | undefined> {
    const [row] = await q.query(`SELECT ${COLUMNS} FROM channels WHERE id = $1`, [id]);
    return row && toChannel(row);
  },
  async list(q: Queryable, kind?: IntakeChannel): Promise<ChannelRow[]> {
    const rows = await q.query(`SELECT ${COLUMNS} FROM channels WHERE tenant_id = current_tenant_id() AND ($1::text IS NULL OR kind = $1) ORDER BY kind, created_at`, [kind ?? null]);
    return rows.map(toChannel);
  },
  /** Across tenants (system session): the enabled channel of a kind with one of these addresses, the first address winning. */
  async byAddress(q: Queryable, kind: IntakeChannel, addresses: string[]): Promise<ChannelRow | undefined> {
    if (!addresses.length) return undefined;
    const lower = addresses.map((a) => a.toLowerCase());
    const rows = (await q.query(`SELECT ${COLUMNS} FROM channels WHERE kind = $1 AND enabled AND lower(address) = ANY($2::text[])`, [kind, lower])).map(toChannel);
    return lower.map((a) => rows.find((r) => r.address?.toLowerCase() === a)).find(Boolean);
  },
  /**
   * Whether another tenant's email channel holds this address, or overlaps it (an @domain and an
   * address in that domain, either way round). Deliberately across tenants, through the database
   * function mail_address_taken: it answers only "taken", never whose. It locks the domain until the
   * transaction ends, so write the channel in the same transaction.
   */
  async mailAddressTaken(q: Queryable, address: string): Promise<boolean> {
    const [row] = await q.query<{ taken: boolean }>('SELECT mail_address_taken($1) AS taken', [address]);
    return row.taken;
  },
  /** Across tenants (system session): every enabled channel of a kind (IMAP mailboxes to poll…). */
  async allEnabled(q: Queryable, kind: IntakeChannel): Promise<ChannelRow[]> {
    const rows = await q.query(`SELECT ${COLUMNS} FROM channels WHERE kind = $1 AND enabled ORDER BY created_at`, [kind]);
    return rows.map(toChannel);
  },
};
