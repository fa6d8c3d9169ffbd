import { plainText } from '../../platform/text/sanitize';
import { indexTokens } from '../../platform/text/segment';
import { matchingKeyword, type RoutingRule } from '../intake';
import type { TextClassifier } from './classify/model';
import { extractFields, type Extracted } from './extract';
import type { FeedbackMemory } from './feedback-memory';
import type { SettingsRow, Target } from './intelligence-repository';
import { suggestPriority } from './priority';
import { detectSentiment } from './sentiment';
import { confidenceOf, DEFAULT_TEMPERATURE } from './training/calibrate';
import { reasonWords } from './classify/reason-words';
import { priorityReasons, type Reason } from './reasons';
import { featureCounts, normalize, vectorize, words, type FeatureCounts, type FeatureOptions, type SparseVector, type Vocabulary } from './classify/features';

// The understanding of a new ticket's text, computed in memory (no database): a label per target with
// its confidence and the words that decided it, the customer's mood, and the fields found in the text.

export interface TenantIntelligence {
  settings: SettingsRow;
  models: Partial<Record<Target, TextClassifier>>;
  /** each model's softmax temperature, fitted on held-back tickets (default DEFAULT_TEMPERATURE) */
  temperatures?: Partial<Record<Target, number>>;
  /** names of the categories and teams a prediction may name (active ones) */
  names: { category: Map<string, string>; team: Map<string, string> };
  memory: FeedbackMemory;
}

export interface Prediction {
  value: string;
  label: string;
  confidence: number;
  applied: boolean;
  /** rules: the tenant's keyword rules or the priority rules set it (certain by rule, no model confidence) */
  source: 'model' | 'rules';
  reasons: Reason[];
}

export type Sentiment = ReturnType<typeof detectSentiment>;

export interface TextAnalysis {
  predictions: Partial<Record<Target, Prediction>>;
  sentiment: Sentiment;
  extracted: Extracted[];
  /** a model is sure of too little: a human sorts the ticket */
  triage: boolean;
}

export interface TextInput {
  title: string;
  text: string;
  channel: string;
  /** what the request set itself: not predicted */
  given: Partial<Record<Target, string>>;
}

export const PRIORITY_LABELS: Record<string, string> = { low: '低', normal: '普通', high: '高', urgent: '紧急' };

/** The text a ticket is understood by: its title, then its description as plain text. */
export const ticketText = (title: string, description: string) => `${title}\n${plainText(description)}`;
/** Features the model is asked for: enough that a few whole words remain once dates, numbers and fragments are left out. */
const EXPLAINED_FEATURES = 24;

function labelOf(ti: TenantIntelligence, target: Target, value: string): string | undefined {
  if (target === 'priority') return PRIORITY_LABELS[value] ? value : undefined;
  return ti.names[target].has(value) ? value : undefined;
}

function displayName(ti: TenantIntelligence, target: Target, value: string): string {
  return target === 'priority' ? PRIORITY_LABELS[value] : ti.names[target].get(value)!;
}

function predictTarget(
  ti: TenantIntelligence,
  target: Target,
  text: string,
  rules: RoutingRule[],
  tokens: () => Set<string>,
  vectorOf: (model: TextClassifier) => SparseVector,
  textWords: () => string[],
): (Omit<Prediction, 'applied'> & { unknown?: boolean }) | null {
  const remembered = ti.memory.nearest(target, text);
  if (remembered && labelOf(ti, target, remembered.value))
    return { value: remembered.value, label: displayName(ti, target, remembered.value), confidence: remembered.similarity, source: 'model', reasons: [{ kind: 'corrected', words: [] }] };
  const model = ti.models[target];
  if (model) {
    const p = model.rankVector(vectorOf(model), EXPLAINED_FEATURES);
    if (!labelOf(ti, target, p.label)) return null;
    const confidence = confidenceOf(p.scores, p.scores[p.top], ti.temperatures?.[target] ?? DEFAULT_TEMPERATURE);
    const shown = reasonWords(p.explanation, textWords());
    // unknown: the text is unlike every class the model knows ("none of these"), whatever its confidence
    return { value: p.label, label: displayName(ti, target, p.label), confidence, source: 'model', reasons: shown.length ? [{ kind: 'words', words: shown }] : [], unknown: model.isUnknown(p.scores) };
  }
  // cold start: the tenant's keyword rules, in order
  const key = target === 'category' ? 'categoryId' : target === 'team' ? 'teamId' : 'priority';
  for (const rule of rules) {
    const value = rule[key];
    if (!value || !labelOf(ti, target, value)) continue;
    const keyword = matchingKeyword(tokens(), rule.keywords);
    if (keyword) return { value, label: displayName(ti, target, value), confidence: 1, source: 'rules', reasons: [{ kind: 'keyword', words: [keyword] }] };
  }
  return null;
}

