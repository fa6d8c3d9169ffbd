import { CsvError, parseCsv } from '../../platform/text/csv';

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

/**
 * Reads an import file: CSV with a header of the columns above (any order; empty cells are left
 * out), or JSONL with one item of POST /api/v1/imports/tickets per line. A file that cannot be read
 * as a whole (unknown or missing columns, a broken quote) throws CsvError.
 */
export function readImportFile(name: string, text: string): ImportRow[] {
  if (/\.jsonl$|\.ndjson$/i.test(name)) return readJsonl(text);
  if (/\.csv$/i.test(name)) return readCsv(text);
  throw new CsvError(wrongFileType(name), 'wrong_type');
}

function readCsv(text: string): ImportRow[] {
  const [header, ...body] = parseCsv(text);
  if (!header) throw new CsvError('The file is empty; the first line must name the columns', 'empty');
  const cols = header.map((h) => h.trim().toLowerCase());
  const unknown = cols.filter((c) => !COLUMNS[c]);
  if (unknown.length) throw new CsvError(`Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the columns are ${Object.keys(COLUMNS).join(', ')}`, 'unknown_columns');
  const missing = REQUIRED.filter((c) => !cols.includes(c));
  if (missing.length) throw new CsvError(`Missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the first line must name at least ${REQUIRED.join(', ')}`, 'missing_columns');
  return body.map((cells, k) => {
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
    return { row: k + 1, item };
  });
}

function readJsonl(text: string): ImportRow[] {
  const rows: ImportRow[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, k) => {
    if (!line.trim()) return;
    try {
      const v = JSON.parse(line) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) rows.push({ row: k + 1, item: v as Record<string, unknown> });
      else rows.push({ row: k + 1, error: { code: 'VALIDATION_FAILED', message: 'The line must be one JSON object (a ticket)', reason: 'not_an_object' } });
    } catch (err) {
      rows.push({ row: k + 1, error: { code: 'MALFORMED_JSON', message: `The line is not JSON: ${(err as Error).message}`, reason: 'malformed_json' } });
    }
  });
  return rows;
}
