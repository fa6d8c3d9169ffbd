import { LEXICON, lowerText, scanTerms } from './lexicon';
import type { TermKind } from './lexicon-types';
import { scanPatterns } from './patterns';

// Lexicon-and-rules sentiment of one customer message: no model, so it works on a tenant's first
// ticket and explains itself through `cues`. Weights live in the lexicons; the constants below are
// the rules that combine them. See README.md.

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentResult {
  label: SentimentLabel;
  /** -1 (very negative) … 1 (very positive). */
  score: number;
  /** An angry or distressed customer: flag it. */
  angry: boolean;
  /** 0 … 1: how strongly the feeling is expressed, whatever its direction. */
  intensity: number;
  /** The words and signals that decided the label, in text order ('投诉', '!!!', 'unacceptable'). */
  cues: string[];
}

/** A negator reaches this many units (a Han character or a Latin word) ahead: 不是很满意, not very happy. */
const NEGATION_WINDOW = 3;
/** An intensifier reaches this far: 非常 满意, so disappointed. */
const BOOST_WINDOW = 2;
const MAX_BOOST = 2.5;
/** A negated good word counts as this share of a bad one (不满意 is milder than 差劲). */
const NEGATED_POSITIVE = 0.8;
/** Before 但是 / but a clause counts half; after it a little more. */
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.2;
/** Defect words describe, they do not complain: all of them together stay below the neutral band. */
const FAULT_CAP = 0.45;
const REPEAT_CAP = 1.6;
const REPEAT_ANGER = 0.6;
/** Once the text clearly complains, thanks and praise count this much: politeness does not hide a complaint. */
const COMPLAINT_LEVEL = 0.8;
const POLITE_DISCOUNT = 0.4;
/** score = tanh(raw / SCORE_SCALE); |score| below NEUTRAL_BAND is neutral (a single 0.5 word stays neutral). */
const SCORE_SCALE = 2;
const NEUTRAL_BAND = 0.25;
const ANGRY_AT = 1;
const INTENSITY_SCALE = 2.5;

