import type { Deps } from '../../../platform/deps';
import { localDateTime } from '../../../platform/text/local-time';
import { systemActor, tenantTimeZone } from '../../identity';
import { createTicket, PRIORITIES, type Priority } from '../../tickets';
import { incidentRepository, type IncidentRow } from './incident-repository';
import type { firingJson } from './evaluate-telemetry';

/** Who opens predictive work orders on the timeline. */
export const TELEMETRY_ACTOR = '预测性维护';
export const PREVENTIVE_TAG = '预防性维护';

type Firing = ReturnType<typeof firingJson>;
export interface WorkOrderAsset {
  id: string;
  serial: string;
  name: string | null;
  organizationId: string | null;
}

/** The work order's text: the problem, why, the forecast, and the readings that triggered it. */
export function workOrderText(asset: WorkOrderAsset, problem: string, f: Firing, timeZone: string): { title: string; description: string } {
  const device = asset.name ? `${asset.name}（${asset.serial}）` : `设备 ${asset.serial}`;
  const lines = [`${device} 触发预测性维护规则：${problem}`, `原因：${f.reason}`];
  if (f.forecastAt) lines.push(`预计越限时间：${localDateTime(new Date(f.forecastAt), timeZone)}`);
  lines.push('', `触发读数（${f.metric}）：`, ...f.readings.map((r) => `${localDateTime(new Date(r.at), timeZone)}  ${r.value}`));
  return { title: `${device} 预防性维护：${problem}`.slice(0, 300), description: lines.join('\n') };
}

/**
 * Creates the work order of an open incident and records it there: an ordinary ticket (channel
 * telemetry, tag 预防性维护, the asset's) that goes through dispatch like any other. Keyed by the
 * incident, so a retry (after a crash, or by a second process) gets the same ticket, never a second.
 */
export async function openWorkOrder(deps: Deps, tenantId: string, asset: WorkOrderAsset, incident: IncidentRow, priority: string | undefined): Promise<string> {
  const timeZone = await deps.db.tenant(tenantId, (q) => tenantTimeZone(q));
  const { title, description } = workOrderText(asset, incident.problem, incident.firing as Firing, timeZone);
  const { ticket } = await createTicket(
    deps,
    systemActor(tenantId, TELEMETRY_ACTOR),
    {
      title,
      description,
      requester: { name: `设备 ${asset.serial}`, identities: [{ kind: 'device', value: asset.serial }], organizationId: asset.organizationId ?? undefined },
      channel: 'telemetry',
      priority: (PRIORITIES as readonly string[]).includes(priority ?? '') ? (priority as Priority) : 'high',
      tags: [PREVENTIVE_TAG],
      assetId: asset.id,
    },
    { key: `telemetry:${incident.id}`, principal: 'maintenance', requestHash: 'telemetry' },
  );
  await deps.db.tenant(tenantId, (q) => incidentRepository.setTicket(q, incident.id, ticket.id));
  return ticket.id;
}
