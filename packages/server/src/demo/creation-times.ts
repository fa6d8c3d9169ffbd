import { SHANGHAI } from './demo-format';
import { DAY, HOUR, MINUTE, type Random } from './random';

/**
 * When tickets arrive: over 60 days (China time), fewer at weekends and at night, a busier last two
 * days so the open queue looks alive; stratified so weeks come out even. Oldest first.
 */
export function creationTimes(rng: Random, n: number, start: number, end: number): number[] {
  const firstMidnight = Math.floor((start + SHANGHAI) / DAY) * DAY - SHANGHAI;
  const days: { midnight: number; weight: number }[] = [];
  for (let m = firstMidnight; m < end; m += DAY) {
    const weekday = new Date(m + SHANGHAI).getUTCDay();
    days.push({ midnight: m, weight: (weekday === 0 || weekday === 6 ? 0.45 : 1) * (end - m < 2 * DAY ? 2.5 : 1) });
  }
  const total = days.reduce((a, d) => a + d.weight, 0);
  const hourWeights: Record<string, number> = {};
  for (let h = 0; h < 24; h++) hourWeights[String(h)] = h >= 9 && h <= 18 ? 10 : h >= 7 && h <= 21 ? 4 : 0.6;
  const out: number[] = [];
  for (let i = 0; out.length < n && i < n * 50; i++) {
    // the (i mod n)-th of n equal slices of the weighted days, a random point in it
    let x = (((i % n) + rng.next()) / n) * total;
    const day = days.find((d) => (x -= d.weight) < 0) ?? days[days.length - 1];
    const t = day.midnight + Number(rng.weighted(hourWeights)) * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
    if (t > start && t < end - 10 * MINUTE) out.push(t);
  }
  return out.sort((a, b) => a - b);
}
