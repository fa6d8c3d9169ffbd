import type { BatchWriter, UnitOutcome } from '../../../platform/db/coalesced-transactions';
import { ensureAssets, findAssetsBySerials, type AssetRef } from '../../assets';
import { evaluateTelemetry, type Evaluated } from './evaluate-telemetry';
import type { MetricSeries } from './telemetry-payload';
import { telemetryRepository } from './telemetry-repository';

/** One device message, checked and split into series: what the writer stores. */
export interface TelemetryUnit {
  tenantId: string;
  serial: string;
  series: MetricSeries[];
  /** its time of receipt */
  now: Date;
}

export interface Written {
  asset: AssetRef;
  opened: Evaluated['opened'];
}

/**
 * Stores many device messages of one tenant in one transaction: one read of their assets (an unknown
 * serial becomes an unconfirmed asset), one insert of all their series, then the rules evaluated on
 * them together. A second message of the same device in the batch runs alone after it, so each message
 * is evaluated on the readings up to its own, as it would be alone.
 */
export const telemetryWriter: BatchWriter<TelemetryUnit, Written> = {
  name: 'telemetry.ingest',
  async many(q, units) {
    const first = new Map<string, number>();
    units.forEach((u, i) => first.has(u.serial) || first.set(u.serial, i));
    const mine = units.filter((u, i) => first.get(u.serial) === i);
    const assets = await findAssetsBySerials(q, mine.map((u) => u.serial));
    const unknown = mine.filter((u) => !assets.has(u.serial));
    if (unknown.length) for (const [serial, a] of await ensureAssets(q, units[0].tenantId, unknown.map((u) => u.serial), unknown[0].now)) assets.set(serial, a);
    await telemetryRepository.insertSeries(q, units[0].tenantId, mine.flatMap((u) => u.series.map((series) => ({ assetId: assets.get(u.serial)!.id, series, receivedAt: u.now }))));
    const evaluated = await evaluateTelemetry(q, units[0].tenantId, mine.map((u) => ({ asset: assets.get(u.serial)!, metrics: u.series.map((s) => s.metric), now: u.now })));
    const result = new Map(mine.map((u, i) => [u.serial, { asset: assets.get(u.serial)!, opened: evaluated[i].opened }]));
    return units.map((u, i): UnitOutcome<Written> => (first.get(u.serial) === i ? { ok: true, value: result.get(u.serial)! } : { ok: false, alone: true }));
  },
};
