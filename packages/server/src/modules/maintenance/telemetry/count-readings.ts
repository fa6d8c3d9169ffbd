import type { Deps } from '../../../platform/deps';
import { telemetryRepository } from './telemetry-repository';

/** How many readings a tenant has stored (benchmarks count them back). */
export function countTelemetryReadings(deps: Deps, tenantId: string): Promise<number> {
  return deps.db.tenant(tenantId, (q) => telemetryRepository.countReadings(q));
}
