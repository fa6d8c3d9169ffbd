import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationFiles } from './platform/db/migrate';

// Every table belongs to the module whose migrations create it (platform/db/migrations: the platform);
// only that module's code names it in SQL. Another module reads it through a function the owner
// exports from its index.ts — or, in SQL, through a function or view the owner's migrations create
// (create_ticket_sequence, current_tenant_id…): those are an owner's surface, its tables are not.
// The platform's tables (the outbox, the migration history) are the platform code's alone. The
// composition root (app.ts, main.ts, cli/, demo/) owns no table. A failure lists "file: table (owner)".

const SRC = import.meta.dirname;
const PLATFORM = 'platform';

/** Who a source file or migration folder belongs to: a module's name, 'platform', or 'composition root'. */
function ownerOf(path: string): string {
  const p = relative(SRC, path).split('\\').join('/');
  const m = /^modules\/([^/]+)\//.exec(p);
  if (m) return m[1];
  return p.startsWith('platform/') ? PLATFORM : 'composition root';
}

/** Table → owner, from the migrations that create them. */
function ownership(migrations = migrationFiles()) {
  const tables = new Map<string, string>([['schema_migrations', PLATFORM]]); // made by platform/db/migrate.ts
  const clashes: string[] = [];
  for (const m of migrations) {
    const sql = readFileSync(m.path, 'utf8').replace(/--.*$/gm, '');
    const owner = ownerOf(m.path);
    for (const [, name] of sql.matchAll(/\bCREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)/g)) {
      const had = tables.get(name);
      if (had && had !== owner) clashes.push(`${name}: ${had} and ${owner}`);
      tables.set(name, owner);
    }
  }
  return { tables, clashes };
}

/** A source text without its comments (string contents stay: that is where the SQL is). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const NAME = '[a-z_][a-z0-9_]*';
const ITEM = `(?:ONLY\\s+)?(?:public\\.)?${NAME}(?:\\s+(?:AS\\s+)?${NAME})?`;
/** The tables a statement names: after FROM / JOIN / INTO / UPDATE / REFERENCES / TABLE, with comma lists. */
const TABLE_PLACES = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|REFERENCES|TABLE)\\s+(${ITEM}(?:\\s*,\\s*${ITEM})*)`, 'g');

/** The known tables one source text names in SQL. */
function tablesNamed(text: string, own: ReturnType<typeof ownership>): string[] {
  const found = new Set<string>();
  for (const [, list] of withoutComments(text).matchAll(TABLE_PLACES))
    for (const item of list.split(',')) {
      const table = item.trim().replace(/^ONLY\s+/, '').replace(/^public\./, '').split(/\s+/)[0];
      if (own.tables.has(table)) found.add(table);
    }
  return [...found].sort();
}

/** The tables of others that one source text names in SQL, as "table (owner)". */
function foreignReferences(text: string, owner: string, own: ReturnType<typeof ownership>): string[] {
  return tablesNamed(text, own)
    .filter((t) => own.tables.get(t) !== owner)
    .map((t) => `${t} (${own.tables.get(t)})`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('every table is its module’s', () => {
  const own = ownership();

  it('each table is created by one owner', () => {
    expect(own.clashes).toEqual([]);
    for (const t of ['tenants', 'tickets', 'contacts', 'categories', 'outbox', 'channels', 'saved_views']) expect(own.tables.has(t)).toBe(true);
    expect(own.tables.get('tickets')).toBe('tickets');
    expect(own.tables.get('outbox')).toBe(PLATFORM);
  });

  it('finds a table named by another module, in any statement, and nothing in comments or own tables', () => {
    const sql = [
      '// SELECT * FROM tickets (a comment)',
      "const a = `SELECT c.id FROM contacts c, teams AS t JOIN users u ON u.id = c.id WHERE x`;",
      "const b = 'INSERT INTO outbox (id) VALUES (1)'; const c = `UPDATE ONLY public.ticket_events SET x = 1`;",
      "const d = `DELETE FROM watchers`; const e = `SELECT create_ticket_sequence($1), current_tenant_id()`;",
    ].join('\n');
    expect(foreignReferences(sql, 'customers', own)).toEqual([
      'outbox (platform)',
      'teams (identity)',
      'ticket_events (tickets)',
      'users (identity)',
      'watchers (tickets)',
    ]);
    expect(foreignReferences('const a = `SELECT * FROM contacts c JOIN organizations o ON o.id = c.organization_id`;', 'customers', own)).toEqual([]);
  });

  it('no code names another module’s table (or the platform’s) in SQL', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(200);
    const offences = files.flatMap((path) =>
      foreignReferences(readFileSync(path, 'utf8'), ownerOf(path), own).map((ref) => `${relative(SRC, path).split('\\').join('/')}: ${ref}`),
    );
    expect(offences.length, `${offences.length} references to another owner's tables:\n${offences.join('\n')}\n`).toBe(0);
  });

  it('in a module, only its repositories (*-repository.ts) hold SQL', () => {
    const files = sourceFiles(join(SRC, 'modules')).filter((path) => !path.endsWith('-repository.ts'));
    const offences = files.flatMap((path) => tablesNamed(readFileSync(path, 'utf8'), own).map((t) => `${relative(SRC, path).split('\\').join('/')}: ${t}`));
    expect(offences.length, `${offences.length} tables named in SQL outside a repository:\n${offences.join('\n')}\n`).toBe(0);
  });
});
