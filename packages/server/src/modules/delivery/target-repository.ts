import type { Queryable } from '../../platform/db/database';

export interface WebhookRow {
  id: string;
  tenant_id: string;
  name: string;
  url: string;
  secret: string;
  events: string[];
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export type ChannelKind = 'wecom_robot' | 'dingtalk_robot' | 'feishu_robot' | 'sms_gateway';

export interface ChannelRow {
  id: string;
  tenant_id: string;
  kind: ChannelKind;
  name: string;
  config: Record<string, string>;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

// Webhooks and notification channels of the tenant (tenant transactions).
export const webhookRepository = {
  async list(q: Queryable): Promise<WebhookRow[]> {
    return q.query<WebhookRow>('SELECT * FROM webhooks WHERE tenant_id = current_tenant_id() ORDER BY name');
  },
  async byId(q: Queryable, id: string): Promise<WebhookRow | undefined> {
    const [row] = await q.query<WebhookRow>('SELECT * FROM webhooks WHERE id = $1', [id]);
    return row;
  },
  /** Active webhooks subscribed to at least one event kind (the consumer filters by kind). */
  async subscribed(q: Queryable): Promise<WebhookRow[]> {
    return q.query<WebhookRow>("SELECT * FROM webhooks WHERE tenant_id = current_tenant_id() AND active AND events <> '{}'");
  },
  async insert(q: Queryable, w: WebhookRow): Promise<WebhookRow> {
    const [row] = await q.query<WebhookRow>(
      `INSERT INTO webhooks (id, tenant_id, name, url, secret, events, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [w.id, w.tenant_id, w.name, w.url, w.secret, w.events, w.active, w.created_at, w.updated_at],
    );
    return row;
  },
  async update(q: Queryable, w: Pick<WebhookRow, 'id' | 'name' | 'url' | 'secret' | 'events' | 'active' | 'updated_at'>): Promise<WebhookRow | undefined> {
    const [row] = await q.query<WebhookRow>(
      'UPDATE webhooks SET name = $2, url = $3, secret = $4, events = $5, active = $6, updated_at = $7 WHERE id = $1 RETURNING *',
      [w.id, w.name, w.url, w.secret, w.events, w.active, w.updated_at],
    );
    return row;
  },
  async remove(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('DELETE FROM webhooks WHERE id = $1 RETURNING id', [id])).length > 0;
  },
};

export const channelRepository = {
  async list(q: Queryable): Promise<ChannelRow[]> {
    return q.query<ChannelRow>('SELECT * FROM notification_channels WHERE tenant_id = current_tenant_id() ORDER BY kind, name');
  },
  async byId(q: Queryable, id: string): Promise<ChannelRow | undefined> {
    const [row] = await q.query<ChannelRow>('SELECT * FROM notification_channels WHERE id = $1', [id]);
    return row;
  },
  /** The tenant's first active channel of a kind (the SMS gateway notifications go through). */
  async firstActive(q: Queryable, kind: ChannelKind): Promise<ChannelRow | undefined> {
    const [row] = await q.query<ChannelRow>(
      'SELECT * FROM notification_channels WHERE tenant_id = current_tenant_id() AND kind = $1 AND active ORDER BY created_at LIMIT 1',
      [kind],
    );
    return row;
  },
  async insert(q: Queryable, c: ChannelRow): Promise<ChannelRow> {
    const [row] = await q.query<ChannelRow>(
      `INSERT INTO notification_channels (id, tenant_id, kind, name, config, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [c.id, c.tenant_id, c.kind, c.name, JSON.stringify(c.config), c.active, c.created_at, c.updated_at],
    );
    return row;
  },
  async update(q: Queryable, c: Pick<ChannelRow, 'id' | 'name' | 'config' | 'active' | 'updated_at'>): Promise<ChannelRow | undefined> {
    const [row] = await q.query<ChannelRow>(
      'UPDATE notification_channels SET name = $2, config = $3, active = $4, updated_at = $5 WHERE id = $1 RETURNING *',
      [c.id, c.name, JSON.stringify(c.config), c.active, c.updated_at],
    );
    return row;
  },
  async remove(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('DELETE FROM notification_channels WHERE id = $1 RETURNING id', [id])).length > 0;
  },
};
