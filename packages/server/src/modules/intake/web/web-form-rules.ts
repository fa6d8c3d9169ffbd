import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Rules of the public web form and the chat widget's keys: public keys, the signed timestamp token
// that proves a form was loaded a while before it was sent, query codes for tracking, spam limits and
// fixed rate-limit windows. Pure functions (time and randomness passed in or drawn here only).

/** A public key of a web form (wf_…) or a chat widget (ch_…): lower-case, as channel addresses are stored. */
export function newPublicKey(prefix: 'wf' | 'ch'): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

export const isPublicKey = (s: string, prefix: 'wf' | 'ch') => new RegExp(`^${prefix}_[a-z0-9]{8,64}$`).test(s);

/** A secret used to sign form tokens and derive query codes (kept in the channel's secrets). */
export const newFormSecret = () => randomBytes(32).toString('base64url');

const mac = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest();

/** "<issued at, base 36>.<signature>": handed out with the form, sent back with the submission. */
export function signFormToken(secret: string, channelId: string, issuedAt: Date): string {
  const t = issuedAt.getTime().toString(36);
  return `${t}.${mac(secret, `form:${channelId}:${t}`).subarray(0, 16).toString('base64url')}`;
}

export type TokenProblem = 'token_missing' | 'token_invalid' | 'too_fast' | 'token_expired';

/** Why a form token is refused, or null: it must be ours, at least `minFillMs` old and at most `maxAgeMs`. */
export function formTokenProblem(secret: string, channelId: string, token: string | undefined, now: Date, minFillMs: number, maxAgeMs: number): TokenProblem | null {
  if (!token) return 'token_missing';
  const [t, sig] = token.split('.');
  if (!t || !sig || !/^[0-9a-z]{1,12}$/.test(t)) return 'token_invalid';
  // compared as text: decoding would accept other spellings of the same bytes (unused low bits of the last character)
  const expected = Buffer.from(mac(secret, `form:${channelId}:${t}`).subarray(0, 16).toString('base64url'));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'token_invalid';
  const age = now.getTime() - parseInt(t, 36);
  if (age < minFillMs) return 'too_fast';
  if (age > maxAgeMs) return 'token_expired';
  return null;
}

// Crockford base 32 without I, L, O, U: easy to read out on the phone
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The query code of a submission, e.g. "7KQ2-M9XD": derived from the channel secret and the
 * submission's id, so a repeated submission (same id) gets the same code back.
 */
export function queryCodeFor(secret: string, submission: string): string {
  const b = mac(secret, `code:${submission}`);
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[b[i] & 31];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** The code as typed (lower case, spaces, dashes, O for 0…) in canonical form. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** What is stored with a submission to check its code later (never the code itself). */
export const codeHash = (code: string) => createHash('sha256').update(`gongdan-query-code:${normalizeCode(code)}`).digest('hex');

const LINK = /\b(?:https?:\/\/|www\.)\S+/gi;
export const countLinks = (text: string) => (text.match(LINK) ?? []).length;

/** The start of the fixed window containing `now`, and the seconds until the next one. */
export function rateWindow(now: Date, windowMs: number): { start: Date; retryAfterSeconds: number } {
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return { start: new Date(start), retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)) };
}

/** The settings of a web form channel with their defaults (channel.settings). */
export interface WebFormSettings {
  /** seconds a person needs at least between loading the form and sending it */
  minFillSeconds: number;
  /** false: no form token needed (a customer's server posting through the REST API) */
  requireToken: boolean;
  maxLinks: number;
  /** submissions per client address and per window */
  perIpLimit: number;
  /** submissions of the whole form per window */
  perKeyLimit: number;
  windowSeconds: number;
  /** tracking look-ups per client address and per window */
  trackLimit: number;
  /** categories a submitter may pick: [{ id, name }] */
  categories: { id: string; name: string }[];
  /** origins allowed to call the public endpoints from a browser; empty: any */
  allowedOrigins: string[];
  title: string;
}

export function webFormSettings(s: Record<string, any>): WebFormSettings {
  const num = (v: unknown, d: number, min = 0) => (typeof v === 'number' && Number.isFinite(v) && v >= min ? v : d);
  return {
    minFillSeconds: num(s.minFillSeconds, 3),
    requireToken: s.requireToken !== false,
    maxLinks: num(s.maxLinks, 3),
    perIpLimit: num(s.perIpLimit, 10, 1),
    perKeyLimit: num(s.perKeyLimit, 500, 1),
    windowSeconds: num(s.windowSeconds, 600, 1),
    trackLimit: num(s.trackLimit, 30, 1),
    categories: Array.isArray(s.categories) ? s.categories.filter((c: any) => typeof c?.id === 'string' && typeof c?.name === 'string') : [],
    allowedOrigins: Array.isArray(s.allowedOrigins) ? s.allowedOrigins.filter((o: unknown) => typeof o === 'string') : [],
    title: typeof s.title === 'string' ? s.title : '提交工单',
  };
}

/** Whether a browser page of this origin may call the public endpoints (no Origin header: not a browser, allowed). */
export function originAllowed(allowed: string[], origin: string | undefined): boolean {
  return !origin || !allowed.length || allowed.includes(origin);
}
