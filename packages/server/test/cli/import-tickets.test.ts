import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, makeDeps } from '../../src/app';
import { loadConfig } from '../../src/platform/config';
import { openDatabase } from '../../src/platform/db/open-database';
import { runGongdan, SERVER_DIR } from '../support/run-cli';
import { createTestDatabase, testDbKind } from '../support/test-db';

// `gongdan import tickets` in a child process against a database of its own (PGlite in a fresh
// DATA_DIR, or a fresh PostgreSQL database), which the test opens only between the CLI's runs.
const PASSWORD = 'Huadong2026-电梯';
const FIXTURES = join(SERVER_DIR, 'test', 'cli', 'fixtures', 'import');

let env: Record<string, string> = {};
let dataDir = '';
const cli = (args: string[]) => runGongdan(args, env);
const config = () => loadConfig({ ...env, LOG_LEVEL: 'silent' });

/** The configured database with the HTTP app on it, for the test's own checks and setup. */
async function withApp<T>(fn: (api: (method: string, url: string, body?: unknown) => Promise<any>, db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(config());
  const app = await buildApp(config(), makeDeps(config(), db));
  try {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@huadong.example.com', password: PASSWORD } });
    const auth = { authorization: `Bearer ${login.json().token}` };
    const api = async (method: string, url: string, body?: unknown) => (await app.inject({ method: method as 'GET', url, headers: auth, payload: body as object })).json();
    return await fn(api, db);
  } finally {
    await app.close();
    await db.close();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gongdan-cli-import-'));
  env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  if (testDbKind() === 'postgres') {
    const db = await createTestDatabase();
    env.DATABASE_URL = db.url!;
    await db.close();
  }
  const created = await cli(['tenant', 'create', '--name', '华东电梯', '--slug', 'huadong', '--admin-email', 'admin@huadong.example.com', '--admin-password', PASSWORD]);
  expect(created.code, created.stderr).toBe(0);
  await withApp(async (api) => {
    const lift = (await api('POST', '/api/v1/categories', { nameZh: '电梯' })).id;
    await api('POST', '/api/v1/categories', { nameZh: '困人', parentId: lift });
    await api('POST', '/api/v1/categories', { nameZh: '门禁' });
    await api('POST', '/api/v1/teams', { name: '电梯维保组' });
    await api('POST', '/api/v1/users', { email: 'gong@huadong.example.com', name: '龚师傅', role: 'engineer', password: PASSWORD });
  });
}, 180_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('gongdan import tickets', () => {
  it('imports a CSV file, lists the rows it could not import with their errors and exits 1; a re-run finds what it imported', async () => {
    const file = join(FIXTURES, 'tickets.csv');
    const r = await cli(['import', 'tickets', '--tenant', 'huadong', '--file', file]);
    expect(r.code, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ tenant: 'huadong', rows: 5, created: 3, exists: 0, failed: 2 });
    const failures = r.stderr.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(failures.map((f) => [f.row, f.externalId, f.error.code, f.error.field])).toEqual([
      [4, 'HD-0004', 'NOT_FOUND', 'category'],
      [5, 'HD-0005', 'VALIDATION_FAILED', 'createdAt'],
    ]);
    expect(failures[0].error.message).toContain('空调');
    expect(r.stderr).toContain('2 of 5 rows were not imported');

    const again = await cli(['import', 'tickets', '--tenant', 'huadong', '--file', file]);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, exists: 3, failed: 2 });

    await withApp(async (api, db) => {
      const { items } = await api('GET', '/api/v1/tickets?sort=created_at&limit=10');
      expect(items.map((x: { title: string }) => x.title)).toEqual(['3号梯困人', '门禁刷卡无反应', '扶梯异响']);
      const [trapped, door, escalator] = items;
      const categories = (await api('GET', '/api/v1/categories')).items as { id: string; nameZh: string }[];
      const catId = (name: string) => categories.find((c) => c.nameZh === name)!.id;
      expect(trapped).toMatchObject({
        status: 'closed', priority: 'urgent', channel: 'phone', categoryId: catId('困人'), teamName: '电梯维保组', assigneeName: '龚师傅',
        requesterName: '刘女士', tags: ['困人', '紧急'], createdAt: '2025-04-12T00:30:00.000Z', resolvedAt: '2025-04-12T01:10:00.000Z', closedAt: '2025-04-13T02:00:00.000Z',
      });
      expect(trapped.description).toContain('轿厢内2人被困');
      expect(door).toMatchObject({ status: 'resolved', categoryId: catId('门禁'), teamId: null, resolvedAt: '2025-05-04T03:00:00.000Z', closedAt: null });
      expect(escalator).toMatchObject({ status: 'closed', priority: 'high', description: '商场1楼扶梯运行时有"咔咔"的异响' });
      const events = (await api('GET', `/api/v1/tickets/${trapped.id}/events`)).items;
      expect(events).toEqual([expect.objectContaining({ kind: 'ticket.imported', channel: 'import', actor: { type: 'system', id: null, name: 'gongdan import' } })]);
      expect(events[0].data.externalId).toBe('HD-0001');
      const [{ n }] = await db.system((q) => q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ticket_events WHERE kind = 'ticket.created'`));
      expect(n).toBe(0);
    });
  }, 240_000);

  it('imports a JSONL file and exits 0 when every line was imported', async () => {
    const r = await cli(['import', 'tickets', '--tenant', 'huadong', '--file', join(FIXTURES, 'tickets.jsonl')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 2, created: 2, exists: 0, failed: 0 });
  }, 120_000);

  it('refuses wrong usage (2), an unknown tenant and an unreadable file (1)', async () => {
    const missing = await cli(['import', 'tickets', '--file', join(FIXTURES, 'tickets.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing --tenant');
    expect((await cli(['import', 'tickets', '--tenant', 'huadong', '--file', 'tickets.xlsx'])).code).toBe(2);
    expect((await cli(['import', 'users'])).code).toBe(2);

    const unknown = await cli(['import', 'tickets', '--tenant', 'xihu', '--file', join(FIXTURES, 'tickets.csv')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No tenant "xihu"');

    const bad = join(dataDir, '旧系统.csv');
    writeFileSync(bad, 'external_id,标题,created_at\nHD-9,打印机,2025-01-01T00:00:00Z\n');
    const columns = await cli(['import', 'tickets', '--tenant', 'huadong', '--file', bad]);
    expect(columns.code).toBe(1);
    expect(columns.stderr).toContain('Unknown column 标题');
  }, 120_000);
});
