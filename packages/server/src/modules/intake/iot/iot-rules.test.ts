import { describe, expect, it } from 'vitest';
import { planAlarms, incidentKey, type AlarmItem } from './alarm-plan';
import { alarmTime, alarmTitle, externalIdOf, parseTopic, payloadRefusal, PRIORITY_OF_SEVERITY, readPayload, SEVERITIES, tsProblem } from './iot-rules';

const MIN = 60_000;
const T0 = new Date('2026-03-02T01:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * MIN);
let n = 0;
const item = (serial: string, code: string, min: number, kind: 'alarm' | 'recovery' = 'alarm'): AlarmItem => ({
  rowId: `r${++n}`,
  serial,
  kind,
  payload: { code, message: '门锁故障', severity: 'critical' },
  at: at(min),
});

describe('device contract', () => {
  it('reads topics of the contract and nothing else', () => {
    expect(parseTopic('gongdan/acme/devices/SN123/alarm')).toEqual({ slug: 'acme', serial: 'SN123', kind: 'alarm' });
    expect(parseTopic('gongdan/acme/devices/SN-9/recovery')).toEqual({ slug: 'acme', serial: 'SN-9', kind: 'recovery' });
    expect(parseTopic('gongdan/acme/devices/SN123/status')).toBeNull();
    expect(parseTopic('gongdan/acme/devices/a/b/alarm')).toBeNull();
    expect(parseTopic('other/acme/devices/SN123/alarm')).toBeNull();
  });

  it('reads a payload or says with a stable code what is wrong', () => {
    expect(readPayload(Buffer.from('{"code":"E21","message":"门锁故障","severity":"critical","ts":"2026-03-02T09:00:00+08:00"}'))).toMatchObject({ code: 'E21', severity: 'critical' });
    const code = (raw: string) => {
      try {
        readPayload(Buffer.from(raw));
        return 'ok';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(code('不是 JSON')).toBe('IOT_MALFORMED_JSON');
    expect(code('[1]')).toBe('IOT_MALFORMED_JSON');
    expect(code('{"message":"门锁故障"}')).toBe('IOT_MISSING_CODE');
    expect(code('{"code":""}')).toBe('IOT_MISSING_CODE');
    expect(code('{"code":"E21","severity":"紧急"}')).toBe('IOT_BAD_SEVERITY');
    expect(code('{"code":"E21","ts":"昨天"}')).toBe('IOT_BAD_TS');
    expect(code(JSON.stringify({ code: 'E21', message: 'x'.repeat(70_000) }))).toBe('IOT_PAYLOAD_TOO_LARGE');
    expect(code('{"code":"E21","temperature":85}')).toBe('IOT_UNKNOWN_FIELD');
    expect(code('{"code":"E21","message":"门锁\\u0000故障"}')).toBe('IOT_INVALID_TEXT');
    expect(code('{"code":"E21","message":"门锁\\ud800故障"}')).toBe('IOT_INVALID_TEXT');
  });

  it('refuses bytes that are not UTF-8, and at receipt a ts a day ahead or a year back', () => {
    const refusal = (raw: Buffer | string) => payloadRefusal(Buffer.from(raw), T0)?.code ?? 'ok';
    expect(refusal(Buffer.concat([Buffer.from('{"code":"E21","message":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]))).toBe('IOT_INVALID_TEXT');
    expect(refusal('{"code":"E21","ts":"9999-12-31T23:59:59Z"}')).toBe('IOT_BAD_TS');
    expect(refusal('{"code":"E21","ts":"1970-01-01T00:00:00Z"}')).toBe('IOT_BAD_TS');
    expect(refusal(JSON.stringify({ code: 'E21', ts: at(23 * 60).toISOString() }))).toBe('ok');
    expect(refusal(JSON.stringify({ code: 'E21', ts: at(-300 * 24 * 60).toISOString() }))).toBe('ok');
    expect(tsProblem('2026-03-03T02:00:00Z', T0)).toContain('24 hours ahead');
    // a stored row is read without the receipt check (rows stored before it keep working)
    expect(readPayload(Buffer.from('{"code":"E21","ts":"1970-01-01T00:00:00Z"}')).code).toBe('E21');
  });

  it('makes a redelivery a duplicate, a repeat with a later ts not', () => {
    const a = externalIdOf('SN1', 'alarm', { code: 'E21', ts: '2026-03-02T09:00:00Z' });
    expect(externalIdOf('SN1', 'alarm', { code: 'E21', ts: '2026-03-02T09:00:00Z' })).toBe(a);
    expect(externalIdOf('SN1', 'alarm', { code: 'E21', ts: '2026-03-02T09:01:00Z' })).not.toBe(a);
    expect(externalIdOf('SN1', 'recovery', { code: 'E21', ts: '2026-03-02T09:00:00Z' })).not.toBe(a);
    expect(externalIdOf('SN1', 'alarm', { id: 'm-1', code: 'E21' })).toBe('SN1:m-1');
    expect(externalIdOf('SN1', 'alarm', { code: 'E21' })).toBeNull();
  });

  it("trusts the device's clock only near the time of receipt", () => {
    expect(alarmTime({ code: 'E1', ts: '2026-03-02T00:30:00Z' }, T0)).toEqual(new Date('2026-03-02T00:30:00Z'));
    expect(alarmTime({ code: 'E1', ts: '1970-01-01T00:00:00Z' }, T0)).toEqual(T0);
    expect(alarmTime({ code: 'E1' }, T0)).toEqual(T0);
    expect(alarmTitle('SN123', 'E21', '门锁故障')).toBe('设备 SN123 告警 E21：门锁故障');
  });
});

describe('planAlarms', () => {
  it('counts repeats of one device and code into one new incident, separate codes and devices apart', () => {
    const p = planAlarms([item('A', 'E21', 0), item('A', 'E21', 1), item('A', 'E22', 1), item('B', 'E21', 2), item('A', 'E21', 3)], new Map(), 60 * MIN);
    expect(p.incidents).toHaveLength(3);
    expect(p.incidents[0]).toMatchObject({ serial: 'A', code: 'E21', added: 2, lastAt: at(3) });
    expect(p.rows.map((r) => r.outcome)).toEqual(['created', 'counted', 'created', 'created', 'counted']);
  });

  it('adds to a stored incident inside the window (sliding from the last alarm) and opens a new one after it', () => {
    const open = () => new Map([[incidentKey('A', 'E21'), { alarmId: 'x1', ticketId: 't1', count: 4, lastAt: at(0), ticketActive: true }]]);
    const inside = planAlarms([item('A', 'E21', 50), item('A', 'E21', 100)], open(), 60 * MIN);
    expect(inside.incidents).toHaveLength(1);
    expect(inside.incidents[0]).toMatchObject({ existing: { alarmId: 'x1', ticketId: 't1', countBefore: 4 }, added: 2 });
    expect(inside.expire).toEqual([]);
    const after = planAlarms([item('A', 'E21', 61)], open(), 60 * MIN);
    expect(after.expire).toEqual(['x1']);
    expect(after.rows[0].outcome).toBe('created');
    expect(after.incidents[after.rows[0].incident!].opener).toBeDefined();
  });

  it('opens a new ticket when staff already resolved the incident\'s ticket', () => {
    const open = new Map([[incidentKey('A', 'E21'), { alarmId: 'x1', ticketId: 't1', count: 1, lastAt: at(0), ticketActive: false }]]);
    const p = planAlarms([item('A', 'E21', 1)], open, 60 * MIN);
    expect(p.expire).toEqual(['x1']);
    expect(p.rows[0].outcome).toBe('created');
  });

  it('resolves on recovery; an alarm after it opens a new incident; a recovery without an alarm is ignored', () => {
    const p = planAlarms([item('A', 'E21', 0), item('A', 'E21', 1, 'recovery'), item('A', 'E21', 2), item('B', 'E9', 3, 'recovery')], new Map(), 60 * MIN);
    expect(p.rows.map((r) => r.outcome)).toEqual(['created', 'resolved', 'created', 'ignored']);
    expect(p.incidents[0].recovery?.rowId).toBe(p.rows[1].rowId);
    expect(p.incidents).toHaveLength(2);
    expect(p.rows[3].reason).toBe('no_open_alarm');
  });
});

describe('what an alarm’s severity means for its ticket (the device contract)', () => {
  it('critical is urgent, major high, minor normal', () => {
    expect(PRIORITY_OF_SEVERITY).toEqual({ critical: 'urgent', major: 'high', minor: 'normal' });
  });

  it('has a priority for every severity the contract accepts, and no other', () => {
    expect(Object.keys(PRIORITY_OF_SEVERITY).sort()).toEqual([...SEVERITIES].sort());
  });
});
