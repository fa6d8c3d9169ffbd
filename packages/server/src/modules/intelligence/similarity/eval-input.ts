import { readFileSync } from 'node:fs';
import { CsvError, labelledTable, parseCsv, resolveColumn } from '../classify/csv';

// Reading the CSV files of `gongdan eval pairs` and `gongdan eval retrieve` with the CSV helpers of
// `eval classify`, so columns are named or indexed the same way. Problems are CsvErrors, which the
// command turns into usage errors.

function rowsOf(file: string): string[][] {
  const rows = parseCsv(readFileSync(file, 'utf8'));
  if (rows.length === 0) throw new CsvError(`${file} is empty`);
  return rows;
}

/** Texts of one column keyed by another (rows with an empty key are skipped). */
export function readKeyed(file: string, textColumn: string, keyColumn: string, header: boolean): { texts: string[]; keys: string[] } {
  const t = labelledTable(rowsOf(file), [textColumn], keyColumn, header);
  if (t.texts.length === 0) throw new CsvError(`${file} has no rows with a value in column "${keyColumn}"`);
  return { texts: t.texts, keys: t.labels };
}

/** Refuses a text column that is empty in every row: every score would be 0 whatever the engine. */
export function requireText(texts: string[], file: string, column: string): void {
  if (texts.every((t) => t.trim() === '')) throw new CsvError(`${file}: column "${column}" is empty in every row, so nothing can match; name the text column`);
}

export interface LabelledPairs {
  a: string[];
  b: string[];
  labels: boolean[];
  /** Set when the header row holds a 0/1 label: probably a pair read as a header. */
  suspectHeader?: string;
}

function labelIndex(rows: string[][], labelColumn: string): number {
  const width = Math.max(...rows.slice(0, 1000).map((r) => r.length));
  return resolveColumn(labelColumn, rows[0], width);
}

const TRUE = new Set(['1', 'true', 'yes', 'y', 't', '1.0']);
const FALSE = new Set(['0', 'false', 'no', 'n', 'f', '0.0']);

/** Text pairs with a 0/1 (or true/false) label; any other label is an error naming the row. */
export function readPairs(file: string, aColumn: string, bColumn: string, labelColumn: string, header: boolean): LabelledPairs {
  const rows = rowsOf(file);
  const a = labelledTable(rows, [aColumn], labelColumn, header);
  const b = labelledTable(rows, [bColumn], labelColumn, header);
  if (a.texts.length === 0) throw new CsvError(`${file} has no rows with a label in column "${labelColumn}"`);
  const labels = a.labels.map((l, i) => {
    const v = l.toLowerCase();
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    const hint = i === 0 && !header ? '; if row 1 is a header, drop --no-header' : '';
    throw new CsvError(`${file}: bad label "${l}" in data row ${i + 1} (labels must be 0/1 or true/false${hint})`);
  });
  const headerLabel = header ? (rows[0][labelIndex(rows, labelColumn)] ?? '').trim().toLowerCase() : '';
  const suspectHeader =
    headerLabel && (TRUE.has(headerLabel) || FALSE.has(headerLabel))
      ? `${file}: the first row looks like a pair, not a header (its label is "${headerLabel}"); if the file has no header row, give --no-header (now that pair is skipped)`
      : undefined;
  return { a: a.texts, b: b.texts, labels, ...(suspectHeader ? { suspectHeader } : {}) };
}
