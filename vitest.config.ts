import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import server from './packages/server/vitest.config';

// `npm test` from the root: the server's projects exactly as packages/server/vitest.config.ts
// defines them (rules, pglite, and postgres when TEST_DATABASE_URL is set), each run from the
// server's folder, plus the web console's component tests (happy-dom).
const { projects: serverProjects = [], maxWorkers, ...serverOptions } = server.test ?? {};

const projects: TestProjectInlineConfiguration[] = (serverProjects as TestProjectInlineConfiguration[]).map((p) => ({
  ...p,
  extends: undefined,
  root: './packages/server',
  test: { ...serverOptions, ...p.test },
}));

export default defineConfig({
  test: {
    maxWorkers,
    projects: [...projects, './packages/web/vitest.config.ts'],
  },
});
