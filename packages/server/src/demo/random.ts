// A small seeded random source, so `demo load --seed N` gives the same data every time.
import { mulberry32 } from '../platform/random';

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T extends string>(weights: Partial<Record<T, number>>): T;
  between(minMs: number, maxMs: number): number;
  digits(n: number): string;
  shuffle<T>(items: readonly T[]): T[];
}

export function seededRandom(seed: number): Random {
  const next = mulberry32(seed >>> 0 || 0x9e3779b9);
  const r: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (weights) => {
      const entries = Object.entries(weights) as [string, number][];
      const total = entries.reduce((a, [, w]) => a + w, 0);
      let x = next() * total;
      for (const [k, w] of entries) {
        x -= w;
        if (x < 0) return k as never;
      }
      return entries[entries.length - 1][0] as never;
    },
    between: (minMs, maxMs) => minMs + next() * (maxMs - minMs),
    digits: (n) => Array.from({ length: n }, () => Math.floor(next() * 10)).join(''),
    shuffle: (items) => {
      const a = [...items];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
  };
  return r;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
