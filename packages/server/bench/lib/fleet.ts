import type { Rng } from './texts';

// A generated fleet of devices for the telemetry bench: every device's temperature has a baseline, a
// daily cycle and noise; some have harmless short spikes; the failing ones drift slowly upward over
// their last days until they pass the failure temperature, which is when they fail (and go silent).

export interface FleetDevice {
  serial: string;
  baseline: number;
  /** degrees of the daily cycle (peak to mean) */
  cycle: number;
  phase: number;
  /** failing devices: when the drift starts and when the temperature reaches FAIL_AT */
  driftStart: number | null;
  failAt: number | null;
  /** harmless spikes: [start ms, hours, degrees] */
  spikes: [number, number, number][];
}

export const FAIL_AT = 95;
const HOUR = 3_600_000;

function gauss(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** `n` devices over `days` from `t0`; a share `failing` fails between day 7 and the end, after a drift of 2–5 days. */
export function makeFleet(rng: Rng, n: number, t0: number, days: number, failing: number): FleetDevice[] {
  return Array.from({ length: n }, (_, i) => {
    const baseline = 55 + rng() * 15;
    const fails = rng() < failing;
    const failAt = fails ? t0 + (7 + rng() * (days - 8)) * 24 * HOUR : null;
    const driftStart = failAt ? failAt - (48 + rng() * 72) * HOUR : null;
    const spikes: [number, number, number][] = [];
    // about one harmless spike per device a fortnight: 1–3 hours, 8–18 degrees
    for (let d = 0; d < days; d++) if (rng() < 1 / 14) spikes.push([t0 + (d + rng()) * 24 * HOUR, 1 + rng() * 2, 8 + rng() * 10]);
    return { serial: `FLEET-${String(i + 1).padStart(5, '0')}`, baseline, cycle: 1 + rng() * 3, phase: rng() * 24, driftStart, failAt, spikes };
  });
}

/** The device's temperature at `t` (noise from `rng`); null once it has failed. */
export function temperature(d: FleetDevice, t: number, rng: Rng): number | null {
  if (d.failAt !== null && t >= d.failAt) return null;
  let v = d.baseline + d.cycle * Math.sin((2 * Math.PI * (t / HOUR + d.phase)) / 24) + 1.2 * gauss(rng);
  if (d.driftStart !== null && d.failAt !== null && t > d.driftStart) v += ((t - d.driftStart) / (d.failAt - d.driftStart)) * (FAIL_AT + 2 - d.baseline);
  for (const [s, h, deg] of d.spikes) if (t >= s && t < s + h * HOUR) v += deg;
  return Math.round(v * 10) / 10;
}
