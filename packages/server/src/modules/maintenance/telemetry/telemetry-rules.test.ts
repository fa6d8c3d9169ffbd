import { describe, expect, it } from 'vitest';
import { seriesOf, readTelemetryPayload, TelemetryBody } from './telemetry-payload';
import { evaluateRule, firingsByProblem, fitLine, forecastCrossing, sample, type Reading, type TelemetryRule } from './telemetry-rules';

const T0 = Date.parse('2026-03-02T00:00:00Z');
const H = 3_600_000;
const series = (values: number[], stepMs = H): Reading[] => values.map((value, i) => ({ at: new Date(T0 + i * stepMs), value }));
const rule = (params: TelemetryRule['params'], problem = '温度过高'): TelemetryRule => ({ id: 'r1', metric: 'temperature', problem, params });
const lastAt = (rs: Reading[]) => rs[rs.length - 1].at;

describe('telemetry rules', () => {
  it('threshold fires on the newest reading only', () => {
    const r = rule({ kind: 'threshold', op: 'above', limit: 80 });
    expect(evaluateRule(r, series([70, 85, 75]), new Date(T0 + 2 * H))).toBeNull();
    const f = evaluateRule(r, series([70, 85]), new Date(T0 + H))!;
    expect(f.reason).toContain('高于限值 80');
    expect(f.readings).toHaveLength(1);
  });

  it('N of the last M readings', () => {
    const r = rule({ kind: 'n_of_m', op: 'above', limit: 80, n: 3, m: 5 });
    expect(evaluateRule(r, series([81, 70, 82, 70, 70]), T0 as never)).toBeNull();
    expect(evaluateRule(r, series([81, 70, 82, 70, 83]), new Date(T0))?.readings).toHaveLength(5);
    expect(evaluateRule(r, series([81, 82, 83, 84, 70]), new Date(T0))).toBeNull(); // the newest is back in range
  });

  it('rate of change per hour over a window', () => {
    const r = rule({ kind: 'rate', op: 'above', perHour: 5, windowMinutes: 120 });
    const slow = series([60, 61, 62, 63]);
    expect(evaluateRule(r, slow, lastAt(slow))).toBeNull();
    const fast = series([60, 61, 68, 75]);
    expect(evaluateRule(r, fast, lastAt(fast))?.reason).toContain('7');
  });

  it('fits a line and forecasts its crossing', () => {
    const rs = series([50, 52, 54, 56, 58]);
    const fit = fitLine(rs)!;
    expect(fit.slope).toBeCloseTo(2);
    expect(fit.r2).toBeCloseTo(1);
    expect(forecastCrossing(rs, 'above', 70)!.getTime()).toBe(T0 + 10 * H);
    expect(forecastCrossing(rs, 'below', 40)).toBeNull();
    expect(forecastCrossing(series([5, 5, 5]), 'above', 70)).toBeNull();
  });

  it('trend fires when the forecast crossing is within the horizon, with sampled readings', () => {
    const values = Array.from({ length: 48 }, (_, i) => 60 + i * 0.25 + (i % 2 ? 0.3 : -0.3));
    const rs = series(values);
    const now = lastAt(rs); // 71.75 at 47 h, about +0.25 per hour: 80 in about 33 h
    const within = evaluateRule(rule({ kind: 'trend', op: 'above', limit: 80, windowHours: 48, horizonHours: 48 }), rs, now)!;
    expect(within.forecastAt!.getTime()).toBeGreaterThan(now.getTime() + 30 * H);
    expect(within.forecastAt!.getTime()).toBeLessThan(now.getTime() + 36 * H);
    expect(within.readings.length).toBeLessThanOrEqual(20);
    expect(evaluateRule(rule({ kind: 'trend', op: 'above', limit: 80, windowHours: 48, horizonHours: 24 }), rs, now)).toBeNull();
    // noise without a trend: a bad fit does not forecast
    const noise = series(Array.from({ length: 48 }, (_, i) => 60 + ((i * 7919) % 13) - 6));
    expect(evaluateRule(rule({ kind: 'trend', op: 'above', limit: 80, windowHours: 48, horizonHours: 24 * 30 }), noise, lastAt(noise))).toBeNull();
  });

  it('one firing per problem', () => {
    const a = { ruleId: 'a', problem: '温度过高', metric: 't', reason: '', readings: [] };
    expect(firingsByProblem([a, { ...a, ruleId: 'b' }, { ...a, problem: '振动' }]).map((f) => f.ruleId)).toEqual(['a', 'a']);
    expect(sample(series(Array.from({ length: 100 }, (_, i) => i)), 5).map((r) => r.value)).toEqual([0, 25, 50, 74, 99]);
  });
});

describe('telemetry payload', () => {
  const now = new Date('2026-03-02T01:00:00Z');
  it('reads one reading or a batch into series per metric in time order', () => {
    const one = seriesOf(TelemetryBody.parse({ metrics: { temperature: 71.2, vibration: 0.3 } }), now);
    expect(one).toEqual([{ metric: 'temperature', at: [now], values: [71.2] }, { metric: 'vibration', at: [now], values: [0.3] }]);
    const batch = seriesOf(TelemetryBody.parse({ readings: [{ ts: '2026-03-02T08:59:00+08:00', metrics: { temperature: 2 } }, { ts: '2026-03-02T08:58:00+08:00', metrics: { temperature: 1 } }] }), now);
    expect(batch[0].values).toEqual([1, 2]);
  });
  it('refuses what the contract does not allow', () => {
    expect(() => seriesOf(TelemetryBody.parse({ ts: '2030-01-01T00:00:00Z', metrics: { t: 1 } }), now)).toThrow(/day ahead/);
    expect(() => readTelemetryPayload(Buffer.from('{"metrics": {"t": "hot"}}'))).toThrow(/TELEMETRY_MALFORMED/);
    expect(() => readTelemetryPayload(Buffer.from('nope'))).toThrow(/not JSON/);
    expect(() => readTelemetryPayload(Buffer.from('{"metrics": {}}'))).toThrow(/1 to 50/);
  });
});
