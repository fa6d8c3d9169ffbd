import { describe, expect, it } from 'vitest';
import { runGongdan } from '../support/run-cli';

// `gongdan eval routes` in a child process on the solver's Solomon fixtures; no database.
const DIR = 'src/modules/routing/solver/fixtures';
const cli = (args: string[]) => runGongdan(args, {});

describe('gongdan eval routes', () => {
  it('prints a JSON line per instance with its gap to the best-known distance, then the mean', async () => {
    const r = await cli(['eval', 'routes', '--dir', DIR, '--seconds', '0.2', '--only', 'C101,R101']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.instance ?? 'summary')).toEqual(['C101', 'R101', 'summary']);
    expect(lines[0]).toMatchObject({ task: 'routes', feasible: true, unassigned: 0, bks_distance: 828.94 });
    // quality is the solver test's (by iterations); a time limit on a loaded machine says little
    expect(lines[0].gap_pct).toBeGreaterThanOrEqual(-0.01);
    expect(lines[0].distance).toBeCloseTo(828.94 * (1 + lines[0].gap_pct / 100), 0);
    expect(lines[2]).toMatchObject({ summary: true, instances: 2, seconds: 0.2, infeasible: 0 });
    expect(lines[2].mean_gap_pct).toBeCloseTo((lines[0].gap_pct + lines[1].gap_pct) / 2, 2);
  });

  it('says what to fix for a missing folder or a bad time', async () => {
    const missing = await cli(['eval', 'routes', '--dir', 'no/such/dir']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--dir: no such folder');
    const bad = await cli(['eval', 'routes', '--dir', DIR, '--seconds', '0']);
    expect(bad.stderr).toContain('--seconds');
    expect((await cli(['eval', 'routes', '--help'])).stdout).toContain('Usage: gongdan eval routes');
  });
});
