import { dictionary } from '@zxcvbn-ts/language-common';
import { invalid } from '../../platform/errors';

// What a new password must be: long enough, not one of the passwords attackers try first, not the
// user's own email name. The common list is the 10,000 most frequent passwords of the ranked list
// zxcvbn-ts ships (@zxcvbn-ts/language-common, MIT; compiled from leaked-password frequency lists);
// it is bundled in the package, nothing is downloaded at run time.

export const MIN_PASSWORD_CHARS = 8;
const COMMON_COUNT = 10_000;

export type PasswordIssueCode = 'password_too_short' | 'password_needs_letters_and_digits' | 'password_too_common' | 'password_contains_email';

export interface PasswordIssue {
  code: PasswordIssueCode;
  message: string;
}

// Leetspeak folded to one letter each, on both the list and the candidate (so "Passw0rd" and "p@ssword"
// meet "password"; i, l, 1, ! and | all fold to i, which only makes the comparison broader).
const LEET: Record<string, string> = { '0': 'o', '1': 'i', l: 'i', '!': 'i', '|': 'i', '3': 'e', '4': 'a', '@': 'a', '5': 's', $: 's', '7': 't', '+': 't', '8': 'b', '9': 'g' };
const fold = (s: string) => s.replace(/[01l!|345@$7+89]/g, (c) => LEET[c]);

let common: { exact: Set<string>; folded: Set<string> } | undefined;
function commonPasswords() {
  if (!common) {
    const top = dictionary['passwords-common'].slice(0, COMMON_COUNT);
    common = { exact: new Set(top), folded: new Set(top.map(fold)) };
  }
  return common;
}

// Digits, punctuation, symbols and spaces that attackers add around a common word ("Password1!", "!qwerty").
const NOISE = /^[\p{N}\p{P}\p{S}\s]$/u;
const INVISIBLE = /^[\p{Cc}\p{Cf}]$/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters as a person counts them: graphemes, not UTF-16 units, control and format characters left out. */
export function visibleLength(password: string): number {
  let n = 0;
  for (const { segment } of segmenter.segment(password.normalize('NFKC'))) if (!INVISIBLE.test(segment)) n++;
  return n;
}

/** How many characters could be cut off: none, one to four, or the whole run of noise (bounded work for any input). */
function cuts(noiseRun: number): number[] {
  return [...new Set([0, 1, 2, 3, 4, noiseRun])].filter((n) => n <= noiseRun);
}

/** Whether the password is a common one, ignoring case, leetspeak, and digits or symbols added before or after it. */
export function isCommonPassword(password: string): boolean {
  const { exact, folded } = commonPasswords();
  const chars = [...password.normalize('NFKC').toLowerCase()];
  let lead = 0;
  while (lead < chars.length && NOISE.test(chars[lead])) lead++;
  let trail = 0;
  while (trail < chars.length - lead && NOISE.test(chars[chars.length - 1 - trail])) trail++;
  for (const head of cuts(lead))
    for (const tail of cuts(trail)) {
      const c = chars.slice(head, chars.length - tail).join('');
      if (c.length >= 3 && (exact.has(c) || folded.has(fold(c)))) return true;
    }
  return false;
}

/** The name part of the email ("li.ming" of li.ming@example.com) when it is long enough to mean something. */
function emailName(email: string | undefined): string | null {
  const local = email?.trim().toLowerCase().split('@')[0] ?? '';
  return local.length >= 3 ? local : null;
}

/** The first problem of a new password, or null when it may be used. `email`: the account's email. */
export function passwordProblem(password: string, email?: string): PasswordIssue | null {
  if (visibleLength(password) < MIN_PASSWORD_CHARS)
    return { code: 'password_too_short', message: `Password must be at least ${MIN_PASSWORD_CHARS} characters (NUL and other invisible characters do not count); choose a longer one` };
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password))
    return { code: 'password_needs_letters_and_digits', message: 'Password must contain letters and digits' };
  const name = emailName(email);
  const lower = password.normalize('NFKC').toLowerCase();
  if (name && (lower.includes(name) || fold(lower).includes(fold(name))))
    return { code: 'password_contains_email', message: 'Password must not contain the name part of the account\'s email address; choose one that has nothing to do with the account' };
  if (isCommonPassword(password))
    return {
      code: 'password_too_common',
      message: 'Password is one of the most common passwords (or one with digits, symbols or look-alike characters such as 0 for o added); attackers try these first, so choose a less predictable one, e.g. a few unrelated words',
    };
  return null;
}

/** Refuses a new password with a coded 400 on `field` (detail code: the problem's code). */
export function assertPasswordAllowed(field: string, password: string, email?: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw invalid(field, problem.message, problem.code);
}
