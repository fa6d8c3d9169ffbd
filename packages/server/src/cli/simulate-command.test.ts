import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGongdan } from '../../test/support/run-cli';

// The real command line in a child process, on a small generated day; no database is opened.
const dir = mkdtempSync(join(tmpdir(), 'gongdan-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gongdan simulate', () => {
  it('prints one parseable JSON line per strategy and writes the scenario it ran', async () => {
    const file = join(dir, '场景.json');
    const r = await runGongdan(['simulate', 'dispatch', '--seed', '5', '--engineers', '8', '--tickets', '40', '--write-scenario', file], {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.strategy)).toEqual(['round_robin', 'nearest', 'least_loaded', 'scored', 'batch']);
    for (const l of lines) {
      expect(l).toMatchObject({ engineers: 8, tickets: 40, violations: 0 });
      expect(Object.keys(l)).toEqual(['strategy', 'scenario', 'engineers', 'tickets', 'slaAttainment', 'travelKmTotal', 'travelKmMean', 'waitMeanMin', 'waitP95Min', 'loadSpreadCv', 'loadSpreadSdMin', 'violations', 'reassignments', 'firstPersonFixShare', 'decisionLatencyP50Ms', 'decisionLatencyP99Ms', 'unassigned', 'moves']);
    }
    const again = await runGongdan(['simulate', 'dispatch', '--scenario', file, '--strategies', 'scored'], {});
    expect(again.code).toBe(0);
    const { decisionLatencyP50Ms: _a, decisionLatencyP99Ms: _b, ...replayed } = JSON.parse(again.stdout);
    const { decisionLatencyP50Ms: _c, decisionLatencyP99Ms: _d, ...first } = lines[3];
    expect(replayed).toEqual(first);
    // 日内优化 as a tenant's automatic re-plan: the same day, jobs not started may move
    const improved = await runGongdan(['simulate', 'dispatch', '--scenario', file, '--strategies', 'round_robin,scored', '--improve-every', '5'], {});
    expect(improved.code).toBe(0);
    const [rr, scored] = improved.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rr).toMatchObject({ moves: 0, violations: 0 });
    expect(scored).toMatchObject({ violations: 0, unassigned: first.unassigned });
    expect(lines.every((l) => l.moves === 0)).toBe(true);
  });

  it('refuses a scenario with an unknown field: the path on stderr, exit code 2', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ speedKmh: 30, engineers: [{ id: 'a', home: [31, 121], skills: {}, shift: { start: '08:00', end: '18:00' }, capacity: 1 }], tickets: [{ colour: '红' }] }));
    const r = await runGongdan(['simulate', 'dispatch', '--scenario', file], {});
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('tickets[0].colour: unknown field');
    const s = await runGongdan(['simulate', 'dispatch', '--strategies', 'fastest'], {});
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('--strategies: unknown strategy "fastest"');
    const e = await runGongdan(['simulate', 'dispatch', '--improve-every', 'often'], {});
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('--improve-every');
  });

  it('says a negative number is out of range, not that the argument is ambiguous', async () => {
    const r = await runGongdan(['simulate', 'dispatch', '--tickets', '-1'], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--tickets must be between 0 and 50000, got -1');
    expect(r.stderr).not.toContain('ambiguous');
  });

  it('warns on stderr (and still runs) when a ticket needs a skill no engineer has', async () => {
    const file = join(dir, 'no-skill.json');
    const ticket = { id: 't1', arrival: '2026-03-02T09:00:00+08:00', location: [31.2, 121.4], skill: '困人救援', level: 1, priority: 'urgent', slaMinutes: 30, durationMinutes: 30 };
    writeFileSync(file, JSON.stringify({ speedKmh: 30, engineers: [{ id: 'a', home: [31, 121], skills: { 电梯: 2 }, shift: { start: '08:00', end: '18:00' }, capacity: 1 }], tickets: [ticket] }));
    const r = await runGongdan(['simulate', 'dispatch', '--scenario', file, '--strategies', 'scored'], {});
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe(`gongdan: warning: ${file}: 1 ticket(s) need the skill "困人救援", which no engineer has: they will stay unassigned (t1)`);
    expect(JSON.parse(r.stdout)).toMatchObject({ unassigned: 1 });
  });
});
