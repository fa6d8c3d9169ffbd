import type { Deps } from '../../../platform/deps';
import { getAsset } from '../../assets';
import { systemActor } from '../../identity';
import { createTicket, PRIORITIES, type Priority } from '../../tickets';
import { planRepository, type ChecklistItem, type VisitRow } from './plan-repository';

export const PLAN_ACTOR = '保养计划';
export const MAINTENANCE_TAG = '保养';

/** The visit ticket's text: the plan, the device, when it is due, and the checklist to go through. */
export function visitText(planName: string, device: string, due: string, checklist: ChecklistItem[]): { title: string; description: string } {
  const when = due.startsWith('h:') ? `运行 ${due.slice(2)} 小时` : due;
  const lines = [`保养计划「${planName}」：${device}`, `到期：${when}`];
  if (checklist.length) lines.push('', '检查项：', ...checklist.map((c, i) => `${i + 1}. ${c.item}${c.kind === 'value' ? `（记录数值${c.unit ? `，单位 ${c.unit}` : ''}${c.min !== undefined || c.max !== undefined ? `，合格范围 ${c.min ?? '—'}～${c.max ?? '—'}` : ''}）` : ''}`));
  return { title: `保养：${planName} — ${device}（${when}）`.slice(0, 300), description: lines.join('\n') };
}

/**
 * Creates the ticket of a claimed visit (channel preventive, tag 保养, the asset's) and records it on
 * the visit. Keyed by the visit: exactly one ticket however often this runs.
 */
export async function openVisitTicket(deps: Deps, tenantId: string, v: VisitRow): Promise<string | null> {
  const found = await deps.db.tenant(tenantId, async (q) => ({ asset: await getAsset(q, v.asset_id), plan: await planRepository.get(q, v.plan_id) }));
  if (!found.asset || !found.plan) return null;
  const { asset, plan } = found;
  const device = asset.name ? `${asset.name}（${asset.serial}）` : `设备 ${asset.serial}`;
  const { title, description } = visitText(plan.name, device, v.due, plan.checklist);
  const { ticket } = await createTicket(
    deps,
    systemActor(tenantId, PLAN_ACTOR),
    {
      title,
      description,
      requester: { name: `设备 ${asset.serial}`, identities: [{ kind: 'device', value: asset.serial }], organizationId: asset.organizationId ?? undefined },
      channel: 'preventive',
      priority: (PRIORITIES as readonly string[]).includes(plan.priority) ? (plan.priority as Priority) : 'normal',
      tags: [MAINTENANCE_TAG],
      assetId: asset.id,
    },
    { key: `plan-visit:${v.id}`, principal: 'maintenance', requestHash: 'plan-visit' },
  );
  await deps.db.tenant(tenantId, (q) => planRepository.setVisitTicket(q, v.id, ticket.id));
  return ticket.id;
}
