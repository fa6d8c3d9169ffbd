import type { Exclusion } from '../engine/types';

// The API's English words for a hard rule a person fails (409 DISPATCH_RULE_VIOLATION): no data dumps in
// a message. The console words the same rules itself, in the reader's language, from the rule codes.

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const KIND_WORDS: Record<string, string> = { ticket: 'tickets', chat: 'chats', field: 'on-site visits' };

/** ISO weekdays as runs: [1..6] → "Mon–Sat", [1,3,5] → "Mon, Wed, Fri", all → "every day". */
export function weekdaysWords(days: readonly number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return 'every day';
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const [a, b] = [DAY_NAMES[sorted[i] - 1], DAY_NAMES[sorted[j] - 1]];
    runs.push(j === i ? a : j === i + 1 ? `${a}, ${b}` : `${a}–${b}`);
    i = j + 1;
  }
  return runs.join(', ') || 'no day';
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** One failed rule in words, e.g. "not on shift (08:00–18:00, Mon–Sat)", "over capacity (5/5 on-site visits)". */
export function exclusionWords(e: Exclusion): string {
  const d = e.detail;
  switch (e.rule) {
    case 'status':
      return d.status === 'away' ? 'set to away (离开)' : 'set to off shift (下班)';
    case 'shift': {
      const hours = d.start === d.end ? 'all day' : `${str(d.start)}–${str(d.end)}`;
      const days = weekdaysWords(Array.isArray(d.days) ? (d.days as number[]) : []);
      return `not on shift (${hours}, ${days}${d.holiday ? `; off for the holiday ${str(d.holiday)}` : ''})`;
    }
    case 'team':
      return d.dispatched === false ? `not dispatched work (role ${str(d.role)})` : "not in the ticket's team";
    case 'skill':
      return `lacks the skill ${str(d.skill)}`;
    case 'level':
      return `${str(d.skill)} at level ${str(d.has)}, needs ${str(d.required)}`;
    case 'certification':
      return d.expires ? `certification ${str(d.certification)} expired on ${str(d.expires)} (needed valid on ${str(d.on)})` : `no certification ${str(d.certification)}`;
    case 'region':
      return d.region ? `outside their service area (${str(d.region)})` : 'the site is outside their service area';
    case 'language':
      return `does not speak ${str(d.language)}`;
    case 'product_line':
      return `not on the product line ${str(d.productLine)}`;
    case 'capacity': {
      const kind = KIND_WORDS[str(d.kind)] ?? str(d.kind);
      if (d.dailyLimit !== undefined) return `reached today's limit (${str(d.today)}/${str(d.dailyLimit)} ${kind} today)`;
      return Number(d.capacity) === 0 ? `takes no ${kind} (capacity 0)` : `over capacity (${str(d.load)}/${str(d.capacity)} ${kind})`;
    }
    case 'excluded':
      if (d.by === 'declined') return `declined it${d.reason ? ` (${str(d.reason)})` : ''}`;
      if (d.by === 'expired') return 'let the offer of it expire';
      return 'excluded by the customer';
  }
}
