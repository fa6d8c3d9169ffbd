import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import server from './packages/server/vitest.config';

// `npm test` from the root: the server's projects exactly as packages/server/vitest.config.ts
// defines them (rules, pglite, and postgres when TEST_DATABASE_URL is set), each run from the
// server's folder, plus the web console's component tests (happy-dom) and its browser tests
// (e2e: Debian's Chromium against the server started the README's way; see packages/web/e2e).
const { projects: serverProjects = [], maxWorkers, ...serverOptions } = server.test ?? {};

const projects: TestProjectInlineConfiguration[] = (serverProjects as TestProjectInlineConfiguration[]).map((p) => ({
  ...p,
  extends: undefined,
  root: './packages/server',
  test: { ...serverOptions, ...p.test },
}));

const e2e: TestProjectInlineConfiguration = {
  test: {
    name: 'e2e',
    root: './packages/web',
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['./e2e/global-setup.ts'],
    // one server and one browser for the suite; generous limits for a loaded 2-core machine
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
};

export default defineConfig({
  test: {
    maxWorkers,
    projects: [...projects, './packages/web/vitest.config.ts', e2e],
  },
});
