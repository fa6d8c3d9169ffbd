import { fieldsInvalid, type FieldIssueCode } from '../../../platform/errors';
import { CsvError, parseCsv } from '../../../platform/text/csv';
import { Day, Level, SkillName } from './profile-schemas';

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
  /** the data row (1 = the first after the header) */
  row: number;
  email: string;
  skill?: { name: string; level: number };
  certification?: { name: string; expires: string | null };
}
export interface RowFailure {
  row: number;
  code: string;
  message: string;
}

const fileInvalid = (code: FieldIssueCode, message: string, value?: string) => fieldsInvalid([{ field: 'file', code, message, ...(value !== undefined ? { value } : {}) }]);
const WHAT = 'the first line must name the columns email,skill,level (optionally certification,expires), or 邮箱,技能,等级,证书,到期日';

/** Reads the file's rows; a file that cannot be read as a whole throws VALIDATION_FAILED (field "file") saying what to fix. */
export function readSkillMatrixCsv(text: string): { rows: SkillRow[]; failed: RowFailure[] } {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvError) throw fileInvalid(err.reason, err.message);
    throw err;
  }
  if (!records.length) throw fileInvalid('no_rows', `The file is empty; ${WHAT}`);
  const header = records[0].map((h) => h.trim().toLowerCase());
  const cols = header.map((h) => HEADERS[h]);
  const unknown = header.filter((h, i) => !cols[i] && h !== '');
  if (unknown.length) throw fileInvalid('unknown_columns', `Unknown column ${unknown.join(', ')}; ${WHAT}`, unknown.join('、'));
  const missing = (['email', 'skill', 'level'] as const).filter((c) => !cols.includes(c));
  const certOnly = cols.includes('email') && cols.includes('certification') && !cols.includes('skill') && !cols.includes('level');
  if (missing.length && !certOnly) throw fileInvalid('missing_columns', `Missing column ${missing.join(', ')}; ${WHAT}`, missing.join('、'));
  if (records.length - 1 > MAX_ROWS) throw fileInvalid('too_many', `The file has ${records.length - 1} rows; import at most ${MAX_ROWS} at a time`, String(MAX_ROWS));

  const rows: SkillRow[] = [];
  const failed: RowFailure[] = [];
  records.slice(1).forEach((cells, i) => {
    const get = (c: Column) => (cells[cols.indexOf(c)] ?? '').trim();
    const r = readRow(i + 1, get, cols.includes('certification'));
    if ('code' in r) failed.push(r);
    else rows.push(r);
  });
  if (!rows.length && !failed.length) throw fileInvalid('no_rows', 'The file has a header but no rows; add a line per person and skill');
  return { rows, failed };
}

function readRow(row: number, get: (c: Column) => string, hasCert: boolean): SkillRow | RowFailure {
  const fail = (message: string): RowFailure => ({ row, code: 'VALIDATION_FAILED', message });
  const email = get('email');
  if (!email) return fail('The email is empty; name the person by their sign-in email');
  const out: SkillRow = { row, email };
  const skill = get('skill');
  const levelText = get('level');
  if (skill || levelText) {
    const name = SkillName.safeParse(skill);
    if (!name.success) return fail(`Skill: ${name.error.issues[0].message}`);
    const level = Level.safeParse(/^\d+$/.test(levelText) ? Number(levelText) : NaN);
    if (!level.success) return fail(`Level "${levelText}" of ${name.data}: levels are whole numbers from 1 to 5`);
    out.skill = { name: name.data, level: level.data };
  }
  const cert = hasCert ? get('certification') : '';
  const expires = get('expires');
  if (cert) {
    if (cert.length > 100) return fail('A certification name has at most 100 characters');
    if (expires && !Day.safeParse(expires).success) return fail(`Expiry "${expires}" is not a real date; write it as YYYY-MM-DD, e.g. 2027-05-01`);
    out.certification = { name: cert, expires: expires || null };
  } else if (expires) return fail('An expiry date needs a certification in the same row');
  if (!out.skill && !out.certification) return fail('The row names neither a skill with its level nor a certification');
  return out;
}
