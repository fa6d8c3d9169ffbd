import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, makeDeps } from '../../src/app';
import { loadConfig } from '../../src/platform/config';
import { openDatabase } from '../../src/platform/db/open-database';
import { runGongdan } from '../support/run-cli';
import { createTestDatabase, testDbKind } from '../support/test-db';

// The real command line in a child process, against a database of its own: PGlite in a fresh
// DATA_DIR, or a fresh PostgreSQL database. PGlite allows one process at a time, so the test opens
// the data only after the CLI has exited.
const PASSWORD = 'Huadong2026-电梯';

let env: Record<string, string> = {};
let dataDir = '';

const cli = (args: string[], extraEnv: Record<string, string> = {}) => runGongdan(args, { ...env, ...extraEnv });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gongdan-cli-'));
  env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  if (testDbKind() === 'postgres') {
    const db = await createTestDatabase();
    env.DATABASE_URL = db.url!;
    await db.close();
  }
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('gongdan without a database', () => {
  it('prints the usage for no arguments and --help', async () => {
    for (const args of [[], ['--help'], ['-h']]) {
      const r = await cli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: gongdan <command>');
      for (const c of ['tenant create', 'tenant list', 'demo load', 'config', 'migrate']) expect(r.stdout).toContain(c);
    }
  });

  it('prints the help of each command', async () => {
    const r = await cli(['tenant', 'create', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--admin-password');
    expect((await cli(['demo', 'load', '--help'])).stdout).toContain('--tickets');
  });

  it('refuses wrong usage with exit code 2 and a pointer to the help', async () => {
    const unknown = await cli(['发工单']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "发工单"');

    const missing = await cli(['tenant', 'create', '--name', '华东电梯', '--admin-email', 'admin@huadong.example.com']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing --admin-password');
    expect(missing.stderr).toContain('gongdan tenant create --help');

    const badOption = await cli(['tenant', 'list', '--all']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--all'");

    const badNumber = await cli(['demo', 'load', '--tickets', '很多']);
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toContain('--tickets must be a whole number');

    expect((await cli(['tenant'])).code).toBe(2);
    expect((await cli(['demo', 'unload'])).code).toBe(2);
  });

  it('prints the settings table', async () => {
    const r = await cli(['config']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\| setting \| default \| meaning \|/);
    expect(r.stdout).toContain('`OPERATOR_TOKEN`');
  });

  it('fails with exit code 1 on a bad configuration', async () => {
    const r = await cli(['tenant', 'list'], { DATABASE_POOL_SIZE: '几个' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DATABASE_POOL_SIZE');
  });
});

describe('gongdan on the configured database', () => {
  let tenantId = '';

  it('creates a tenant and lists it', async () => {
    const r = await cli([
      'tenant', 'create', '--name', '华东电梯维保有限公司', '--slug', 'huadong', '--admin-email', 'Admin@HuaDong.example.com',
      '--admin-password', PASSWORD, '--admin-name', '王建国', '--time-zone', 'Asia/Shanghai',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const created = JSON.parse(r.stdout);
    expect(created).toMatchObject({ slug: 'huadong', name: '华东电梯维保有限公司', adminEmail: 'admin@huadong.example.com' });
    tenantId = created.id;

    const list = await cli(['tenant', 'list']);
    expect(list.code).toBe(0);
    const rows = list.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toContainEqual(expect.objectContaining({ id: tenantId, slug: 'huadong', name: '华东电梯维保有限公司', users: 1, tickets: 0 }));
  }, 180_000);

  it('refuses a weak password, a taken slug and a bad email with exit code 1', async () => {
    const base = ['tenant', 'create', '--name', '西湖物业', '--admin-email', 'admin@xihu.example.com'];
    const weak = await cli([...base, '--admin-password', '12345678']);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('Password must contain letters and digits (--admin-password)');

    const taken = await cli([...base, '--admin-password', PASSWORD, '--slug', 'huadong']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('Tenant slug "huadong" is taken (--slug)');

    const email = await cli(['tenant', 'create', '--name', '西湖物业', '--admin-email', '西湖', '--admin-password', PASSWORD]);
    expect(email.code).toBe(1);
    expect(email.stderr).toContain('is not an email address (--admin-email)');

    const list = await cli(['tenant', 'list']);
    expect(list.stdout.trim().split('\n')).toHaveLength(1);
  }, 180_000);

  it('migrate reports an up-to-date database', async () => {
    const r = await cli(['migrate']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).applied).toEqual([]);
    expect(r.stderr).toContain('up to date');
  }, 120_000);

  it('loads the demo data set, then refuses to load it twice', async () => {
    const r = await cli(['demo', 'load', '--tickets', '40', '--tenant-slug', 'yanshi', '--admin-email', 'demo-admin@yanshi.example.com', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.tenant.slug).toBe('yanshi');
    expect(summary.password).toBe('Lantern-river-58');
    expect(summary.signIn.map((u: { role: string }) => u.role)).toEqual(expect.arrayContaining(['admin', 'supervisor', 'agent', 'engineer', 'customer']));
    expect(summary.counts.englishTickets).toBeGreaterThan(0);

    const again = await cli(['demo', 'load', '--tickets', '5', '--tenant-slug', 'yanshi']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('The tenant "yanshi" is in use already');

    // the CLI has exited: open the same database here
    const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
    const db = await openDatabase(config);
    try {
      const tid = summary.tenant.id as string;
      const facts = await db.tenant(tid, async (q) => {
        const one = async (sql: string) => (await q.query<{ n: number }>(sql))[0].n;
        return {
          topLevel: await one('SELECT count(*)::int AS n FROM tickets WHERE parent_id IS NULL'),
          all: await one('SELECT count(*)::int AS n FROM tickets'),
          users: await one('SELECT count(*)::int AS n FROM users'),
          teams: await one('SELECT count(*)::int AS n FROM teams'),
          organizations: await one('SELECT count(*)::int AS n FROM organizations'),
          categories: await one('SELECT count(*)::int AS n FROM categories'),
          comments: await one('SELECT count(*)::int AS n FROM comments'),
          notes: await one('SELECT count(*)::int AS n FROM comments WHERE internal'),
          created: await one(`SELECT count(*)::int AS n FROM ticket_events WHERE kind = 'ticket.created'`),
          statuses: await one('SELECT count(DISTINCT status)::int AS n FROM tickets'),
          days: await one(`SELECT extract(day FROM max(created_at) - min(created_at))::int AS n FROM tickets`),
          titles: (await q.query<{ title: string }>('SELECT title FROM tickets WHERE parent_id IS NULL')).map((r) => r.title),
        };
      });
      // the 40 simulated tickets and the field engineer's four visits of today and tomorrow (demo/demo-field.ts)
      expect(facts.topLevel).toBe(44);
      expect(facts.created).toBe(facts.all);
      expect(facts.users).toBe(summary.counts.users);
      expect(facts.users).toBeGreaterThanOrEqual(15);
      expect(facts.teams).toBe(5);
      // eight customers and the owner of the demo's buildings (demo/demo-assets.ts)
      expect(facts.organizations).toBe(9);
      expect(facts.categories).toBeGreaterThanOrEqual(10);
      expect(facts.comments).toBeGreaterThan(40);
      expect(facts.notes).toBeGreaterThan(0);
      expect(facts.statuses).toBeGreaterThanOrEqual(4);
      expect(facts.days).toBeGreaterThanOrEqual(30);
      const chinese = facts.titles.filter((t) => /[\u4e00-\u9fff]/.test(t));
      const english = facts.titles.filter((t) => /^[\x20-\x7e]+$/.test(t));
      expect(chinese.length).toBeGreaterThan(20);
      expect(english.length).toBeGreaterThan(0);
      expect(english.length).toBe(summary.counts.englishTickets);

      // the demo users can sign in and find their tickets, in Chinese full-text search too
      const deps = makeDeps(config, db);
      const app = await buildApp(config, deps);
      try {
        const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'li.xiuying@yanshi.example.com', password: 'Lantern-river-58' } });
        expect(login.statusCode, login.body).toBe(200);
        const auth = { authorization: `Bearer ${login.json().token}` };
        const count = await app.inject({ method: 'GET', url: '/api/v1/tickets/count', headers: auth });
        expect(count.json().count).toBe(facts.all);
        const word = chinese[0].match(/[\u4e00-\u9fff]{2}/)![0];
        const found = await app.inject({ method: 'GET', url: `/api/v1/tickets?q=${encodeURIComponent(word)}`, headers: auth });
        expect(found.statusCode).toBe(200);
        expect(found.json().items.length).toBeGreaterThan(0);
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
    }
  }, 300_000);
});
