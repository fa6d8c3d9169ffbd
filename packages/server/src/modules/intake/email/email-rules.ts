import { createHash } from 'node:crypto';
import { toStorableText } from '../../../platform/text/storable-text';

// Pure rules of the email channel: what a mail's headers say about it (an auto-reply, a bounce, one
// of our own mails coming back), which ticket it continues, and how it is keyed.

/** Our header on every mail we send: a mail carrying it came from a Gongdan and is never answered. */
export const LOOP_HEADER = 'X-Gongdan-Loop';
export const TICKET_HEADER = 'X-Gongdan-Ticket';

/** A Message-ID without angle brackets and spaces; case is kept (ids are case-sensitive, and clients thread on the exact id). */
export function normalizeMessageId(id: string | undefined | null): string | null {
  const m = (id ?? '').trim().replace(/^<+|>+$/g, '').trim();
  return m && !/\s/.test(m) ? m : null;
}

/** All Message-IDs in a header such as References ("<a@x> <b@y>"), in order. */
export function messageIdsOf(header: string | string[] | undefined | null): string[] {
  const text = Array.isArray(header) ? header.join(' ') : (header ?? '');
  const ids = [...text.matchAll(/<([^<>\s]+)>/g)].map((m) => normalizeMessageId(m[1])!);
  if (!ids.length) return text.split(/\s+/).map(normalizeMessageId).filter((x): x is string => !!x && x.includes('@'));
  return ids;
}

export const threadKey = (messageId: string) => `email:${messageId}`;

/** Keys of the messages this mail answers, most specific first: In-Reply-To, then References newest first. */
export function threadKeysOf(inReplyTo: string | string[] | undefined, references: string | string[] | undefined): string[] {
  const ids = [...messageIdsOf(inReplyTo), ...messageIdsOf(references).reverse()];
  return [...new Set(ids)].map(threadKey);
}

