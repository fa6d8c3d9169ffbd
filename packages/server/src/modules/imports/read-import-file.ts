import { CsvError, readCsv } from '../../platform/text/csv';

/** One record of an import file: its item in the API's shape, or why it could not be read. */
export interface ImportRow {
  /** the data row of a CSV file (1 = the first after the header) or the line of a JSONL file */
  row: number;
  item?: Record<string, unknown>;
  /** reason: malformed_json or not_an_object */
  error?: { code: string; message: string; reason: string };
}

/** CSV columns and the item field each fills; requester_* make up the requester, tags are separated by |. */
const COLUMNS: Record<string, string> = {
  external_id: 'externalId', title: 'title', description: 'description', created_at: 'createdAt', updated_at: 'updatedAt',
  resolved_at: 'resolvedAt', closed_at: 'closedAt', status: 'status', priority: 'priority', category: 'category', team: 'team',
  assignee: 'assignee', tags: 'tags', channel: 'channel', requester_name: 'requester.name', requester_email: 'requester.email',
  requester_phone: 'requester.phone',
};
const REQUIRED = ['external_id', 'title', 'created_at'];
/** File names readImportFile reads: CSV, or JSON lines. */
export const IMPORT_FILE_NAME = /\.(csv|jsonl|ndjson)$/i;
/** What to fix when a file is of another type. */
export const wrongFileType = (name: string) => `${name}: the file must be .csv (with a header) or .jsonl (one JSON ticket per line)`;

/** An import file's text: whole, or as it streams in (decoded already). */
export type ImportText = string | AsyncIterable<string>;

/**
 * Reads an import file: CSV with a header of the columns above (any order; empty cells are left
 * out), or JSONL with one item of POST /api/v1/imports/tickets per line. The file is read as a stream,
 * so only its rows are held. A file that cannot be read as a whole (unknown or missing columns, a
 * broken quote) throws CsvError; a row that cannot be read fails alone, with its reason.
 */
export async function readImportFile(name: string, text: ImportText): Promise<ImportRow[]> {
  const chunks = typeof text === 'string' ? once(text) : text;
  if (/\.jsonl$|\.ndjson$/i.test(name)) return readJsonl(chunks);
  if (/\.csv$/i.test(name)) return readCsvRows(chunks);
  throw new CsvError(wrongFileType(name), 'wrong_type');
}

async function readCsvRows(text: AsyncIterable<string>): Promise<ImportRow[]> {
  const records = readCsv(text);
  try {
    const first = await records.next();
    if (first.done) throw new CsvError('The file is empty; the first line must name the columns', 'empty');
    const cols = first.value.cells.map((h) => h.trim().toLowerCase());
    const unknown = cols.filter((c) => !COLUMNS[c]);
    if (unknown.length) throw new CsvError(`Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the columns are ${Object.keys(COLUMNS).join(', ')}`, 'unknown_columns');
    const missing = REQUIRED.filter((c) => !cols.includes(c));
    if (missing.length) throw new CsvError(`Missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the first line must name at least ${REQUIRED.join(', ')}`, 'missing_columns');
    const rows: ImportRow[] = [];
    for await (const { cells, line } of records) rows.push(csvRow(rows.length + 1, line, cols, cells));
    return rows;
  } finally {
    await records.return(undefined);
  }
}

/**
 * A data row as an item. Missing cells at the end are empty; cells past the header's columns that
 * hold something fail the row (a comma in an unquoted value shifts the rest of the row).
 */
function csvRow(row: number, line: number, cols: string[], cells: string[]): ImportRow {
  if (cells.slice(cols.length).some((c) => c.trim() !== ''))
    return {
      row,
      error: {
        code: 'VALIDATION_FAILED',
        message: `Line ${line} has ${cells.length} cells but the header names ${cols.length} columns; a value holding a comma must be in double quotes ("a, b")`,
        reason: 'extra_cells',
      },
    };
  const item: Record<string, unknown> = {};
  const requester: Record<string, string> = {};
  cols.forEach((c, j) => {
    const v = (cells[j] ?? '').trim();
    if (v === '') return;
    const field = COLUMNS[c];
    if (field.startsWith('requester.')) requester[field.slice('requester.'.length)] = v;
    else item[field] = c === 'tags' ? v.split('|').map((t) => t.trim()).filter(Boolean) : c === 'description' ? (cells[j] ?? '') : v;
  });
  if (Object.keys(requester).length) item.requester = requester;
  return { row, item };
}

async function readJsonl(text: AsyncIterable<string>): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  let k = 0;
  for await (const raw of lines(text)) {
    const line = k === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    k++;
    if (!line.trim()) continue;
    try {
      const v = JSON.parse(line) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) rows.push({ row: k, item: v as Record<string, unknown> });
      else rows.push({ row: k, error: { code: 'VALIDATION_FAILED', message: 'The line must be one JSON object (a ticket)', reason: 'not_an_object' } });
    } catch (err) {
      rows.push({ row: k, error: { code: 'MALFORMED_JSON', message: `The line is not JSON: ${(err as Error).message}`, reason: 'malformed_json' } });
    }
  }
  return rows;
}

/** The lines of a text as it streams in, split at LF or CRLF. */
async function* lines(text: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of text) {
    const parts = (rest + chunk).split(/\r?\n/);
    rest = parts.pop()!;
    yield* parts;
  }
  yield rest;
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}
