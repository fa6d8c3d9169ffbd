import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminApiKey, startServer, type ServerHandle } from '../../bench/lib/server';
import { createTicketBody, type Rng } from '../../bench/lib/texts';
import { createPostgresTestDatabaseUrl, testDbKind } from '../support/test-db';

// Durability tests drive a real server process (node --import tsx src/main.ts) over HTTP with
// node's fetch: PGlite in a temporary DATA_DIR, or a fresh PostgreSQL database from the test template.

export interface ServerDatabase {
  dataDir?: string;
  databaseUrl?: string;
  cleanup(): void;
}

export async function serverDatabase(): Promise<ServerDatabase> {
  if (testDbKind() === 'postgres') {
    return { databaseUrl: await createPostgresTestDatabaseUrl(), cleanup: () => undefined };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'gongdan-durability-'));
  return { dataDir, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

export async function start(where: ServerDatabase): Promise<ServerHandle> {
  return startServer({ dataDir: where.dataDir, databaseUrl: where.databaseUrl, env: { OUTBOX_POLL_MS: '200' } });
}

export { adminApiKey };

export interface Created {
  key: string;
  id: string;
  number: number;
  title: string;
  replayed: boolean;
}

export type PostResult = { ok: true; status: number; ticket?: Created; body: any } | { ok: false; error: string };

/** POST /api/v1/tickets with an Idempotency-Key; network failures are returned, not thrown. */
export async function postTicket(url: string, apiKey: string, key: string, body: unknown): Promise<PostResult> {
  try {
    const res = await fetch(`${url}/api/v1/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const json = await res.json().catch(() => null);
    const ticket =
      res.status === 201 ? { key, id: json.id as string, number: json.number as number, title: json.title as string, replayed: res.headers.get('idempotent-replayed') === 'true' } : undefined;
    return { ok: true, status: res.status, ticket, body: json };
  } catch (err) {
    return { ok: false, error: String((err as { cause?: unknown }).cause ?? err) };
  }
}

export async function getJson(url: string, apiKey: string, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url + path, { headers: { authorization: `Bearer ${apiKey}` }, signal: AbortSignal.timeout(60_000) });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** Runs `n` workers concurrently (plain promises). */
export async function concurrently(n: number, worker: (i: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: n }, (_, i) => worker(i)));
}

/** Every ticket of the tenant through the list API (keyset pages of 200). */
export async function allTickets(url: string, apiKey: string): Promise<{ id: string; number: number; title: string }[]> {
  const out: { id: string; number: number; title: string }[] = [];
  let cursor: string | null = null;
  do {
    const page = await getJson(url, apiKey, `/api/v1/tickets?limit=200&sort=number${cursor ? `&cursor=${cursor}` : ''}`);
    if (page.status !== 200) throw new Error(`list failed: ${page.status} ${JSON.stringify(page.body)}`);
    out.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return out;
}

export const ticketBody = (rng: Rng) => createTicketBody(rng, 2000);
