import type { Deps } from '../platform/deps';
import { AppError } from '../platform/errors';
import { findAssetBySerial } from '../modules/assets';
import type { Actor } from '../modules/identity';
import { createTelemetryRule, saveContract, savePlan } from '../modules/maintenance';
import { listPolicies } from '../modules/sla';
import { DEVICE_MODELS, type OrgKey } from './data';

// 维保: the lifts of 万科 under a full-service contract (VIP SLA), the hospital's contract ending within
// the notice days (flagged, admins told), a monthly maintenance plan for every Otis lift with its
// checklist (the first visit tickets appear at the server's first sweep), and telemetry rules for the
// Otis model (motor temperature: a limit and a trend forecast).

const OTIS = DEVICE_MODELS.find((m) => m.value === 'otis-gen2')!.label_zh;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** Creates the demo's contracts, plan and telemetry rules; how many contracts (0 when they exist already). */
export async function createDemoMaintenance(deps: Deps, admin: Actor, o: { orgIds: Map<OrgKey, string>; now: number }): Promise<number> {
  const assets = await deps.db.tenant(admin.tenantId, async (q) => {
    const ids = new Map<string, string>();
    for (const s of ['ELV-SZ-0101', 'ELV-SZ-0102', 'ELV-SZ-0201', 'ELV-SH-0301']) {
      const a = await findAssetBySerial(q, s);
      if (a) ids.set(s, a.id);
    }
    return ids;
  });
  const vip = (await listPolicies(deps, admin)).items.find((p) => p.name === 'VIP 客户 7×24');
  try {
    await saveContract(deps, admin, null, {
      number: 'WB-2026-001',
      name: '深圳湾一号电梯全包维保合同',
      organizationId: o.orgIds.get('vanke') ?? null,
      slaPolicyId: vip?.id ?? null,
      visitsPerYear: 12,
      validFrom: day(o.now - 200 * DAY),
      validTo: day(o.now + 300 * DAY),
      notes: '含配件与 7×24 应急救援，每月一次保养',
      assetIds: ['ELV-SZ-0101', 'ELV-SZ-0102', 'ELV-SZ-0201'].flatMap((s) => (assets.has(s) ? [assets.get(s)!] : [])),
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONFLICT') return 0; // loaded before: the contract number exists
    throw err;
  }
  await saveContract(deps, admin, null, {
    number: 'WB-2025-017',
    name: '住院部电梯半包维保合同',
    organizationId: o.orgIds.get('hospital') ?? null,
    slaPolicyId: null,
    visitsPerYear: 6,
    validFrom: day(o.now - 345 * DAY),
    validTo: day(o.now + 20 * DAY),
    notes: '即将到期，请联系医院后勤处续签',
    assetIds: assets.has('ELV-SH-0301') ? [assets.get('ELV-SH-0301')!] : [],
  });
  await savePlan(deps, admin, null, {
    name: '奥的斯电梯月度保养',
    assetId: null,
    model: OTIS,
    schedule: { unit: 'months', every: 1, startOn: day(o.now + 3 * DAY), leadDays: 7 },
    checklist: [
      { item: '曳引机油位与渗漏', kind: 'check' },
      { item: '制动器间隙', kind: 'value', unit: 'mm', min: 0.2, max: 0.5 },
      { item: '门锁回路与层门联锁', kind: 'check' },
      { item: '轿厢应急照明与对讲', kind: 'check' },
      { item: '钢丝绳磨损', kind: 'check' },
    ],
    priority: 'normal',
    active: true,
  });
  await createTelemetryRule(deps, admin, { model: OTIS, metric: 'motor_temp', problem: '曳引电机过热', params: { kind: 'threshold', op: 'above', limit: 90 }, priority: 'urgent' });
  await createTelemetryRule(deps, admin, { model: OTIS, metric: 'motor_temp', problem: '曳引电机温升趋势', params: { kind: 'trend', op: 'above', limit: 90, windowHours: 24, horizonHours: 48, minPoints: 100, minR2: 0.8 }, priority: 'high' });
  await createTelemetryRule(deps, admin, { model: OTIS, metric: 'vibration', problem: '轿厢振动异常', params: { kind: 'n_of_m', op: 'above', limit: 0.8, n: 4, m: 6 }, priority: 'high' });
  return 2;
}
