import { CsvError } from '../../../platform/text/csv';

// The CSV parser is the platform's (ticket imports read CSV too); the column helpers are the evaluations'.
export { CsvError, parseCsv } from '../../../platform/text/csv';

export interface LabelledTable {
  header: string[] | undefined;
  texts: string[];
  labels: string[];
}

/**
 * Resolves column references (a header name, or a 0-based index) to indices. Names are matched
 * exactly first, then ignoring case and surrounding spaces. Throws CsvError naming the problem.
 */
export function resolveColumn(ref: string, header: string[] | undefined, width: number): number {
  const r = ref.trim();
  if (header) {
    const exact = header.indexOf(r);
    if (exact >= 0) return exact;
    const loose = header.findIndex((h) => h.trim().toLowerCase() === r.toLowerCase());
    if (loose >= 0) return loose;
  }
  if (/^\d+$/.test(r)) {
    const i = Number(r);
    if (i >= width) throw new CsvError(`Column index ${i} is out of range (the file has ${width} column${width === 1 ? '' : 's'}: 0–${width - 1})`);
    return i;
  }
  if (!header) throw new CsvError(`Unknown column "${ref}": the file has no header (--no-header), use 0-based indices`);
  throw new CsvError(`Unknown column "${ref}" (columns: ${header.join(', ')})`);
}

/** Text (several columns joined by a line break) and label of every record with a non-empty label. */
export function labelledTable(rows: string[][], textCols: string[], labelCol: string, hasHeader: boolean): LabelledTable {
  const header = hasHeader ? rows[0] : undefined;
  const body = hasHeader ? rows.slice(1) : rows;
  const width = Math.max(header?.length ?? 0, ...body.slice(0, 1000).map((r) => r.length), 0);
  const textIdx = textCols.map((c) => resolveColumn(c, header, width));
  const labelIdx = resolveColumn(labelCol, header, width);
  const texts: string[] = [];
  const labels: string[] = [];
  for (const r of body) {
    const label = (r[labelIdx] ?? '').trim();
    if (!label) continue;
    texts.push(textIdx.map((i) => r[i] ?? '').filter((t) => t.trim() !== '').join('\n'));
    labels.push(label);
  }
  return { header, texts, labels };
}
