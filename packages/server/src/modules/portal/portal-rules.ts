import { createHash, randomBytes, randomInt } from 'node:crypto';
import { localDateTime } from '../../platform/text/local-time';
import type { Status } from '../tickets';

// Pure rules of the self-service portal: the customer's words for a ticket status, the expected time
// ("预计2小时内回复"), sign-in secrets (codes, link tokens, session tokens: only hashes are stored) and
// their limits.

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: Locale[] = ['zh-CN', 'en-US'];

/** A login code lives this long; a link as long; a session this long. */
export const LOGIN_CODE_TTL_MS = 10 * 60_000;
export const SESSION_TTL_MS = 7 * 24 * 3600_000;
/** Wrong codes tried against one sent code before it is spent. */
export const MAX_CODE_ATTEMPTS = 5;
/** Sign-in requests per address (email / phone) and per client per window. */
export const SIGN_IN_LIMITS = { windowSeconds: 600, perTarget: 3, perIp: 10, verifyPerIp: 20 };
/** Tickets of the tenant's history the median of expected times is taken over (fewer: no estimate). */
export const MIN_HISTORY = 3;
export const HISTORY_DAYS = 90;

export const COOKIE = 'gd_portal';

/** Files a portal form takes: at most five, each at most 10 MiB (and the attachment limit), 20 MiB together. */
export const PORTAL_FILES = 5;
export const PORTAL_FILE_MAX = 10 * 1048576;
export const PORTAL_FILES_TOTAL = 20 * 1048576;
export const portalFileMax = (attachmentMaxBytes: number) => Math.min(attachmentMaxBytes, PORTAL_FILE_MAX);
const mb = (n: number) => `${Math.round((n / 1048576) * 10) / 10} MB`;

/** What is wrong with the sizes of a form's files (index, or 'all' for the total), or null. */
export function filesSizeProblem(sizes: { filename: string; size: number }[], attachmentMaxBytes: number): { field: string; message: string } | null {
  const max = portalFileMax(attachmentMaxBytes);
  let total = 0;
  for (const [i, f] of sizes.entries()) {
    if (f.size > max) return { field: `attachments.${i}`, message: `"${f.filename}" is larger than ${mb(max)}; send a smaller file` };
    total += f.size;
  }
  if (total > PORTAL_FILES_TOTAL) return { field: 'attachments', message: `The files together are larger than ${mb(PORTAL_FILES_TOTAL)}; send fewer or smaller ones` };
  return null;
}

const WORDS: Record<Status | 'received', Record<Locale, string>> = {
  received: { 'zh-CN': '已收到，正在登记', 'en-US': 'Received, being registered' },
  new: { 'zh-CN': '已受理，等待处理', 'en-US': 'Received, waiting for an agent' },
  open: { 'zh-CN': '处理中', 'en-US': 'Being worked on' },
  pending: { 'zh-CN': '等待您的回复', 'en-US': 'Waiting for your reply' },
  on_hold: { 'zh-CN': '处理中（等待第三方）', 'en-US': 'Being worked on (waiting for a third party)' },
  resolved: { 'zh-CN': '已解决，请确认', 'en-US': 'Solved, please confirm' },
  closed: { 'zh-CN': '已关闭', 'en-US': 'Closed' },
};

/** The status in the customer's words. */
export const statusWords = (status: Status | 'received', locale: Locale): string => WORDS[status]?.[locale] ?? status;

/** A duration as the customer reads it: "2小时" / "2 hours", rounded up to the unit shown. */
export function durationWords(minutes: number, locale: Locale): string {
  const m = Math.max(1, Math.ceil(minutes));
  const zh = locale === 'zh-CN';
  if (m < 60) return zh ? `${m}分钟` : `${m} minute${m === 1 ? '' : 's'}`;
  const h = Math.ceil(m / 60);
  if (h < 48) return zh ? `${h}小时` : `${h} hour${h === 1 ? '' : 's'}`;
  const d = Math.ceil(h / 24);
  return zh ? `${d}天` : `${d} days`;
}

