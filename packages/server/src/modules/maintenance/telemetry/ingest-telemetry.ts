import type { Deps } from '../../../platform/deps';
import { openWorkOrder } from './open-work-order';
import { seriesOf, type TelemetryBody } from './telemetry-payload';
import { telemetryWriter } from './write-telemetry';

export interface IngestResult {
  readings: number;
  /** work orders this message opened */
  workOrders: string[];
}

/**
 * Stores a device's readings (one row per metric of the message) and evaluates its model's rules on
 * them in the same transaction; a problem that fires opens its work order after the commit. An unknown
 * serial becomes an unconfirmed asset, as alarms do. Concurrent messages of a tenant share a transaction
 * (deps.writes: one insert and one rule evaluation for all of them); each returns once its own readings
 * are committed, so the transport acknowledges only what is stored.
 */
export async function ingestTelemetry(deps: Deps, m: { tenantId: string; serial: string; body: TelemetryBody }): Promise<IngestResult> {
  const now = deps.clock.now();
  const series = seriesOf(m.body, now);
  const { asset, opened } = await deps.writes.write(m.tenantId, telemetryWriter, { tenantId: m.tenantId, serial: m.serial, series, now });
  const workOrders: string[] = [];
  // the readings are stored: a work order that fails now is finished by the sweep (keyed by the incident)
  for (const i of opened) await openWorkOrder(deps, m.tenantId, asset, i, i.rule?.priority).then((id) => workOrders.push(id), () => undefined);
  return { readings: series.reduce((n, s) => n + s.values.length, 0), workOrders };
}
