import type { IntelModel } from '../../api/intelligence-types';

// Reading a model's confusion matrix: which classes occur at all, and which mistakes are most common.

export interface ConfusedPair {
  actual: string;
  predicted: string;
  count: number;
}

/** Indexes of the classes present in the held-back tickets (as the true class or as a prediction). */
export function presentClasses(m: Pick<IntelModel, 'classes' | 'confusion'>): number[] {
  return m.classes.map((_, i) => i).filter((i) => (m.confusion[i] ?? []).some((n) => n > 0) || m.confusion.some((row) => (row[i] ?? 0) > 0));
}

/** The off-diagonal cells with the most tickets, largest first (ties by class order, so the list is stable). */
export function topConfusions(m: Pick<IntelModel, 'classes' | 'confusion'>, limit = 5): ConfusedPair[] {
  const pairs: (ConfusedPair & { order: number })[] = [];
  m.confusion.forEach((row, i) =>
    row.forEach((count, j) => {
      if (i !== j && count > 0 && m.classes[i] && m.classes[j]) pairs.push({ actual: m.classes[i].label, predicted: m.classes[j].label, count, order: i * m.classes.length + j });
    }),
  );
  return pairs
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, limit)
    .map(({ order: _order, ...p }) => p);
}

/** A cell's background: right answers green, mistakes red, stronger as the share of the true class grows. */
export function heat(count: number, rowTotal: number, diagonal: boolean): string | undefined {
  if (!count || !rowTotal) return undefined;
  const alpha = 0.12 + 0.6 * (count / rowTotal);
  return diagonal ? `rgba(82, 196, 26, ${alpha.toFixed(2)})` : `rgba(245, 34, 45, ${alpha.toFixed(2)})`;
}
