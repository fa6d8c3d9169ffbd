// What the generated rows are made of: sizes, time-ordered ids, ticket texts, tag sets, status and priority draws.
import { randomBytes } from 'node:crypto';
import { normalizeTags } from '../src/modules/tickets/ticket-rules';
import { plainText, sanitizeRichText } from '../src/platform/text/sanitize';
import { DETAILS, DEVICES, PLACES, PROBLEMS, TAGS, pick, type Rng } from './lib/texts';

export const DAY = 86_400_000;
export const CONTACTS = 50_000;
export const ORGS = 400;
export const HEAVY_EVENTS = 500;
export const HEAVY_MARK = '时间线压测';
export const CHANNELS = ['web', 'email', 'phone', 'wechat', 'api', 'portal', 'wecom', 'dingtalk'];

/** UUID v7 for a given time (the product's uuidv7 is monotonic per process, so past times need this). */
function uuidAt(ms: number, rnd: Buffer, off: number): string {
  const b = Buffer.allocUnsafe(16);
  rnd.copy(b, 0, off, off + 16);
  b[0] = Math.floor(ms / 2 ** 40) & 0xff;
  b[1] = Math.floor(ms / 2 ** 32) & 0xff;
  b[2] = (ms >>> 24) & 0xff;
  b[3] = (ms >>> 16) & 0xff;
  b[4] = (ms >>> 8) & 0xff;
  b[5] = ms & 0xff;
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export class Ids {
  private buf = randomBytes(16 * 4096);
  private off = 0;
  at(ms: number): string {
    if (this.off + 16 > this.buf.length) {
      this.buf = randomBytes(16 * 4096);
      this.off = 0;
    }
    const id = uuidAt(Math.floor(ms), this.buf, this.off);
    this.off += 16;
    return id;
  }
}

export interface Template {
  title: string;
  description: string;
  plain: string;
}

/** A few hundred (title, description) pairs, sanitised once like the product does. */
export function templates(rng: Rng, n: number): Template[] {
  const out: Template[] = [];
  for (let i = 0; i < n; i++) {
    const title = `${pick(rng, PLACES)}的${pick(rng, DEVICES)}${pick(rng, PROBLEMS)}`;
    const raw = `${pick(rng, DETAILS)}${rng() < 0.5 ? pick(rng, DETAILS) : ''}`;
    const description = sanitizeRichText(raw);
    out.push({ title, description, plain: plainText(description) });
  }
  return out;
}

/** Tag sets: most tickets have none or one; a handful of combinations. */
export function tagSets(rng: Rng): string[][] {
  const sets: string[][] = [[]];
  for (const t of TAGS) sets.push([t]);
  for (let i = 0; i < 30; i++) sets.push(normalizeTags([pick(rng, TAGS), pick(rng, TAGS), ...(i % 3 === 0 ? [pick(rng, TAGS)] : [])]));
  return sets;
}

export function pickTagSet(rng: Rng, sets: string[][]): number {
  const r = rng();
  if (r < 0.4) return 0;
  if (r < 0.8) return 1 + Math.floor(rng() * TAGS.length);
  return 1 + TAGS.length + Math.floor(rng() * (sets.length - 1 - TAGS.length));
}

export function statusFor(rng: Rng, ageDays: number): string {
  const r = rng();
  if (ageDays > 60) return r < 0.8 ? 'closed' : r < 0.95 ? 'resolved' : r < 0.97 ? 'open' : r < 0.99 ? 'pending' : 'on_hold';
  return r < 0.2 ? 'new' : r < 0.55 ? 'open' : r < 0.75 ? 'pending' : r < 0.8 ? 'on_hold' : r < 0.95 ? 'resolved' : 'closed';
}

export function priorityFor(rng: Rng): string {
  const r = rng();
  return r < 0.2 ? 'low' : r < 0.75 ? 'normal' : r < 0.95 ? 'high' : 'urgent';
}
