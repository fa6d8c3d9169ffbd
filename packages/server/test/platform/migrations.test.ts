import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/platform/db/database';
import { migrate, migrationFiles, splitFrom, type Migration } from '../../src/platform/db/migrate';
import { openPglite } from '../../src/platform/db/pglite-database';
import { PostgresDatabase } from '../../src/platform/db/postgres-database';
import { APP_ROLE, testDbKind } from '../support/test-db';

// Migrations live with the module that owns their tables; the migrations that created the tables of
// several modules at once were split by owner. A database migrated before the split (its
// schema_migrations names 0001_core.sql, 0002_security.sql…) is upgraded without running a split part
// again, and ends with the same schema as a database made from scratch, which is the schema the old
// files made. The old layout is rebuilt here from legacy-migrations/ (the four mixed files as they were)
// and, for every file that only moved, the file itself.

const LEGACY_DIR = join(import.meta.dirname, 'legacy-migrations');
/** The last migration of the layout before the split. */
const LAST_LEGACY = '0023_resolution_requirements.sql';

function legacyLayout(upTo = LAST_LEGACY): Migration[] {
  const current = migrationFiles();
  const names = [...new Set(current.map((m) => splitFrom(m.version) ?? m.version))].filter((v) => v <= upTo).sort();
  return names.map((version) => {
    const legacy = join(LEGACY_DIR, version);
    if (existsSync(legacy)) return { version, path: legacy };
    const moved = current.find((m) => m.version === version);
    if (!moved) throw new Error(`no file for ${version}`);
    return moved;
  });
}

const opened: Database[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});

/** An empty database of the kind under test. */
async function emptyDatabase(): Promise<Database> {
  let db: Database;
  if (testDbKind() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `${inject('pgRunPrefix')}${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    db = new PostgresDatabase({ url: u.toString(), poolSize: 2, appRole: APP_ROLE });
  } else {
    db = await openPglite({ appRole: APP_ROLE });
  }
  opened.push(db);
  return db;
}

/** What the migrations made, as the catalog tells it: tables, columns, constraints, indexes, policies, grants, functions. */
async function schemaOf(db: Database) {
  return db.owner(async (q) => {
    const rows = async (sql: string) => (await q.query(sql)).map((r) => JSON.stringify(Object.values(r))).sort();
    return {
      relations: await rows(`SELECT c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, coalesce(c.relacl::text, '') AS acl
        FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relname NOT LIKE 'ticket\\_number\\_%'`),
      columns: await rows(`SELECT table_name, column_name, ordinal_position, data_type, udt_name, is_nullable, column_default, is_generated, generation_expression
        FROM information_schema.columns WHERE table_schema = 'public'`),
      constraints: await rows(`SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace`),
      indexes: await rows(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`),
      policies: await rows(`SELECT tablename, policyname, permissive, roles::text, cmd, qual, with_check FROM pg_policies WHERE schemaname = 'public'`),
      functions: await rows(`SELECT p.proname, pg_get_function_identity_arguments(p.oid), pg_get_functiondef(p.oid), p.prosecdef, coalesce(p.proacl::text, '')
        FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'`),
      leakproof: await rows(`SELECT proname, proleakproof FROM pg_proc WHERE proname IN ('ts_match_vq', 'arraycontains', 'arrayoverlap')`),
      schemaGrants: await rows(`SELECT coalesce(nspacl::text, '') FROM pg_namespace WHERE nspname = 'public'`),
    };
  });
}

const TENANT = '01900000-0000-7000-8000-000000000001';
const USER = '01900000-0000-7000-8000-000000000002';
const TICKET = '01900000-0000-7000-8000-000000000003';

/** A few rows written under the old layout, which the upgrade must keep. */
async function writeRows(db: Database) {
  await db.owner(async (q) => {
    await q.query(`INSERT INTO tenants (id, slug, name) VALUES ($1, 'old', '旧租户')`, [TENANT]);
    await q.query(`SELECT create_ticket_sequence($1)`, [TENANT]);
    await q.query(`INSERT INTO users (id, tenant_id, email, name, role) VALUES ($1, $2, 'a@example.cn', '张三', 'admin')`, [USER, TENANT]);
    await q.query(
      `INSERT INTO tickets (id, tenant_id, number, title, status, priority, assignee_id, created_at, updated_at)
       VALUES ($1, $2, 10001, '打印机卡纸', 'open', 'high', $3, now(), now())`,
      [TICKET, TENANT, USER],
    );
  });
}

