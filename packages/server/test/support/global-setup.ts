import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/platform/db/migrate';
import { openPglite } from '../../src/platform/db/pglite-database';
import { PostgresDatabase } from '../../src/platform/db/postgres-database';

export const APP_ROLE = 'gongdan_app';

// Migrate once, then every test file starts from a copy: a PGlite data-dir dump, or a PostgreSQL
// template database.
export default async function setup(project: TestProject) {
  const db = await openPglite({ appRole: APP_ROLE });
  await migrate(db, APP_ROLE);
  const dump = await db.pg.dumpDataDir('none');
  await db.close();
  const file = join(tmpdir(), `gongdan-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);

  const url = process.env.TEST_DATABASE_URL;
  let template = '';
  if (url) {
    template = `gongdan_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const u = new URL(url);
    u.pathname = `/${template}`;
    const tdb = new PostgresDatabase({ url: u.toString(), poolSize: 2, appRole: APP_ROLE });
    await migrate(tdb, APP_ROLE);
    await tdb.close();
    await admin.end();
  }
  project.provide('pgTemplate', template);
  project.provide('pgRunPrefix', `gongdan_t${process.pid}_`);

  return async () => {
    if (url && template) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const dbs = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $2 OR datname = $1`, [template, `gongdan_t${process.pid}\\_%`]);
      for (const r of dbs.rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.end();
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    pgRunPrefix: string;
  }
}
