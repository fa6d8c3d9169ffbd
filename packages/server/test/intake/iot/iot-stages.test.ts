import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChannelPlugin } from '../../../src/modules/intake';
import { iotPlugin } from '../../../src/modules/intake/iot/iot-plugin';
import { startIntakeTestApp, type IntakeTestApp } from '../../support/intake-app';

// Alarm tickets pass the pipeline's stages like every other new ticket (where the intelligence of the
// next issue plugs in): a stage sees the alarm as a message and may change the ticket's input.
const seen: string[] = [];
const stagePlugin: ChannelPlugin = {
  name: 'test-stage',
  register(r) {
    r.addStage('test', ({ message, input }) => {
      seen.push(`${message.subject}|${message.text}`);
      return { ...input, tags: [...(input.tags ?? []), '已分诊'] };
    });
  },
};

let t: IntakeTestApp;
beforeAll(async () => {
  t = await startIntakeTestApp({ plugins: [iotPlugin, stagePlugin] });
});
afterAll(() => t.close());

it('runs the stages over an alarm ticket', async () => {
  const tenant = await t.tenant();
  const key = (await t.api(tenant.adminToken, 'POST', '/api/v1/iot/keys', { name: '水泵' })).json().key;
  const res = await t.api(key, 'POST', '/api/v1/iot/alarms', { serial: 'PUMP-7', code: 'E03', message: '水泵过热', severity: 'major', ts: '2026-03-02T00:59:00Z' });
  expect(res.statusCode).toBe(202);
  await t.settle();
  const list = (await t.api(tenant.adminToken, 'GET', '/api/v1/tickets?channel=iot')).json().items;
  expect(list).toHaveLength(1);
  expect(list[0].tags).toEqual(['已分诊']); // no English 'iot' tag: the channel says 设备告警
  expect(seen).toEqual([`${list[0].title}|水泵过热`]);
});
