import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/platform/ids';
import { registerGauge } from '../../src/platform/http/metrics';
import { appendOutbox } from '../../src/platform/outbox/append-outbox';
import { shortXid } from '../../src/platform/outbox/held-back-episode';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { testDbKind } from '../support/test-db';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// Consumers read only below the oldest transaction open on the cluster: one left open anywhere (another
// database here, as an operator's psql would be) holds every consumer back. The dispatcher's check must say
// so, once, naming the transaction, and say when it clears.
describe('outbox delivery held back by an open transaction', () => {
  let t: TestApp;
  let acme: TestTenant;
  beforeAll(async () => {
    t = await startTestApp({ clock: true, env: { METRICS_TOKEN: 'scrape-secret-42' } });
    acme = await t.tenant('滞留测试');
  });
  afterAll(() => t.close());

  type Line = { obj: Record<string, unknown>; msg: string };
  function dispatcher(warnAfterMs: number) {
    const lines = { warn: [] as Line[], info: [] as Line[], error: [] as Line[] };
    const log = {
      warn: (obj: unknown, msg: string) => void lines.warn.push({ obj: obj as Record<string, unknown>, msg }),
      info: (obj: unknown, msg: string) => void lines.info.push({ obj: obj as Record<string, unknown>, msg }),
      error: (obj: unknown, msg: string) => void lines.error.push({ obj: obj as Record<string, unknown>, msg }),
    };
    const d = new OutboxDispatcher(t.db, t.clock, { log, heldBack: { warnAfterMs } });
    const seen: string[] = [];
    d.subscribe('held-back-probe', ['probe.*'], async (m) => void seen.push(m.eventId));
    return { d, lines, seen };
  }
  const append = async () => {
    const eventId = uuidv7();
    await t.db.tenant(acme.id, (q) => appendOutbox(q, [{ tenantId: acme.id, eventId, topic: 'probe.held', payload: {}, at: t.clock.now() }]));
    return eventId;
  };
  /** Rounds until `done` (a transaction of another test file may hold the message back for a moment). */
  const rounds = async (d: OutboxDispatcher, done: () => boolean) => {
    for (const until = Date.now() + 10_000; !done() && Date.now() < until; ) if ((await d.runOnce()) === 0) await new Promise((r) => setTimeout(r, 20));
  };

  it('reports nothing when nothing waits long (and is harmless on PGlite)', async () => {
    const { d, lines, seen } = dispatcher(60_000);
    const id = await append();
    await rounds(d, () => seen.includes(id));
    expect(await d.checkHeldBack()).toBeNull();
    expect(d.heldBackSeconds()).toBeLessThan(60);
    expect(lines).toEqual({ warn: [], info: [], error: [] });
  });

  it.runIf(testDbKind() === 'postgres')('warns once naming the open transaction, says when it clears, and consumers then deliver', async () => {
    const { d, lines, seen } = dispatcher(1000);
    await d.drain();
    const holder = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL, application_name: 'held-back-test' });
    await holder.connect();
    // an open transaction holds back every outbox reader on the cluster: it ends whatever fails here
    try {
      await holder.query('BEGIN');
      const [{ xid8, pid }] = (await holder.query<{ xid8: string; pid: number }>('SELECT pg_current_xact_id()::text AS xid8, pg_backend_pid() AS pid')).rows;
      const xid = shortXid(xid8);
      const id = await append();
      t.clock.advance(5000);
      expect(await d.runOnce()).toBe(0);
      expect(seen).not.toContain(id);

      const mine = () => lines.warn.filter((l) => l.obj.xid === xid);
      await expect.poll(async () => (await d.checkHeldBack(), mine().length), { timeout: 5000 }).toBe(1);
      await d.checkHeldBack();
      await d.checkHeldBack();
      expect(mine()).toHaveLength(1); // once per episode, not per check
      const [line] = mine();
      expect(line.obj).toMatchObject({ xid, heldBackSeconds: 5, holder: { pid, application: 'held-back-test', database: 'postgres' } });
      expect(line.msg).toContain(`transaction ${xid} is still open`);
      expect(line.msg).toContain(`WHERE backend_xid = '${xid}'`);
      expect(line.msg).toContain(`pg_terminate_backend(${pid})`);
      expect(d.heldBackSeconds()).toBe(5);

      // the gauge on /metrics
      registerGauge(t.app, { name: 'gongdan_outbox_held_back_seconds', help: 'held back', read: () => d.heldBackSeconds() });
      expect((await t.api('scrape-secret-42', 'GET', '/metrics')).body).toContain('gongdan_outbox_held_back_seconds 5');

      await holder.query('COMMIT');
      await expect.poll(async () => (await d.checkHeldBack(), lines.info.length), { timeout: 5000 }).toBe(1);
      expect(lines.info[0].msg).toMatch(/^outbox delivery resumed: transaction \d+ no longer holds it back/);
      expect(d.heldBackSeconds()).toBe(0);
      await rounds(d, () => seen.includes(id));
      expect(seen).toContain(id);
    } finally {
      await holder.end();
    }
  });
});
