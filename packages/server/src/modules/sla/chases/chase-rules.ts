import { queryTokens } from '../../../platform/text/segment';

// 催单: a customer asking again on an open ticket. Decided from the message's words (jieba-segmented,
// so 急 counts as a word and not inside 急救箱), a few phrases, and the channel: a phone call about an
// open ticket, or a message repeated while an earlier one has waited unanswered for half an hour, is a chase by itself.

const CHASE_WORDS = new Set(['催', '催促', '催单', '催办', '尽快', '赶紧', '赶快', '着急', '急', '急需', '加急', '紧急', '到底', '多久', '何时', '啥时候', '什么时候', '快点']);
const CHASE_PHRASES = [/怎么还没/, /还没(有)?(人)?(处理|解决|修好|修|回复|回音|联系|来)/, /还要等/, /等了(很久|好久|半天|一天|两天|几天|[0-9一二三四五六七八九十]+)/, /催一下/, /有进展吗|进展如何|有结果吗/];
const CHASE_ENGLISH = /\b(again|still waiting|any update|any news|follow(ing)?[ -]up|asap|urgent|how long)\b/i;
const CALM = /不(用|必)?(着)?急|不催/;
const DONE = new Set(['resolved', 'closed']);
/** a second message sooner than this adds details rather than asking again */
export const REPEAT_AFTER_MINUTES = 30;

export interface ChaseInput {
  /** the message's plain text */
  text: string;
  channel: string;
  /** the ticket's status before the message */
  statusBefore: string;
  /** minutes the customer has been waiting for an answer to an earlier message (or to the ticket they opened); null: answered */
  waitingMinutes: number | null;
}

export interface ChaseVerdict {
  chase: boolean;
  /** why: 'words' (the matched words), 'phone', 'repeat' */
  reasons: string[];
  excerpt: string;
}

/** The words of a message that ask again ('急' alone does not count when the customer says 不急). */
export function chaseWords(text: string): string[] {
  const found = new Set<string>();
  const calm = CALM.test(text);
  for (const t of queryTokens(text)) if (CHASE_WORDS.has(t) && !(calm && t === '急')) found.add(t);
  for (const p of CHASE_PHRASES) {
    const m = text.match(p);
    if (m) found.add(m[0]);
  }
  const en = text.match(CHASE_ENGLISH);
  if (en) found.add(en[0].toLowerCase());
  return [...found];
}

export function detectChase(m: ChaseInput): ChaseVerdict {
  const excerpt = m.text.replace(/\s+/g, ' ').trim().slice(0, 140);
  if (DONE.has(m.statusBefore)) return { chase: false, reasons: [], excerpt };
  const reasons = chaseWords(m.text);
  if (m.channel === 'phone') reasons.push('phone');
  if (m.waitingMinutes !== null && m.waitingMinutes >= REPEAT_AFTER_MINUTES) reasons.push('repeat');
  return { chase: reasons.length > 0, reasons, excerpt };
}