const BREAK = /[,.!?;:。、！？；：\n…]/;
const UNIT = /\p{Script=Han}|[a-z0-9']+/gu;
const PUNCT_RUN = /[!?]{2,}/g;
const HAS_CONTENT = /[\p{L}\p{N}]/u;
const CAPS_WORD = /(?<![A-Za-z])[A-Z][A-Z']+(?![A-Za-z])/g;
const HAS_LOWER = /[a-z]{2,}/;
/** Words written in capitals by convention (names, ASAP), not shouting. */
const ACRONYMS = new Set(
  'API APP ASAP ATM BUG CEO CPU CRM DNS ERP ETA FAQ FYI GPS GPU HDMI HR HTTP HTTPS IOS IOT IP IT LAN LED MAC NAS OA OK PC PDF POS QQ QR RAM SIM SKU SLA SMS SN SOS SQL SSD SSL TV UI UPS URL USB USD VIP SVIP VPN WAN WIFI WLAN WPS'.split(' '),
);

interface Effect {
  start: number;
  kind: TermKind | 'signal';
  pos: number;
  neg: number;
  anger: number;
  cue: string;
  negated?: boolean;
}

const NEUTRAL: SentimentResult = Object.freeze({ label: 'neutral', score: 0, angry: false, intensity: 0, cues: [] }) as SentimentResult;

/** True when `from`…`to` holds no clause break and at most `units` Han characters or Latin words. */
function near(norm: string, from: number, to: number, units: number): boolean {
  const gap = norm.slice(from, to);
  if (gap.length === 0) return true;
  if (BREAK.test(gap)) return false;
  let n = 0;
  for (const _ of gap.matchAll(UNIT)) if (++n > units) return false;
  return true;
}

/** "don't" / "do not" opening a clause is an order ("Don't ignore me"), not a statement. */
function opensClause(norm: string, start: number): boolean {
  const before = norm.slice(Math.max(0, start - 8), start).trimEnd();
  return before === '' || /[,.!?;:。，！？；：]$/.test(before) || /(?:^|[\s,.!?])please$/.test(before);
}

/** Lexicon and pattern hits → one effect per sentiment-bearing word, negation and intensifiers applied. */
function wordEffects(norm: string): { effects: Effect[]; contrastAt: number } {
  const patterns = scanPatterns(norm);
  const terms = scanTerms(norm).filter((t) => !patterns.some((p) => p.start < t.end && t.start < (t.term.kind === 'waiting' ? (p.cueEnd ?? p.end) : p.end)));
  type Hit = { start: number; end: number; kind: TermKind; weight: number; anger: number; cue: string; fixed: boolean };
  const hits: Hit[] = [
    ...terms.map((t) => ({ start: t.start, end: t.end, kind: t.term.kind, weight: t.term.weight, anger: t.term.anger, cue: t.term.text, fixed: false })),
    ...patterns.map(({ start, end, kind, weight, anger, cue }) => ({ start, end, kind, weight, anger, cue, fixed: true })),
  ].sort((a, b) => a.start - b.start);

  const effects: Effect[] = [];
  let negator: { start: number; end: number; imperative: boolean } | null = null;
  let boost: { end: number; factor: number } | null = null;
  let contrastAt = -1;
  for (const h of hits) {
    switch (h.kind) {
      case 'negator':
      case 'imperative': {
        const order = h.kind === 'imperative' || ((h.cue === "don't" || h.cue === 'dont' || h.cue === 'do not') && opensClause(norm, h.start));
        negator = { start: h.start, end: h.end, imperative: order };
        continue;
      }
      case 'intensifier': {
        const chained: number = boost && near(norm, boost.end, h.start, 1) ? boost.factor : 1;
        boost = { end: h.end, factor: Math.min(MAX_BOOST, chained * h.weight) };
        continue;
      }
      case 'contrast':
        contrastAt = h.start;
        negator = boost = null;
        continue;
      case 'blocker':
        negator = boost = null;
        continue;
    }
    const negated = !h.fixed && negator !== null && near(norm, negator.end, h.start, NEGATION_WINDOW);
    const amplified = h.kind !== 'repeat' && h.kind !== 'fault' && boost !== null && near(norm, boost.end, h.start, BOOST_WINDOW);
    const f = amplified ? boost!.factor : 1;
    const e: Effect = { start: h.start, kind: h.kind, pos: 0, neg: 0, anger: 0, cue: h.cue };
    if (h.kind === 'positive' || h.kind === 'praise') {
      // 不满意 / not happy: a negated good word is a (milder) bad one, whatever the negator; at least
      // a whole word's worth, since a faint good word (专业) negated (一点都不专业) is a plain complaint.
      if (negated) Object.assign(e, { neg: Math.max(h.weight, 1) * f * NEGATED_POSITIVE, cue: norm.slice(negator!.start, h.end), negated: true });
      else e.pos = h.weight * f;
    } else if (h.kind === 'repeat') {
      e.neg = h.weight; // kept only if the text is negative (see detectSentiment)
    } else if (negated && !negator!.imperative) {
      // 不急 / not urgent / 不是投诉: cancelled. 别敷衍我 / don't ignore me stays a complaint.
      Object.assign(e, { cue: norm.slice(negator!.start, h.end), negated: true });
    } else {
      e.neg = h.weight * f;
      e.anger = h.anger * f;
    }
    effects.push(e);
    negator = boost = null;
  }
  return { effects, contrastAt };
}

/** Repeated !/? and shouted words: emphasis that adds to the anger of a text that is not positive. */
function emphasisSignals(norm: string, shaped: string): Effect[] {
  const out: Effect[] = [];
  const runs = [...norm.matchAll(PUNCT_RUN)];
  if (!HAS_CONTENT.test(norm)) {
    // A message of nothing but "！！！？？？" is pure anger.
    const marks = norm.replace(/[^!?]/g, '');
    if (marks.length >= 3) out.push({ start: 0, kind: 'signal', pos: 0, neg: 1.5, anger: 1.2, cue: marks.slice(0, 6) });
    return out;
  }
  for (const r of runs.slice(0, 2)) {
    const strong = r[0].length >= 3 || (r[0].includes('!') && r[0].includes('?'));
    const w = strong ? 0.7 : 0.4;
    out.push({ start: r.index, kind: 'signal', pos: 0, neg: w, anger: w, cue: r[0].length > 6 ? r[0].slice(0, 6) : r[0] });
  }
  const shouted: { word: string; index: number; lexical: boolean }[] = [];
  for (const m of shaped.matchAll(CAPS_WORD)) {
    const word = m[0];
    if (ACRONYMS.has(word)) continue;
    const lexical = LEXICON.terms.has(word.toLowerCase());
    if (lexical || word.length >= 3) shouted.push({ word, index: m.index, lexical });
  }
  // Shouting needs contrast with normal text, a shouted sentiment word or !!: an all-caps device
  // message ("DEVICE OFFLINE") is not a customer yelling.
  const emphatic = HAS_LOWER.test(shaped) || shouted.some((s) => s.lexical) || runs.length > 0;
  if (emphatic && (shouted.length >= 2 || shouted.some((s) => s.lexical && s.word.length >= 3))) {
    const cue = shouted.slice(0, 3).map((s) => s.word).join(' ');
    out.push({ start: shouted[0]!.index, kind: 'signal', pos: 0, neg: 0.6, anger: 0.6, cue });
  }
  return out;
}

/** Sentiment of a customer message (Chinese, English or both). Pure and fast: lexicons are compiled at load. */
export function detectSentiment(text: string): SentimentResult {
  const shaped = text.normalize('NFKC');
  const norm = lowerText(shaped);
  if (!norm) return { ...NEUTRAL, cues: [] };
  const { effects, contrastAt } = wordEffects(norm);

  // But-clauses: "谢谢，但是…" — what follows the last 但是 / but decides.
  if (contrastAt >= 0 && effects.some((e) => e.start > contrastAt)) {
    for (const e of effects) {
      const k = e.start < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
      e.pos *= k;
      e.neg *= k;
    }
  }
  const faults = effects.filter((e) => e.kind === 'fault');
  const faultSum = faults.reduce((s, e) => s + e.neg, 0);
  if (faultSum > FAULT_CAP) for (const e of faults) e.neg *= FAULT_CAP / faultSum;

  // Again / 又 / 第三次 only make something bad worse; alone ("再次确认一下") they mean nothing.
  const repeats = effects.filter((e) => e.kind === 'repeat');
  const bad = effects.some((e) => e.kind !== 'repeat' && e.neg > 0);
  let repeatLeft = REPEAT_CAP;
  for (const e of repeats) {
    e.neg = bad ? Math.min(e.neg, repeatLeft) : 0;
    repeatLeft -= e.neg;
    e.anger = e.neg * REPEAT_ANGER;
  }
  // 好极了，又坏了 / great, it crashed again: praise followed by a repeated failure is sarcasm.
  for (const p of effects) {
    if (p.kind !== 'praise' || p.pos === 0) continue;
    const later = effects.filter((e) => e.start > p.start);
    if (later.some((e) => e.kind === 'repeat' && e.neg > 0) && later.some((e) => e.kind !== 'repeat' && e.neg > 0)) {
      Object.assign(p, { neg: p.pos * NEGATED_POSITIVE, anger: 0.3, pos: 0 });
    }
  }

  let pos = effects.reduce((s, e) => s + e.pos, 0);
  let neg = effects.reduce((s, e) => s + e.neg, 0);
  let anger = effects.reduce((s, e) => s + e.anger, 0);
  let emphasis = 0;
  for (const s of emphasisSignals(norm, shaped)) {
    if (pos > neg) {
      // "太棒了！！！": emphasis of a happy message makes it more intense, not negative.
      emphasis += s.neg * 0.5;
      s.pos = s.neg;
      s.neg = s.anger = 0;
    } else {
      neg += s.neg;
      anger += s.anger;
    }
    effects.push(s);
  }
  if (neg >= COMPLAINT_LEVEL) pos *= POLITE_DISCOUNT;

  const raw = pos - neg;
  const score = round(Math.tanh(raw / SCORE_SCALE));
  const label: SentimentLabel = score <= -NEUTRAL_BAND ? 'negative' : score >= NEUTRAL_BAND ? 'positive' : 'neutral';
  const intensity = round(1 - Math.exp(-(Math.max(pos, neg) + 0.5 * anger + emphasis) / INTENSITY_SCALE));
  const decided = effects
    .filter((e) => (label === 'negative' ? e.neg > 0 : label === 'positive' ? e.pos > 0 : e.pos > 0 || e.neg > 0 || e.negated))
    .sort((a, b) => a.start - b.start)
    .map((e) => e.cue);
  return { label, score, angry: label === 'negative' && anger >= ANGRY_AT, intensity, cues: [...new Set(decided)] };
}

/** Two decimals, and never -0. */
function round(x: number): number {
  return Math.round(x * 100) / 100 || 0;
}

/**
 * How many priority levels the customer's mood adds: 2 for an angry customer at high intensity
 * (threats of 12315 / lawyers, furious and shouting), 1 for any other angry or distressed customer,
 * 0 otherwise — mere dissatisfaction does not jump the queue.
 */
export function sentimentPriorityBoost(result: Pick<SentimentResult, 'angry' | 'intensity'>): 0 | 1 | 2 {
  if (!result.angry) return 0;
  return result.intensity >= 0.75 ? 2 : 1;
}
