import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Pure rules (src/**/*.test.ts) run once; module and HTTP tests (test/**) run on PGlite and, when
// TEST_DATABASE_URL is set, again on a real PostgreSQL server.
const pg = process.env.TEST_DATABASE_URL;
const projects: TestProjectInlineConfiguration[] = [
  { extends: true, test: { name: 'rules', include: ['src/**/*.test.ts'] } },
  { extends: true, test: { name: 'pglite', include: ['test/**/*.test.ts'], env: { GONGDAN_TEST_DB: 'pglite' } } },
];
// The offline `gongdan eval` commands open no database: once (under pglite) is enough.
if (pg) projects.push({ extends: true, test: { name: 'postgres', include: ['test/**/*.test.ts'], exclude: ['test/cli/eval-*.test.ts'], env: { GONGDAN_TEST_DB: 'postgres' } } });

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
