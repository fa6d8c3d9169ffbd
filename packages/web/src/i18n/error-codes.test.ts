import { describe, expect, it } from 'vitest';
import { INTAKE_ERROR_CODES } from '../../../server/src/modules/intake/intake-error-codes';
import { ERROR_CODES, FIELD_ISSUE_CODES } from '../../../server/src/platform/errors';
import { en } from './en';
import { intakeEn } from './intake.en';
import { intakeZhCN } from './intake.zh-CN';
import { zhCN } from './zh-CN';

// Every error code the server can produce has words in both interface languages: the API's codes
// (platform/errors.ts) under errors.*, the codes of its field issues (details[].code, FIELD_ISSUE_CODES
// in platform/errors.ts, which types FieldIssue.code) under errors.issue.*, the channels' codes (quarantined messages, failed deliveries:
// modules/intake/intake-error-codes.ts) under intake.errors.*. The server's sources are read as well,
// so a code thrown or answered as a literal outside those lists fails here too.

const sources = import.meta.glob('../../../server/src/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Codes written as literals where the server makes an error: AppError, PermanentIntakeError, an MQTT refusal, an `{ error: { code } }` body, a PERMANENT map of a sender. */
function literalCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /new (?:AppError|PermanentIntakeError)\(\s*'([A-Z][A-Z0-9_]+)'/g,
    /\brefusal\(\s*'([A-Z][A-Z0-9_]+)'/g,
    /error: \{ code: '([A-Z][A-Z0-9_]+)'/g,
    /deliveryErrorText\(\s*'([A-Z][A-Z0-9_]+)'/g,
  ];
  for (const [path, text] of Object.entries(sources)) {
    if (path.endsWith('.test.ts') || path.includes('/stand-in/')) continue;
    for (const re of patterns) for (const m of text.matchAll(re)) found.set(m[1], path);
    // the errcode → code tables of the messaging senders
    for (const table of text.matchAll(/const PERMANENT: Record<number, IntakeErrorCode> = \{([^}]*)\}/g))
      for (const m of table[1].matchAll(/'([A-Z][A-Z0-9_]+)'/g)) found.set(m[1], path);
  }
  return found;
}

const errorTexts = (o: object) => o as Record<string, unknown>;

describe('error codes have words in zh-CN and en', () => {
  it('reads the server sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    expect(literalCodes().get('RELAY_NOT_CONFIGURED')).toMatch(/email-sender\.ts$/);
  });

  it('every API error code (ErrorCode) has a zh-CN and an en message under errors.*', () => {
    const missing = ERROR_CODES.flatMap((c) => [
      ...(typeof errorTexts(zhCN.errors)[c] === 'string' ? [] : [`zh-CN errors.${c}`]),
      ...(typeof errorTexts(en.errors)[c] === 'string' ? [] : [`en errors.${c}`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('every field-issue code (FieldIssue.code) has a zh-CN and an en message under errors.issue.*', () => {
    expect(FIELD_ISSUE_CODES).toEqual(expect.arrayContaining(['required_to_resolve', 'address_taken', 'password_too_common', 'invalid_time_zone', 'cycle', 'unknown_field']));
    const missing = FIELD_ISSUE_CODES.flatMap((c) => [
      ...(typeof errorTexts(zhCN.errors.issue)[c] === 'string' ? [] : [`zh-CN errors.issue.${c}`]),
      ...(typeof errorTexts(en.errors.issue)[c] === 'string' ? [] : [`en errors.issue.${c}`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('every channel error code (quarantine, delivery failures) has a zh-CN and an en message under intake.errors.*', () => {
    const missing = INTAKE_ERROR_CODES.flatMap((c) => [
      ...(typeof errorTexts(intakeZhCN.errors)[c] === 'string' ? [] : [`zh-CN intake.errors.${c}`]),
      ...(typeof errorTexts(intakeEn.errors)[c] === 'string' ? [] : [`en intake.errors.${c}`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('no code is made in the server outside those two lists', () => {
    const listed = new Set<string>([...ERROR_CODES, ...INTAKE_ERROR_CODES]);
    const stray = [...literalCodes()].filter(([code]) => !listed.has(code)).map(([code, path]) => `${code} (${path.replace(/^.*server\/src\//, '')})`);
    expect(stray).toEqual([]);
  });

  it('the zh-CN messages are Chinese sentences, not the code or English', () => {
    for (const c of ERROR_CODES) expect([c, /[\u4e00-\u9fa5]/.test(String(errorTexts(zhCN.errors)[c]))]).toEqual([c, true]);
    for (const c of INTAKE_ERROR_CODES) expect([c, /[\u4e00-\u9fa5]/.test(String(errorTexts(intakeZhCN.errors)[c]))]).toEqual([c, true]);
    for (const c of FIELD_ISSUE_CODES) expect([c, /[\u4e00-\u9fa5]/.test(String(errorTexts(zhCN.errors.issue)[c]))]).toEqual([c, true]);
  });
});
