import { z } from 'zod';
import { invalid } from '../../../platform/errors';

// The device contract for telemetry (docs/FIELD.md): one reading {ts?, metrics: {name: number}} or a
// batch {readings: [...]}, over MQTT (gongdan/{tenant}/devices/{serial}/telemetry) or HTTP.

export const MAX_TELEMETRY_BYTES = 256 * 1024;
export const MAX_READINGS = 1000;
export const MAX_METRICS = 50;
/** A reading's ts is trusted a day ahead and a year back at most (as alarms). */
const MAX_AHEAD_MS = 24 * 3_600_000;
const MAX_AGE_MS = 366 * 24 * 3_600_000;

const MetricName = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'metric names are 1–64 letters, digits, "_", "." or "-"');
export const ReadingBody = z.strictObject({
  ts: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time with a time zone' }).optional(),
  metrics: z.record(MetricName, z.number().finite('must be a finite number')).refine((m) => Object.keys(m).length >= 1 && Object.keys(m).length <= MAX_METRICS, `1 to ${MAX_METRICS} metrics per reading`),
});
export const TelemetryBody = z.union([ReadingBody, z.strictObject({ readings: z.array(ReadingBody).min(1).max(MAX_READINGS) })]);
export type TelemetryBody = z.infer<typeof TelemetryBody>;

/** Readings of one metric of one message, in time order: what one stored row holds. */
export interface MetricSeries {
  metric: string;
  at: Date[];
  values: number[];
}

/**
 * A message's readings per metric, each in time order; a reading without ts (or one too far from the
 * receipt) counts at the time of receipt. Throws a validation error (field ts) for a ts out of range.
 */
export function seriesOf(body: TelemetryBody, receivedAt: Date): MetricSeries[] {
  const readings = 'readings' in body ? body.readings : [body];
  const by = new Map<string, { at: Date; value: number }[]>();
  for (const r of readings) {
    const at = r.ts ? new Date(r.ts) : receivedAt;
    if (at.getTime() - receivedAt.getTime() > MAX_AHEAD_MS || receivedAt.getTime() - at.getTime() > MAX_AGE_MS)
      throw invalid('ts', `ts ${r.ts} is more than a day ahead or a year behind the server's clock; set the device's clock (NTP) or leave ts out`, 'out_of_range', r.ts);
    for (const [metric, value] of Object.entries(r.metrics)) {
      const list = by.get(metric) ?? [];
      list.push({ at, value });
      by.set(metric, list);
    }
  }
  return [...by.entries()].map(([metric, list]) => {
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    return { metric, at: list.map((x) => x.at), values: list.map((x) => x.value) };
  });
}

/** An MQTT message the contract refuses (not acknowledged, logged with its code). */
export class TelemetryRefused extends Error {
  constructor(readonly code: 'TELEMETRY_TOO_LARGE' | 'TELEMETRY_MALFORMED', message: string) {
    super(`${code}: ${message}`);
  }
}

/** Reads an MQTT payload against the contract: the body, or a TelemetryRefused saying what is wrong. */
export function readTelemetryPayload(raw: Buffer): TelemetryBody {
  if (raw.length > MAX_TELEMETRY_BYTES) throw new TelemetryRefused('TELEMETRY_TOO_LARGE', `The payload has ${raw.length} bytes; at most ${MAX_TELEMETRY_BYTES}`);
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new TelemetryRefused('TELEMETRY_MALFORMED', 'The payload is not JSON; send {"ts": "ISO-8601", "metrics": {"temperature": 71.2}} or {"readings": [...]}');
  }
  const r = TelemetryBody.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new TelemetryRefused('TELEMETRY_MALFORMED', `${i.path.join('.') || 'payload'}: ${i.message}`);
  }
  return r.data;
}
