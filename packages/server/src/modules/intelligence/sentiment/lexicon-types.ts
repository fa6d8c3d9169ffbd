// Shared shape of the Chinese and English lexicons. A lexicon is a list of groups so that each
// group's weights are written once and the comment above it says why the words are there.

/**
 * - positive / praise: good words; praise words (太好了, great) are also read as sarcasm when a
 *   repeated failure follows them ("好极了，又坏了").
 * - negative: dissatisfaction, anger, distress, escalation threats; `anger` says how much.
 * - fault: a neutral description of a defect (坏了, crashed). Weak and capped, so a technical
 *   report stays neutral, but it gives repeat cues something to amplify.
 * - urgency: the customer needs it fast (急, asap). Mildly negative, adds to anger.
 * - waiting: the customer is still waiting (还没, still waiting). Mildly negative.
 * - repeat: again / still / 第三次. Counts only when something negative is present.
 * - negator: flips the next sentiment word (不, not). imperative: 别 / don't — flips good words but
 *   leaves bad ones bad ("别敷衍我" is still a complaint).
 * - intensifier: multiplies the next sentiment word (`weight` is the factor).
 * - contrast: 但是 / but — what follows weighs more than what precedes.
 * - blocker: a longer word that contains a lexicon word but means something else (急救, 垃圾桶,
 *   曝光度, 不好意思); matched first because the longest match wins, then ignored.
 */
export type TermKind =
  | 'positive'
  | 'praise'
  | 'negative'
  | 'fault'
  | 'urgency'
  | 'waiting'
  | 'repeat'
  | 'negator'
  | 'imperative'
  | 'intensifier'
  | 'contrast'
  | 'blocker';

export interface TermGroup {
  kind: TermKind;
  /** Polarity weight (or the multiplier of an intensifier). */
  weight?: number;
  /** Anger / distress points; a negative text with 1 or more is an angry customer. */
  anger?: number;
  terms: readonly string[];
}

export interface Term {
  text: string;
  kind: TermKind;
  weight: number;
  anger: number;
}