/** The ticket number a subject quotes: "[#1234]", "工单 #1234" / "工单号：1234", or a bare "#1234". */
export function ticketNumberOf(subject: string | undefined): number | undefined {
  const s = subject ?? '';
  const m = /\[#(\d{1,12})\]/.exec(s) ?? /工单(?:号)?\s*[:：]?\s*#?\s*(\d{1,12})/.exec(s) ?? /(?:^|[\s(（【\[])#(\d{1,12})\b/.exec(s);
  const n = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

const REPLY_PREFIX = /^\s*(?:(?:re|fw|fwd|aw|wg|sv|回复|答复|回覆|转发|轉寄)\s*(?:\[\d+\])?\s*[:：]\s*|\[#\d+\]\s*)+/i;

/** A subject as the title of a new ticket: without "Re:", "回复：", "转发:" prefixes and our "[#n]" tag. */
export function cleanSubject(subject: string | undefined): string {
  return (subject ?? '').replace(REPLY_PREFIX, '').replace(/\s+/g, ' ').trim();
}

/** The raw header section of a mail, unfolded: name (lower-case) → values. Tolerates LF-only mail. */
export function rawHeaders(raw: Buffer, limit = 256 * 1024): Map<string, string[]> {
  return headerSection(raw.subarray(0, limit).toString('latin1'));
}

function headerSection(head: string): Map<string, string[]> {
  const end = head.search(/\r?\n\r?\n/);
  const section = (end < 0 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const out = new Map<string, string[]>();
  for (const line of section.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0 || /\s/.test(line.slice(0, i))) continue;
    const name = line.slice(0, i).toLowerCase();
    out.set(name, [...(out.get(name) ?? []), line.slice(i + 1).trim()]);
  }
  return out;
}

/** RFC 2047 encoded words (=?GB2312?B?…?=, =?UTF-8?Q?…?=) decoded; an unknown charset is left as written. */
export function decodeWords(s: string): string {
  return s.replace(/=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=(?:\s+(?==\?))?/g, (whole, charset: string, enc: string, text: string) => {
    const bytes = enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    try {
      return new TextDecoder(charset.split('*')[0].toLowerCase()).decode(bytes);
    } catch {
      return whole;
    }
  });
}

/**
 * Who a mail is from and what it is about, read from its header section alone (no MIME parsing), for
 * lists such as a ticket's channel log: "王芳 <wangfang@example.cn>", "三楼打印机卡纸". 8-bit headers
 * are read as UTF-8 when they are, else as Latin-1.
 */
export function mailHeadline(raw: Buffer): { from: string; subject: string } {
  const head = raw.subarray(0, 256 * 1024);
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(head);
  const headers = headerSection(utf8.includes('\uFFFD') ? head.toString('latin1') : utf8);
  const one = (name: string) => toStorableText(decodeWords(headers.get(name)?.[0] ?? '')).replace(/\s+/g, ' ').trim().slice(0, 300);
  return { from: one('from'), subject: one('subject') };
}

/** The id a delivery is de-duplicated by: the Message-ID (made storable), or for mail without one a hash of its bytes. */
export function externalIdOf(raw: Buffer): string {
  const id = normalizeMessageId(messageIdsOf(rawHeaders(raw).get('message-id')?.[0])[0] ?? null);
  return id ? toStorableText(id) : `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}

/**
 * What the SMTP listener and the IMAP poller store with a mail besides its bytes: its id and its lane
 * (the sender, so one sender's mails are processed in order), made storable — a stray NUL in a header
 * must not make storing fail (the mail would be retried, or bounced, for ever).
 */
export function mailEnvelope(raw: Buffer, envelopeFrom = ''): { externalId: string; lane: string } {
  const sender = bareAddress(rawHeaders(raw).get('from')?.[0]) || bareAddress(envelopeFrom);
  return { externalId: externalIdOf(raw), lane: toStorableText(`email:${sender}`) };
}

/** The address in "Name <a@b>" or "a@b", lower-cased; empty for "<>" (a bounce's null return path). */
export function bareAddress(s: string | undefined | null): string {
  const t = (s ?? '').trim();
  const m = /<([^<>]*)>\s*$/.exec(t);
  return (m ? m[1] : t).trim().toLowerCase();
}

export const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

export interface MailFacts {
  /** header name (lower-case) → values */
  headers: Map<string, string[]>;
  from: string;
  subject: string;
  /** the SMTP envelope sender (MAIL FROM); '' for the null return path "<>"; undefined when unknown (IMAP) */
  mailFrom?: string;
  /** the mail's content type, e.g. multipart/report; report-type=delivery-status */
  contentType: string;
  /** addresses of the tenant's own mailboxes (and MAIL_FROM): mail from them is our own coming back */
  ownAddresses: string[];
}

const AUTO_MARK = '(?:自动回复|自动答复|自動回覆|自动应答|休假自动回复|外出自动回复|out of (?:the )?office(?: reply)?|auto(?:matic)?[- ]?(?:reply|response|antwort)|autoreply|auto)';
// only as a prefix ("自动回复：…", "【自动回复】…") or the whole subject: "自动回复功能坏了" is a customer's question
const AUTO_SUBJECT = new RegExp(`^\\s*(?:${AUTO_MARK}\\s*[:：]|[【\\[]\\s*${AUTO_MARK}\\s*[】\\]]|${AUTO_MARK}\\s*$)`, 'i');
const BOUNCE_SUBJECT = /(?:退信|系统退信|投递失败|邮件无法送达|undeliver(?:ed|able)|delivery (?:status notification|has failed|failure)|mail delivery (?:failed|subsystem)|returned mail|failure notice|non[- ]?delivery)/i;
const BOUNCE_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;

const first = (f: MailFacts, name: string) => f.headers.get(name)?.[0]?.trim().toLowerCase();

/**
 * Why a mail must not become a ticket or a comment (and is never answered), or null: a bounce, an
 * auto-reply (RFC 3834 Auto-Submitted, X-Autoreply, Precedence, "自动回复" / "Out of Office"), bulk or
 * list mail, or a mail loop (our own header, or sent from one of the tenant's own addresses).
 */
export function ignoreReason(f: MailFacts): 'loop' | 'bounce' | 'auto_reply' | 'bulk' | 'read_receipt' | null {
  const from = bareAddress(f.from);
  if (f.headers.has(LOOP_HEADER.toLowerCase())) return 'loop';
  if (from && f.ownAddresses.some((a) => a.toLowerCase() === from)) return 'loop';
  const ct = f.contentType.toLowerCase();
  if (ct.startsWith('multipart/report') && /report-type\s*=\s*"?delivery-status/.test(ct)) return 'bounce';
  if (ct.startsWith('multipart/report') && /report-type\s*=\s*"?disposition-notification/.test(ct)) return 'read_receipt';
  if (f.mailFrom !== undefined && bareAddress(f.mailFrom) === '') return 'bounce';
  if (BOUNCE_SENDER.test(from) || (f.mailFrom && BOUNCE_SENDER.test(bareAddress(f.mailFrom)))) return 'bounce';
  if (BOUNCE_SUBJECT.test(f.subject) && (!from || /daemon|postmaster|system|admin|no-?reply|bounce/i.test(from))) return 'bounce';
  const auto = first(f, 'auto-submitted');
  if (auto && auto !== 'no') return 'auto_reply';
  if (f.headers.has('x-autoreply') || f.headers.has('x-autorespond') || f.headers.has('x-autoresponder')) return 'auto_reply';
  const precedence = first(f, 'precedence');
  if (precedence === 'auto_reply') return 'auto_reply';
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list') return 'bulk';
  if (AUTO_SUBJECT.test(cleanSubject(f.subject)) || AUTO_SUBJECT.test(f.subject)) return 'auto_reply';
  // a customer may well write about bounced mail ("我的邮件总是退信"): a bounce subject alone only counts from a system sender
  return null;
}

const TYPE_BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain', log: 'text/plain', csv: 'text/csv', pdf: 'application/pdf', zip: 'application/zip',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', heic: 'image/heic', bmp: 'image/bmp',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  mp4: 'video/mp4', mp3: 'audio/mpeg', wav: 'audio/wav', amr: 'audio/amr', m4a: 'audio/mp4',
};

/** Mail clients (Foxmail, Outlook) often declare any file application/octet-stream: the extension then names the type. */
export function attachmentType(filename: string, declared: string | undefined): string {
  const t = (declared ?? '').split(';')[0].trim().toLowerCase();
  if (t && t !== 'application/octet-stream' && t !== 'application/x-download') return t;
  const ext = filename.slice(filename.lastIndexOf('.') + 1).toLowerCase();
  return (filename.includes('.') && TYPE_BY_EXTENSION[ext]) || 'application/octet-stream';
}
