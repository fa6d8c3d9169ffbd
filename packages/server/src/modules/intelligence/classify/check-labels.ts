import { readFileSync } from 'node:fs';
import { CsvError, parseCsv, resolveColumn } from './csv';

// What would make `gongdan eval classify` figures mislead, found before training. Where the result
// would mean nothing (a label column of free text, test labels none of which the model can give) it
// is a CsvError, which the command turns into a usage error (exit 2) saying what to fix; otherwise
// a warning for stderr and a count in the JSON line.

export interface InputCheck {
  warnings: string[];
  /** Test items whose label no training item has: always wrong, whatever the model. */
  unseen_label_items: number;
  /** Files whose first row was probably read wrongly (a header as an item, or an item as a header). */
  suspect_header_rows: number;
}

export interface LabelColumn {
  file: string;
  /** The first row, and the label of every row (the first included). */
  first: string[];
  firstLabel: string;
  labels: string[];
}

export function readLabelColumn(file: string, labelColumn: string, header: boolean): LabelColumn {
  const rows = parseCsv(readFileSync(file, 'utf8'));
  if (rows.length === 0) throw new CsvError(`${file} is empty`);
  const width = Math.max(...rows.slice(0, 1000).map((r) => r.length));
  const idx = resolveColumn(labelColumn, header ? rows[0] : undefined, width);
  const labels = rows.map((r) => (r[idx] ?? '').trim());
  return { file, first: rows[0].map((c) => c.trim()), firstLabel: labels[0], labels };
}

/** True when the values look like free text rather than categories: mostly distinct, or long. */
export function looksLikeFreeText(labels: string[]): { distinct: number; meanLength: number; freeText: boolean } {
  const values = labels.filter(Boolean);
  const distinct = new Set(values).size;
  const meanLength = values.reduce((s, l) => s + [...l].length, 0) / Math.max(1, values.length);
  return { distinct, meanLength, freeText: (values.length >= 20 && distinct > values.length / 2) || meanLength > 60 };
}

/** A first row that is probably a header read as an item (--no-header), or an item read as a header. */
export function headerWarning(c: LabelColumn, header: boolean, other?: LabelColumn): string | undefined {
  const body = c.labels.slice(1).filter(Boolean);
  const uses = body.filter((l) => l === c.firstLabel).length;
  if (header) {
    if (c.firstLabel && uses > 0)
      return `${c.file}: the first row looks like data, not a header (its label "${c.firstLabel}" is the label of ${uses} other row${uses === 1 ? '' : 's'}); if the file has no header row, give --no-header (now that row is skipped)`;
    return undefined;
  }
  const sameFirstRow = other !== undefined && other.first.length > 1 && other.first.join('\u0000') === c.first.join('\u0000');
  const repeated = body.length >= 20 && body.length / Math.max(1, new Set(body).size) >= 3;
  if (sameFirstRow || (repeated && c.firstLabel && uses === 0))
    return `${c.file}: row 1 looks like a header (${sameFirstRow ? 'both files start with the same row' : `its label "${c.firstLabel}" occurs nowhere else`}), and with --no-header it is counted as an item; drop --no-header if it is one`;
  return undefined;
}

export function checkClassifyInput(train: LabelColumn, test: LabelColumn, header: boolean, labelColumn: string, unknownLabel?: string): InputCheck {
  const warnings: string[] = [];
  const trainLabels = (header ? train.labels.slice(1) : train.labels).filter(Boolean);
  const testLabels = (header ? test.labels.slice(1) : test.labels).filter((l) => l && l !== unknownLabel);
  const shape = looksLikeFreeText(trainLabels);
  if (shape.freeText)
    throw new CsvError(
      `--label ${labelColumn}: the values look like free text, not categories (${shape.distinct} distinct values in ${trainLabels.length} rows of ${train.file}, ${shape.meanLength.toFixed(0)} characters on average); name the category column with --label and the text with --text`,
    );
  const known = new Set(trainLabels);
  const unseen = testLabels.filter((l) => !known.has(l));
  if (testLabels.length > 0 && unseen.length === testLabels.length)
    throw new CsvError(
      `None of the labels of ${test.file} occurs in ${train.file} (e.g. "${unseen[0]}" in the test, "${trainLabels[0]}" in training): every item would be scored wrong; check that --label names the same column in both files`,
    );
  if (unseen.length > 0) {
    const names = [...new Set(unseen)];
    warnings.push(
      `${unseen.length} of ${testLabels.length} test items have a label no training item has (${names.slice(0, 5).map((n) => `"${n}"`).join(', ')}${names.length > 5 ? ', …' : ''}); they count as wrong`,
    );
  }
  let suspect = 0;
  for (const [c, other] of [
    [train, test],
    [test, train],
  ] as const) {
    const w = headerWarning(c, header, other);
    if (w) {
      suspect++;
      if (!warnings.includes(w)) warnings.push(w);
    }
  }
  return { warnings, unseen_label_items: unseen.length, suspect_header_rows: suspect };
}

/** The checks of `gongdan eval classify` on its two files. */
export function checkClassifyFiles(input: { train: string; test: string; labelColumn: string; header: boolean; unknownLabel?: string }): InputCheck {
  const train = readLabelColumn(input.train, input.labelColumn, input.header);
  const test = readLabelColumn(input.test, input.labelColumn, input.header);
  return checkClassifyInput(train, test, input.header, input.labelColumn, input.unknownLabel);
}
