import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Pure rules (src/**/*.test.ts) run once; module and HTTP tests (test/**) run on PGlite and, when
// TEST_DATABASE_URL is set, again on a real PostgreSQL server. The module tests share their worker's
// module graph (isolate: false): importing the server's modules again for each of ~250 files was half
// of the suite's time. They can: each file opens its own database, tenants and ids are random, and the
// in-memory caches are keyed by them.
const pg = process.env.TEST_DATABASE_URL;
const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: 'rules', include: ['src/**/*.test.ts'] } },
  { extends: true, test: { name: 'pglite', include: ['test/**/*.test.ts'], isolate: false, env: { GONGDAN_TEST_DB: 'pglite' } } },
];
// The offline `gongdan eval` commands open no database: once (under pglite) is enough.
if (pg) projects.push({ extends: true, test: { name: 'postgres', include: ['test/**/*.test.ts'], isolate: false, exclude: ['test/cli/eval-*.test.ts'], env: { GONGDAN_TEST_DB: 'postgres' } } });

export default defineConfig({
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects,
  },
});
