import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alarmAssetIds } from '../../../src/modules/intake';
import { deviceAlarmRepository, type DeviceAlarmInsert } from '../../../src/modules/intake/iot/device-alarm-repository';
import { uuidv7 } from '../../../src/platform/ids';
import { startTestApp, type TestApp } from '../../support/test-app';

// The read function other modules learn from which devices a ticket's alarms came: each ticket's
// distinct devices, any state of the alarm.
describe('alarmAssetIds', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('maps each ticket raised by alarms to its distinct devices; other tickets are left out', async () => {
    const acme = await t.tenant('设备告警');
    const asset = async (serial: string) => (await t.api(acme.adminToken, 'POST', '/api/v1/assets', { serial })).json().id as string;
    const ticket = async (title: string) => (await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title, description: '告警', requester: { email: 'iot@example.cn' } })).json().id as string;
    const [lift1, lift2] = [await asset('LIFT-1'), await asset('LIFT-2')];
    const [both, one, none] = [await ticket('两台电梯故障'), await ticket('一号梯困人'), await ticket('咨询')];
    const at = new Date('2026-03-02T00:00:00Z');
    const alarm = (assetId: string, ticketId: string, code: string, recoveredAt: Date | null = null): DeviceAlarmInsert => ({
      id: uuidv7(), tenantId: acme.id, assetId, code, ticketId, severity: 'critical', count: 1, firstAt: at, lastAt: at, recoveredAt,
    });
    await t.db.tenant(acme.id, (q) =>
      deviceAlarmRepository.insertMany(q, [alarm(lift1, both, 'E1'), alarm(lift2, both, 'E1'), alarm(lift1, both, 'E2', at), alarm(lift1, one, 'E3')]),
    );
    const assets = await t.db.tenant(acme.id, (q) => alarmAssetIds(q, [both, one, none]));
    expect([...assets.keys()].sort()).toEqual([both, one].sort());
    expect([...assets.get(both)!].sort()).toEqual([lift1, lift2].sort());
    expect(assets.get(one)).toEqual([lift1]);
    expect(await t.db.tenant(acme.id, (q) => alarmAssetIds(q, []))).toEqual(new Map());
    const other = await t.tenant('别家设备');
    expect(await t.db.tenant(other.id, (q) => alarmAssetIds(q, [both]))).toEqual(new Map());
  });
});
