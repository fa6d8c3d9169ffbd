import type { PrioritySuggestion } from './priority';

// Why the intelligence chose a label, as data: a kind, the text's words and numbers. The console words
// each kind in the user's language; the server never sends a sentence (nor its own English) as a reason.

export const REASON_KINDS = [
  'words', // the words of the text that decided the model
  'keyword', // a keyword rule of the tenant matched
  'corrected', // an agent corrected a ticket worded like this one
  'critical_alarm',
  'major_alarm',
  'minor_alarm',
  'phone_channel',
  'vip_customer',
  'angry_customer', // words: the mood's cues
  'repeat_contact', // count: earlier contacts on the same problem
] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

export interface Reason {
  kind: ReasonKind;
  words: string[];
  count?: number;
}

/**
 * The priority rules' reasons a person reads: the facts that set or raised the level. The rules' own
 * bookkeeping — the default when nothing decided, the cap of raises — and the text's level (given
 * with the words that decided it) are left out.
 */
export function priorityReasons(s: PrioritySuggestion): Reason[] {
  const out: Reason[] = [];
  for (const r of s.reasons) {
    if (r.code === 'default' || r.code === 'raise_capped' || r.code === 'text_model' || r.code === 'keyword_rule') continue;
    out.push({ kind: r.code, words: r.words ?? [], ...(r.code === 'repeat_contact' && r.count !== undefined ? { count: r.count } : {}) });
  }
  return out;
}
