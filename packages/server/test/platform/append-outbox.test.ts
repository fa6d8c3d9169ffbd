import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/platform/ids';
import { appendOutbox, outboxInsert } from '../../src/platform/outbox/append-outbox';
import { eventRepository } from '../../src/modules/tickets/event-repository';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// The one API through which events and outbox messages are appended: the platform writes the outbox,
// the tickets' event repository writes ticket_events (with each event's outbox message).
describe('appending events and outbox messages', () => {
  let t: TestApp;
  let acme: TestTenant;
  beforeAll(async () => {
    t = await startTestApp({ clock: true });
    acme = await t.tenant('追加测试');
  });
  afterAll(() => t.close());

  type Row = { event_id: string; topic: string; payload: Record<string, unknown>; created_at: Date };
  const outboxOf = (eventIds: string[]) =>
    t.db.system((q) => q.query<Row>('SELECT event_id, topic, payload, created_at FROM outbox WHERE event_id = ANY($1::uuid[]) ORDER BY id', [eventIds]));

  it('appends messages in the given order, in the caller’s transaction', async () => {
    const at = new Date('2026-12-01T08:00:00Z');
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    await t.db.tenant(acme.id, (q) =>
      appendOutbox(q, [
        { tenantId: acme.id, eventId: ids[2], topic: 'probe.c', payload: { n: 3 }, at },
        { tenantId: acme.id, eventId: ids[0], topic: 'probe.a', payload: { n: 1, 名: '甲' }, at },
        { tenantId: acme.id, eventId: ids[1], topic: 'probe.b', payload: {}, at },
      ]),
    );
    const rows = await outboxOf(ids);
    expect(rows.map((r) => [r.event_id, r.topic, r.payload])).toEqual([
      [ids[2], 'probe.c', { n: 3 }],
      [ids[0], 'probe.a', { n: 1, 名: '甲' }],
      [ids[1], 'probe.b', {}],
    ]);
    expect(rows.every((r) => new Date(r.created_at).getTime() === at.getTime())).toBe(true);

    // a rolled back transaction announces nothing
    const lost = uuidv7();
    await expect(
      t.db.tenant(acme.id, async (q) => {
        await appendOutbox(q, [{ tenantId: acme.id, eventId: lost, topic: 'probe.lost', payload: {}, at }]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await outboxOf([lost])).toEqual([]);
    await t.db.tenant(acme.id, (q) => appendOutbox(q, []));
  });

  it('lets a repository append the messages of its own statement (a CTE)', async () => {
    const id = uuidv7();
    await t.db.tenant(acme.id, (q) =>
      q.query(`WITH src AS (SELECT $1::uuid AS tenant_id, $2::uuid AS id), o AS (${outboxInsert(`SELECT tenant_id, id, 'probe.cte', jsonb_build_object('x', 1), now() FROM src`)}) SELECT 1`, [acme.id, id]),
    );
    expect((await outboxOf([id])).map((r) => [r.topic, r.payload])).toEqual([['probe.cte', { x: 1 }]]);
  });

  it('writes ticket events with their outbox messages, one statement for many, in order', async () => {
    const ticket = (await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: '事件追加', description: '内容', requester: { email: 'e@example.cn' } })).json();
    const at = t.clock.now();
    const actor = { tenantId: acme.id, type: 'system' as const, id: null, name: 'probe' };
    let statements = 0;
    const ids = await t.db.tenant(acme.id, (q) =>
      eventRepository.appendMany(
        {
          query: (sql, params) => {
            statements++;
            return q.query(sql, params);
          },
        },
        [
          { ticketId: ticket.id, kind: 'probe.first', actor, channel: 'api', at, data: { a: 1 } },
          { ticketId: ticket.id, kind: 'probe.second', actor, channel: 'web', at, data: { b: 2 }, internal: true },
        ],
      ),
    );
    expect(statements).toBe(1);
    const events = await t.db.system((q) => q.query<{ id: string; kind: string; internal: boolean; data: unknown }>('SELECT id, kind, internal, data FROM ticket_events WHERE id = ANY($1::uuid[]) ORDER BY id', [ids]));
    expect(events.map((e) => [e.id, e.kind, e.internal, e.data])).toEqual([
      [ids[0], 'probe.first', false, { a: 1 }],
      [ids[1], 'probe.second', true, { b: 2 }],
    ]);
    const messages = await outboxOf(ids);
    expect(messages.map((m) => [m.event_id, m.topic, m.payload])).toEqual([
      [ids[0], 'probe.first', { ticketId: ticket.id, actor: { type: 'system', id: null }, channel: 'api', internal: false, data: { a: 1 } }],
      [ids[1], 'probe.second', { ticketId: ticket.id, actor: { type: 'system', id: null }, channel: 'web', internal: true, data: { b: 2 } }],
    ]);

    // one event: the same statement, the same message
    const one = await t.db.tenant(acme.id, (q) => eventRepository.append(q, { ticketId: ticket.id, kind: 'probe.one', actor, channel: 'api', at, data: {} }));
    expect((await outboxOf([one])).map((m) => m.payload)).toEqual([{ ticketId: ticket.id, actor: { type: 'system', id: null }, channel: 'api', internal: false, data: {} }]);

    // the creation event written with the ticket has its message too
    const [created] = await t.db.system((q) => q.query<{ id: string }>(`SELECT id FROM ticket_events WHERE ticket_id = $1 AND kind = 'ticket.created'`, [ticket.id]));
    const [msg] = await outboxOf([created.id]);
    expect(msg.topic).toBe('ticket.created');
    expect(msg.payload).toMatchObject({ ticketId: ticket.id, channel: ticket.channel, internal: false, data: { after: { number: ticket.number } } });
  });
});
