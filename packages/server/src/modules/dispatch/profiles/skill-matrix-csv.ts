import { fieldsInvalid, type FieldIssueCode } from '../../../platform/errors';
import { CsvError, parseCsvRecords } from '../../../platform/text/csv';
import { isRealDate, Level, SkillName, type RowIssue } from './profile-schemas';

// The skill matrix as a CSV file: email,skill,level[,certification,expires], or with the Chinese headers
// 邮箱,技能,等级,证书,到期日 (any order, any mix). Pure: the import use case resolves the emails.

const HEADERS: Record<string, Column> = {
  email: 'email', 邮箱: 'email', 电子邮箱: 'email',
  skill: 'skill', 技能: 'skill',
  level: 'level', 等级: 'level', 级别: 'level',
  certification: 'certification', 证书: 'certification',
  expires: 'expires', 到期日: 'expires', 到期: 'expires', 有效期至: 'expires',
};
type Column = 'email' | 'skill' | 'level' | 'certification' | 'expires';
export const MAX_ROWS = 10_000;

export interface SkillRow {
  /** the file's line the row is on, as a spreadsheet numbers them (the header is line 1) */
  row: number;
  email: string;
  skill?: { name: string; level: number };
  certification?: { name: string; expires: string | null };
}

export interface RowFailure {
  row: number;
  /** VALIDATION_FAILED (the row as written) or NOT_FOUND (no such person) */
  code: string;
  issue: RowIssue;
  /** the value at fault, as written */
  value?: string;
  /** the skill a level belongs to */
  skill?: string;
  /** the same in English */
  message: string;
}

const fileInvalid = (code: FieldIssueCode, message: string, value?: string) => fieldsInvalid([{ field: 'file', code, message, ...(value !== undefined ? { value } : {}) }]);
const WHAT = 'the first line must name the columns email,skill,level (optionally certification,expires), or 邮箱,技能,等级,证书,到期日';

/** Reads the file's rows; a file that cannot be read as a whole throws VALIDATION_FAILED (field "file") saying what to fix. */
export function readSkillMatrixCsv(text: string): { rows: SkillRow[]; failed: RowFailure[] } {
  let records: { cells: string[]; line: number }[];
  try {
    records = parseCsvRecords(text);
  } catch (err) {
    // value: the line the trouble starts on, for the console to word
    if (err instanceof CsvError) throw fileInvalid(err.reason, err.message, err.line === undefined ? undefined : String(err.line));
    throw err;
  }
  if (!records.length) throw fileInvalid('no_rows', `The file is empty; ${WHAT}`);
  const header = records[0].cells.map((h) => h.trim().toLowerCase());
  const cols = header.map((h) => HEADERS[h]);
  const unknown = header.filter((h, i) => !cols[i] && h !== '');
  if (unknown.length) throw fileInvalid('unknown_columns', `Unknown column ${unknown.join(', ')}; ${WHAT}`, unknown.join('、'));
  // a column named twice (email and 邮箱 are the same column): which of the two counts cannot be guessed
  const twice = header.filter((h, i) => cols[i] && cols.indexOf(cols[i]) !== i);
  if (twice.length) throw fileInvalid('duplicate', `The first line names the column ${twice.join(', ')} twice; keep one of them (email and 邮箱, skill and 技能 … are the same column)`, twice.join('、'));
  const missing = (['email', 'skill', 'level'] as const).filter((c) => !cols.includes(c));
  const certOnly = cols.includes('email') && cols.includes('certification') && !cols.includes('skill') && !cols.includes('level');
  if (missing.length && !certOnly) throw fileInvalid('missing_columns', `Missing column ${missing.join(', ')}; ${WHAT}`, missing.join('、'));
  if (records.length - 1 > MAX_ROWS) throw fileInvalid('too_many', `The file has ${records.length - 1} rows; import at most ${MAX_ROWS} at a time`, String(MAX_ROWS));

  const rows: SkillRow[] = [];
  const failed: RowFailure[] = [];
  records.slice(1).forEach(({ cells, line }) => {
    // more fields than the header names: a value with a comma not quoted, or a column shifted; which value
    // belongs where cannot be told, so the row is not read (empty trailing fields, as a spreadsheet may
    // write them, lose nothing and are fine)
    if (cells.slice(header.length).some((c) => c.trim() !== '')) {
      failed.push({ row: line, code: 'VALIDATION_FAILED', issue: 'too_many_fields', value: String(cells.length), message: `The row has ${cells.length} fields but the first line names ${header.length} columns; remove the extra fields, or put a value that contains a comma in double quotes ("…")` });
      return;
    }
    const get = (c: Column) => (cells[cols.indexOf(c)] ?? '').trim();
    const r = readRow(line, get, cols.includes('certification'));
    if ('code' in r) failed.push(r);
    else rows.push(r);
  });
  if (!rows.length && !failed.length) throw fileInvalid('no_rows', 'The file has a header but no rows; add a line per person and skill');
  return { rows, failed };
}

function readRow(row: number, get: (c: Column) => string, hasCert: boolean): SkillRow | RowFailure {
  const fail = (issue: RowIssue, message: string, more: { value?: string; skill?: string } = {}): RowFailure => ({ row, code: 'VALIDATION_FAILED', issue, ...more, message });
  const email = get('email');
  if (!email) return fail('email_empty', 'The email is empty; name the person by their sign-in email');
  const out: SkillRow = { row, email };
  const skill = get('skill');
  const levelText = get('level');
  if (skill || levelText) {
    const name = SkillName.safeParse(skill);
    if (!name.success) return fail('skill_invalid', `Skill: ${name.error.issues[0].message}`, { value: skill });
    const level = Level.safeParse(/^\d+$/.test(levelText) ? Number(levelText) : NaN);
    if (!level.success) return fail('level_invalid', `Level "${levelText}" of ${name.data}: levels are whole numbers from 1 to 5`, { value: levelText, skill: name.data });
    out.skill = { name: name.data, level: level.data };
  }
  const cert = hasCert ? get('certification') : '';
  const expires = get('expires');
  if (cert) {
    if (cert.length > 100) return fail('certification_too_long', 'A certification name has at most 100 characters', { value: cert.slice(0, 20) });
    const day = expires ? expiryDay(expires) : null;
    if (expires && !day) return fail('expires_invalid', `Expiry "${expires}" is not a real date; write it as YYYY-MM-DD (2027-05-01), 2027/5/1 or 2027年5月1日`, { value: expires });
    out.certification = { name: cert, expires: day };
  } else if (expires) return fail('expires_without_certification', 'An expiry date needs a certification in the same row', { value: expires });
  if (!out.skill && !out.certification) return fail('nothing_to_import', 'The row names neither a skill with its level nor a certification');
  return out;
}

/**
 * An expiry date as people write it, as YYYY-MM-DD, or null when it is no real day: 2027-05-01, and as
 * Excel zh-CN shows dates, 2027/5/1 and 2027年5月1日 (also 2027-5-1, 2027.5.1). 2027-02-30 is no day.
 */
export function expiryDay(text: string): string | null {
  const m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text) ?? /^(\d{4})\s*(年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return null;
  const day = `${m[1]}-${m[3].padStart(2, '0')}-${m[4].padStart(2, '0')}`;
  return isRealDate(day) ? day : null;
}
