import { afterAll, beforeAll, expect, it } from 'vitest';
import { inboundRepository } from '../../../src/modules/intake/inbound-repository';
import { ingestAlarm } from '../../../src/modules/intake/iot/ingest-alarm';
import { processAlarms } from '../../../src/modules/intake/iot/process-alarms';
import { startIntakeTestApp, type IntakeTestApp } from '../../support/intake-app';
import { iotPlugin } from '../../../src/modules/intake/iot/iot-plugin';

// Two workers (two server processes) taking different alarms of the same device and code at the same
// moment must open one ticket between them: the second finds the first's incident on its retry and
// counts its alarms into it. Only PostgreSQL runs the two batches truly at once.
let t: IntakeTestApp;
beforeAll(async () => {
  t = await startIntakeTestApp({ plugins: [iotPlugin] });
});
afterAll(() => t.close());

it.runIf(process.env.GONGDAN_TEST_DB === 'postgres')('opens one ticket when two workers race on the first alarms of a device', async () => {
  const tenant = await t.tenant();
  const alarm = (i: number) =>
    ingestAlarm(t.deps, { tenantId: tenant.id, serial: 'LOCK-42', kind: 'alarm', raw: Buffer.from(JSON.stringify({ code: 'E21', message: '门锁故障', severity: 'critical', ts: `2026-03-02T00:5${i}:00Z` })), via: { via: 'test' } });
  for (let i = 0; i < 4; i++) await alarm(i);
  const rows = await t.db.system((q) => inboundRepository.claimDue(q, new Date('2030-01-01'), 10, 60_000));
  expect(rows).toHaveLength(4);
  const [a, b] = await Promise.all([processAlarms(t.deps, tenant.id, rows.slice(0, 2), 3_600_000), processAlarms(t.deps, tenant.id, rows.slice(2), 3_600_000)]);
  const failed = [...a, ...b].filter((r) => r instanceof Error).length;
  expect(failed === 0 || failed === 2).toBe(true); // the losing batch fails as a whole and is retried
  // the retry: the losing rows are due again
  await t.db.system((q) => q.query("UPDATE inbound_messages SET state = 'pending', next_attempt_at = now() - interval '1 second' WHERE state = 'pending' OR state = 'quarantined'"));
  await t.settle();
  const tickets = (await t.api(tenant.adminToken, 'GET', '/api/v1/tickets?channel=iot')).json().items;
  expect(tickets).toHaveLength(1);
  const alarms = await t.db.system((q) => q.query<{ count: number; state: string }>("SELECT count, state FROM device_alarms WHERE tenant_id = $1", [tenant.id]));
  expect(alarms).toEqual([{ count: 4, state: 'open' }]);
});
