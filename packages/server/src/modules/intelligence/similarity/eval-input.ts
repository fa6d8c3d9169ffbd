import { readFileSync } from 'node:fs';
import { CsvError, labelledTable, parseCsv } from '../classify/csv';

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

export interface LabelledPairs {
  a: string[];
  b: string[];
  labels: boolean[];
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
    throw new CsvError(`${file}: bad label "${l}" in data row ${i + 1} (labels must be 0/1 or true/false)`);
  });
  return { a: a.texts, b: b.texts, labels };
}
