import type { Deps } from '../../../platform/deps';
import { requireRole, type Actor } from '../../identity';
import { MAINTENANCE_READERS } from '../access';
import { incidentRepository, type IncidentRow } from './incident-repository';

/** Predictive incidents, newest first (staff): all, or of one asset, or in one state. */
export async function listTelemetryIncidents(deps: Deps, actor: Actor, o: { assetId?: string; state?: 'open' | 'closed'; limit: number }): Promise<IncidentRow[]> {
  requireRole(actor, MAINTENANCE_READERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const rows = o.assetId ? await incidentRepository.ofAsset(q, o.assetId, o.limit) : await incidentRepository.list(q, o.state ?? null, o.limit);
    return o.state ? rows.filter((r) => r.state === o.state) : rows;
  });
}