/** Labels, mood and fields of a new ticket's text under the tenant's models, rules and threshold. */
export function analyzeText(ti: TenantIntelligence, input: TextInput, now: Date, opts: { timeZone?: string; extract?: boolean } = {}): TextAnalysis {
  const full = `${input.title}\n${input.text}`;
  let tokens: Set<string> | undefined;
  const lazyTokens = () => (tokens ??= new Set(indexTokens(full)));
  // the text's features are taken once for all models that use the same feature options
  const taken = new Map<string, FeatureCounts>();
  let segmented: string[] | undefined;
  const textWords = () => (segmented ??= words(normalize(full)));
  const counts = (o: FeatureOptions) => {
    const key = JSON.stringify(o);
    let c = taken.get(key);
    if (!c) taken.set(key, (c = featureCounts(full, o)));
    return c;
  };
  // and vectorised once for all models sharing a vocabulary (a tenant's models trained together do)
  const vectors = new Map<Vocabulary, SparseVector>();
  const vectorOf = (model: TextClassifier) => {
    let x = vectors.get(model.vocab);
    if (!x) vectors.set(model.vocab, (x = vectorize(counts(model.features), model.vocab, model.features)));
    return model.withDensePart(x, counts(model.features));
  };
  const rules = ti.settings.rules as RoutingRule[];
  const { threshold, auto_apply } = ti.settings;
  const predictions: Partial<Record<Target, Prediction>> = {};
  let triage = false;
  for (const target of ['category', 'team'] as const) {
    if (input.given[target]) continue;
    const found = predictTarget(ti, target, full, rules, lazyTokens, vectorOf, textWords);
    if (!found) continue;
    const { unknown, ...p } = found;
    const sure = p.confidence >= threshold && !unknown;
    if (!sure && p.source === 'model') triage = true;
    predictions[target] = { ...p, applied: auto_apply && sure };
  }
  const sentiment = detectSentiment(full);
  if (!input.given.priority) {
    const p = predictTarget(ti, 'priority', full, rules, lazyTokens, vectorOf, textWords);
    const suggested = suggestPriority({
      textPrediction: p?.source === 'model' ? { value: p.value as never, confidence: p.confidence } : undefined,
      keywordPriority: p?.source === 'rules' ? (p.value as never) : undefined,
      channel: input.channel,
      sentiment,
    });
    // the level the text named stands with the model's confidence and its words; a level the rules set
    // (a floor, a raise) is theirs, certain by rule, with their reasons. Nothing decided (the default
    // when an unsure model and no rule spoke) is no prediction: the words of an unsure model's other
    // level are no reason for it, nor is its confidence
    const textSpoke = suggested.reasons.some((r) => r.code === 'text_model' || r.code === 'keyword_rule');
    const textDecided = !!p && textSpoke && suggested.value === p.value;
    const reasons = [...(p && textSpoke ? p.reasons : []), ...priorityReasons(suggested)];
    // without the text, only a level the rules moved off the default is a decision (a caller's "at least normal" is not)
    if (textSpoke || (reasons.length && suggested.value !== 'normal'))
      predictions.priority = {
        value: suggested.value,
        label: PRIORITY_LABELS[suggested.value],
        confidence: textDecided ? p!.confidence : 1,
        source: textDecided ? p!.source : 'rules',
        reasons,
        applied: auto_apply && (!textDecided || p!.confidence >= threshold),
      };
  }
  // extraction is the costliest rule set; the ticket's creation asks for it only when a field could take a value
  return { predictions, sentiment, extracted: opts.extract === false ? [] : extractFields(full, { now, timeZone: opts.timeZone }), triage };
}