export interface Expectation {
  /** what is awaited: a reply from the team, or the solution */
  kind: 'reply' | 'resolution';
  /** where the figure comes from */
  source: 'sla' | 'history';
  /** minutes from now (0: due now or late) */
  minutes: number;
  text: string;
}

/**
 * The expected time shown with an open request: from the ticket's SLA due time (the first or next
 * response while a reply is awaited, else the resolution) when it has one, else the tenant's median
 * first-reply time of similar tickets in the last 90 days (when taken over enough tickets). Null for
 * a ticket that waits for the customer, is solved or closed, or when nothing is known.
 */
export function expectation(
  input: { status: Status; now: Date; replyDue: Date | null; resolutionDue: Date | null; historyMinutes: number | null; awaitingReply: boolean },
  locale: Locale,
): Expectation | null {
  if (input.status === 'pending' || input.status === 'resolved' || input.status === 'closed') return null;
  const zh = locale === 'zh-CN';
  const due = input.awaitingReply && input.replyDue ? { kind: 'reply' as const, at: input.replyDue } : input.resolutionDue ? { kind: 'resolution' as const, at: input.resolutionDue } : null;
  if (due) {
    const minutes = Math.max(0, (due.at.getTime() - input.now.getTime()) / 60_000);
    const what = due.kind === 'reply' ? (zh ? '回复' : 'a reply') : zh ? '解决' : 'a solution';
    const text = minutes <= 0 ? (zh ? `我们会尽快${due.kind === 'reply' ? '回复' : '处理'}` : `We will get back to you as soon as possible`) : zh ? `预计${durationWords(minutes, locale)}内${what}` : `Expect ${what} within ${durationWords(minutes, locale)}`;
    return { kind: due.kind, source: 'sla', minutes: Math.round(minutes), text };
  }
  if (input.awaitingReply && input.historyMinutes !== null) {
    const m = input.historyMinutes;
    return { kind: 'reply', source: 'history', minutes: Math.round(m), text: zh ? `预计${durationWords(m, locale)}内回复` : `Expect a reply within ${durationWords(m, locale)}` };
  }
  return null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 预约上门 in the customer's words, on the tenant's wall clock: "已预约上门：12月7日 09:00–10:30". */
export function visitWords(start: Date, end: Date, timeZone: string, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const [s, e] = [localDateTime(start, timeZone), localDateTime(end, timeZone)];
  const day = (d: string) => (zh ? `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]}`);
  const time = (d: string) => d.slice(11, 16);
  const range = s.slice(0, 10) === e.slice(0, 10) ? `${day(s)} ${time(s)}–${time(e)}` : `${day(s)} ${time(s)} – ${day(e)} ${time(e)}`;
  return zh ? `已预约上门：${range}` : `Visit booked: ${range}`;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
/** What is stored of a login code, a link token or a session token (bound to the tenant). */
export const secretHash = (tenantId: string, secret: string) => sha(`gongdan-portal:${tenantId}:${secret.trim().toUpperCase()}`);
/** A 6-digit SMS / mail code. */
export const newLoginCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');
/** A long random token (emailed links, sessions). */
export const newToken = () => randomBytes(32).toString('base64url');

/** A portal session's cookie: HttpOnly, SameSite=Lax, scoped to the tenant's portal API path. */
export function sessionCookie(slug: string, token: string, maxAgeSeconds: number, secure: boolean): string {
  return `${COOKIE}=${token}; Path=/api/v1/portal/${encodeURIComponent(slug)}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The value of the portal cookie in a Cookie header. */
export function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE && v.length) return v.join('=');
  }
  return undefined;
}

/** A colour the portal may use: #rrggbb. */
export const isColor = (s: string) => /^#[0-9a-fA-F]{6}$/.test(s);
/** A logo: an https (or root-relative) URL, or an uploaded PNG / JPEG / SVG / WebP as a data: URL. */
export const isLogoUrl = (s: string) => /^(https:\/\/|\/)[^\s]+$/.test(s) || /^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(s);