async function readRows(db: Database) {
  return db.owner((q) =>
    q.query(`SELECT t.slug, u.email, k.title, k.priority, k.assignee_id FROM tickets k JOIN users u ON u.id = k.assignee_id JOIN tenants t ON t.id = k.tenant_id`),
  );
}

const versionsOf = (ms: Migration[]) => ms.map((m) => m.version);

describe('migrations owned by their modules, one history', { timeout: 120_000 }, () => {
  let fresh: Awaited<ReturnType<typeof schemaOf>>;

  it('every migration file is found once, in the platform or a module folder, in one order', () => {
    const files = migrationFiles();
    expect(files.length).toBeGreaterThan(30);
    for (const m of files) expect(m.path).toMatch(/\/src\/(platform\/db|modules\/[^/]+)\/migrations\/[^/]+\.sql$/);
    // a split part sits with the module it names
    for (const m of files) {
      const owner = /\.\d+-([a-z0-9-]+)\.sql$/.exec(m.version)?.[1];
      if (owner) expect(m.path).toContain(owner === 'platform' ? '/platform/db/migrations/' : `/modules/${owner}/migrations/`);
    }
    expect(versionsOf(files)).toEqual([...versionsOf(files)].sort());
  });

  it('refuses a version found in two folders', () => {
    const dirs = [join(import.meta.dirname, 'legacy-migrations'), join(import.meta.dirname, 'legacy-migrations')];
    expect(() => migrationFiles(dirs)).toThrow(/0001_core\.sql is in two places/);
  });

  it('a fresh database gets every migration, each recorded once', async () => {
    const db = await emptyDatabase();
    const applied = await migrate(db, APP_ROLE);
    expect(applied).toEqual(versionsOf(migrationFiles()));
    expect(await migrate(db, APP_ROLE)).toEqual([]);
    fresh = await schemaOf(db);
    expect(fresh.policies.length).toBeGreaterThan(30);
  });

  it('a database migrated by the old layout upgrades without running a split part, keeps its rows and ends with the same schema', async () => {
    const db = await emptyDatabase();
    const old = legacyLayout();
    expect(old.map((m) => m.version)).toContain('0001_core.sql');
    expect(await migrate(db, APP_ROLE, old)).toEqual(versionsOf(old));
    await writeRows(db);
    const before = await readRows(db);
    expect(before).toHaveLength(1);
    const oldSchema = await schemaOf(db);

    const applied = await migrate(db, APP_ROLE);
    // only migrations newer than the old layout run; every part of an applied file is recorded as done
    expect(applied).toEqual(versionsOf(migrationFiles()).filter((v) => (splitFrom(v) ?? v) > LAST_LEGACY));
    const recorded = await db.owner((q) => q.query<{ version: string }>('SELECT version FROM schema_migrations'));
    expect(recorded.map((r) => r.version).sort()).toEqual([...new Set([...versionsOf(old), ...versionsOf(migrationFiles())])].sort());
    expect(await migrate(db, APP_ROLE)).toEqual([]);
    expect(await readRows(db)).toEqual(before);

    const upgraded = await schemaOf(db);
    expect(upgraded).toEqual(fresh);
    // and the split files make what the old ones made
    if (applied.length === 0) expect(oldSchema).toEqual(fresh);
  });

  it('a database part-way through the old history runs the rest from the split parts', async () => {
    const db = await emptyDatabase();
    const old = legacyLayout('0022_sign_in_throttle.sql');
    await migrate(db, APP_ROLE, old);
    const applied = await migrate(db, APP_ROLE);
    expect(applied.slice(0, 2)).toEqual(['0023_resolution_requirements.1-catalog.sql', '0023_resolution_requirements.2-tickets.sql']);
    expect(await schemaOf(db)).toEqual(fresh);
  });
});
