/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF (a lone CR too), fields in double
 * quotes may hold commas, line breaks and doubled quotes (""). A UTF-8 byte order mark is dropped.
 * A final line break does not start an empty record; wholly empty lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let touched = false; // the current record has content (or a separator)
  const n = text.length;
  const endRow = () => {
    if (touched) rows.push([...row, field]);
    row = [];
    field = '';
    touched = false;
  };
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"') {
      quoted = true;
      touched = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      touched = true;
    } else if (c === '\r') {
      endRow();
      if (text[i + 1] === '\n') i++;
    } else if (c === '\n') endRow();
    else {
      field += c;
      touched = true;
    }
  }
  if (quoted) throw new CsvError('Unterminated quoted field at the end of the file');
  endRow();
  return rows;
}

export class CsvError extends Error {}

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
