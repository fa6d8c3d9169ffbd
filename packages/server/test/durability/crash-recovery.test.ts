import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../bench/lib/server';
import { seededRng } from '../../bench/lib/texts';
import { testDbKind } from '../support/test-db';
import { adminApiKey, allTickets, concurrently, getJson, postTicket, serverDatabase, start, ticketBody, type Created, type ServerDatabase } from './support';

// The server process is killed with SIGKILL while 200 clients submit tickets, then started again on
// the same database (the same DATA_DIR for PGlite). Every ticket answered 201 before the kill must
// be there with its number; a request whose answer was lost, retried with its Idempotency-Key, must
// not create a second ticket; numbers stay unique and new tickets get fresh numbers.
describe(`SIGKILL under load, restart on the same database (${testDbKind()})`, () => {
  let where: ServerDatabase;
  let server: ServerHandle | undefined;

  beforeAll(async () => {
    where = await serverDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    where?.cleanup();
  });

  it('keeps every acknowledged ticket and never duplicates a retried one', { timeout: 115_000 }, async () => {
    const rng = seededRng(11);
    server = await start(where);
    const first = server;
    const apiKey = await adminApiKey(first.url);

    // ── load until 300 tickets were acknowledged, then SIGKILL ────────────────────────────────
    const acked = new Map<string, Created>();
    const bodies = new Map<string, unknown>();
    const lost = new Map<string, unknown>(); // key → body of requests with no answer
    const unexpected: string[] = [];
    let killed = false;
    let seq = 0;
    await concurrently(200, async () => {
      while (!killed) {
        const key = `crash-${seq++}`;
        const body = ticketBody(rng);
        bodies.set(key, body);
        const r = await postTicket(first.url, apiKey, key, body);
        if (r.ok && r.ticket) {
          acked.set(key, r.ticket);
          if (acked.size >= 300 && !killed) {
            killed = true;
            first.proc.kill('SIGKILL');
          }
        } else if (!r.ok) lost.set(key, body);
        else if (r.status === 503) lost.set(key, body); // closing
        else unexpected.push(`${r.status} ${JSON.stringify(r.body)}`);
      }
    });
    await first.stop();
    expect(unexpected).toEqual([]);
    expect(acked.size).toBeGreaterThanOrEqual(300);
    expect(lost.size).toBeGreaterThan(0); // requests were in flight when the process died

    // ── restart on the same database ──────────────────────────────────────────────────────────
    server = await start(where);
    const url = server.url;
    // every acknowledged ticket is there with the number it was answered with
    const before = new Map((await allTickets(url, apiKey)).map((t) => [t.id, t]));
    for (const t of acked.values()) expect(before.get(t.id), `ticket #${t.number} (${t.key}) answered 201 before the kill`).toMatchObject({ number: t.number, title: t.title });
    const numbersBefore = [...before.values()].map((t) => t.number);
    expect(new Set(numbersBefore).size).toBe(numbersBefore.length);
    // tickets committed whose answer was lost: at most one per lost request
    expect(before.size).toBeGreaterThanOrEqual(acked.size);
    expect(before.size).toBeLessThanOrEqual(acked.size + lost.size);

    // ── retry every lost request with its Idempotency-Key: one ticket per key, never two ─────────
    const retried: Created[] = [];
    const retryFailures: string[] = [];
    const lostEntries = [...lost.entries()];
    await concurrently(50, async (w) => {
      for (let i = w; i < lostEntries.length; i += 50) {
        const [key, body] = lostEntries[i];
        const r = await postTicket(url, apiKey, key, body);
        if (r.ok && r.ticket) retried.push(r.ticket);
        else retryFailures.push(r.ok ? `${r.status} ${JSON.stringify(r.body)}` : r.error);
      }
    });
    expect(retryFailures).toEqual([]);
    const replayed = retried.filter((t) => t.replayed);
    // a replay returns the ticket committed before the kill; a fresh one was never committed
    for (const t of replayed) expect(before.get(t.id)?.number).toBe(t.number);
    expect(replayed.length).toBe(before.size - acked.size);
    // acknowledged requests retried after the restart: the stored answer, the same ticket
    for (const t of [...acked.values()].slice(0, 20)) {
      const again = await postTicket(url, apiKey, t.key, bodies.get(t.key));
      expect(again.ok && again.ticket).toMatchObject({ id: t.id, number: t.number, replayed: true });
    }

    // ── new tickets get fresh numbers ──────────────────────────────────────────────────────────
    const fresh: Created[] = [];
    await concurrently(20, async (i) => {
      const r = await postTicket(url, apiKey, `after-restart-${i}`, ticketBody(rng));
      if (r.ok && r.ticket) fresh.push(r.ticket);
    });
    expect(fresh).toHaveLength(20);
    const maxBefore = Math.max(...numbersBefore);
    for (const t of fresh) expect(t.number).toBeGreaterThan(maxBefore);

    const after = await allTickets(url, apiKey);
    const numbers = after.map((t) => t.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(after.length).toBe(acked.size + lost.size + fresh.length);
    const count = await getJson(url, apiKey, '/api/v1/tickets/count');
    expect(count.body.count).toBe(after.length);
    console.info(
      JSON.stringify({ test: 'crash-recovery', db: testDbKind(), acked: acked.size, lost: lost.size, committed_but_unanswered: replayed.length, fresh_after_restart: fresh.length, max_before: maxBefore, first_after: Math.min(...fresh.map((t) => t.number)) }),
    );
  });
});
