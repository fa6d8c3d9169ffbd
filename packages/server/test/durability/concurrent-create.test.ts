import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../bench/lib/server';
import { seededRng } from '../../bench/lib/texts';
import { adminApiKey, allTickets, concurrently, getJson, postTicket, serverDatabase, start, ticketBody, type Created, type ServerDatabase } from './support';

// 200 clients at once, 5 tickets each, against a real server process: every 201 is a stored ticket
// with the number it was answered with, numbers are unique, and nothing else was stored.
describe('concurrent ticket creation (200 clients × 5 tickets)', () => {
  let where: ServerDatabase;
  let server: ServerHandle;
  let apiKey: string;

  beforeAll(async () => {
    where = await serverDatabase();
    server = await start(where);
    apiKey = await adminApiKey(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    where?.cleanup();
  });

  it('stores exactly the tickets answered 201, each with its number, numbers unique', { timeout: 110_000 }, async () => {
    const rng = seededRng(7);
    const created: Created[] = [];
    const failures: string[] = [];
    await concurrently(200, async (c) => {
      for (let k = 0; k < 5; k++) {
        const r = await postTicket(server.url, apiKey, `c${c}-t${k}`, ticketBody(rng));
        if (r.ok && r.ticket) created.push(r.ticket);
        else failures.push(r.ok ? `${r.status} ${JSON.stringify(r.body)}` : r.error);
      }
    });
    expect(failures).toEqual([]);
    expect(created).toHaveLength(1000);
    expect(created.every((t) => !t.replayed)).toBe(true);
    expect(new Set(created.map((t) => t.number)).size).toBe(1000);
    expect(new Set(created.map((t) => t.id)).size).toBe(1000);

    const count = await getJson(server.url, apiKey, '/api/v1/tickets/count');
    expect(count.body.count).toBe(1000);
    const stored = new Map((await allTickets(server.url, apiKey)).map((t) => [t.id, t]));
    expect(stored.size).toBe(1000);
    for (const t of created) {
      expect(stored.get(t.id), `ticket ${t.id} answered 201 as #${t.number}`).toMatchObject({ number: t.number, title: t.title });
    }
    // and one by one through GET /tickets/:id (by number too)
    const sample = created.filter((_, i) => i % 10 === 0);
    await concurrently(20, async (w) => {
      for (let i = w; i < sample.length; i += 20) {
        const one = await getJson(server.url, apiKey, `/api/v1/tickets/${sample[i].number}`);
        expect(one.status).toBe(200);
        expect(one.body.id).toBe(sample[i].id);
      }
    });
  });
});
