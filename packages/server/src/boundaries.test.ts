import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, describe, expect, it } from 'vitest';

// The module boundaries, checked by dependency-cruiser with the rules of /.dependency-cruiser.cjs:
// no import cycles, modules reach each other only through index.ts, an index.ts exports no repository,
// platform/ imports no module, the composition root assembles modules from their index.ts, the web
// imports nothing of the server.
// A failure lists every offending import as "from → to (rule)".

const ROOT = resolve(import.meta.dirname, '../../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
/** What is cruised: the server's sources (with their colocated pure tests) and the web console's sources and browser tests. */
const SCOPE = ['packages/server/src', 'packages/web/src', 'packages/web/e2e'];

async function violations(baseDir: string, scope: string[]) {
  const options = await extractDepcruiseOptions(CONFIG);
  const { output } = await cruise(scope, { ...options, baseDir, validate: true });
  const result = output as ICruiseResult;
  const lines = result.summary.violations.map((v) =>
    v.cycle?.length
      ? `${[v.from, ...v.cycle.map((c) => c.name)].join(' → ')} (${v.rule.name})`
      : `${v.from} → ${v.to} (${v.rule.name})`,
  );
  return { lines: [...new Set(lines)].sort(), modules: result.summary.totalCruised };
}

describe('module boundaries (dependency-cruiser)', () => {
  it('no cycle, no deep import, no repository exported, platform/ imports no module, the web imports no server code', { timeout: 120_000 }, async () => {
    const { lines, modules } = await violations(ROOT, SCOPE);
    expect(modules).toBeGreaterThan(300); // it did read the sources
    expect(lines.length, `${lines.length} offending imports:\n${lines.join('\n')}\n`).toBe(0);
  });

  describe('the rules catch what they are for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongdan-boundaries-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const files: Record<string, string> = {
      'packages/server/src/platform/deps.ts': `export const deps = 1;`,
      'packages/server/src/platform/http/auth.ts': `import { a } from '../../modules/alpha';\nexport const auth = a;`,
      'packages/server/src/modules/alpha/index.ts': `export { a } from './a';\nexport type { Row } from './alpha-repository';`,
      'packages/server/src/modules/alpha/alpha-repository.ts': `export type Row = { id: string };\nexport const alphaRepository = {};`,
      'packages/server/src/modules/alpha/a.ts': `import { deps } from '../../platform/deps';\nexport const a = deps;`,
      'packages/server/src/modules/alpha/a.test.ts': `import { a } from './a';\nexport const t = a;`,
      'packages/server/src/modules/beta/index.ts': `export { b } from './b';\nexport { betaRepository } from './beta-repository';`,
      'packages/server/src/modules/beta/beta-repository.ts': `export const betaRepository = {};`,
      'packages/server/src/modules/beta/b.ts': `import { a } from '../alpha/a';\nimport { a as ok } from '../alpha';\nimport type { Later } from '../gamma/types';\nexport const b = a + ok; export type L = Later;`,
      'packages/server/src/modules/beta/b.test.ts': `import { a } from '../alpha/a';\nexport const t = a;`,
      'packages/server/src/modules/gamma/index.ts': `export type { Later } from './types';`,
      'packages/server/src/modules/gamma/types.ts': `export type Later = number;`,
      'packages/server/src/modules/gamma/one.ts': `import { two } from './two';\nexport const one = () => two;`,
      'packages/server/src/modules/gamma/two.ts': `import { one } from './one';\nexport const two = () => one;`,
      'packages/server/src/modules/alpha/routes.ts': `import { a } from './a';\nexport const alphaRoutes = a;`,
      'packages/server/src/app.ts': `import { a } from './modules/alpha/a';\nimport { alphaRoutes } from './modules/alpha/routes';\nimport { b } from './modules/beta';\nexport const app = a + b + alphaRoutes;`,
      'packages/web/src/app.tsx': `import { deps } from '../../server/src/platform/deps';\nexport const web = deps;`,
      'packages/web/src/app.test.tsx': `import { deps } from '../../server/src/platform/deps';\nexport const contract = deps;`,
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }

    it('each kind of offence is found, and nothing else', { timeout: 60_000 }, async () => {
      const { lines } = await violations(dir, ['packages']);
      expect(lines).toEqual([
        'packages/server/src/app.ts → packages/server/src/modules/alpha/a.ts (composition-root-through-index)',
        'packages/server/src/modules/beta/b.test.ts → packages/server/src/modules/alpha/a.ts (module-through-index)',
        'packages/server/src/modules/beta/b.ts → packages/server/src/modules/alpha/a.ts (module-through-index)',
        'packages/server/src/modules/beta/b.ts → packages/server/src/modules/gamma/types.ts (module-through-index)',
        'packages/server/src/modules/beta/index.ts → packages/server/src/modules/beta/beta-repository.ts (no-repository-in-index)',
        'packages/server/src/modules/gamma/one.ts → packages/server/src/modules/gamma/two.ts → packages/server/src/modules/gamma/one.ts (no-circular)',
        'packages/server/src/platform/http/auth.ts → packages/server/src/modules/alpha/index.ts (platform-no-modules)',
        'packages/web/src/app.tsx → packages/server/src/platform/deps.ts (web-no-server)',
      ]);
    });
  });
});
