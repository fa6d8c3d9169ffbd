import type { CustomerTier } from '../../customers';
import { PRIORITY_OF_SEVERITY, type Severity } from '../../intake';
import type { Priority } from '../../tickets';
import { sentimentPriorityBoost, type SentimentResult } from '../sentiment';

// Suggested priority of a new ticket from what is not in the words alone: who the customer is, how
// the ticket came in, the device's alarm, the customer's mood and how often they have asked.
// Pure; the rules are listed in README.md and in order below. It only ever raises what the text
// signals say, so an explicit high or urgent from the text is never lowered.

export interface PriorityInput {
  /** The text classifier's guess; missing on a cold-start tenant without a model. */
  textPrediction?: { value: Priority; confidence: number };
  /** Priority set by the tenant's keyword rules. */
  keywordPriority?: Priority;
  customerTier?: CustomerTier;
  /** Intake channel: 'iot', 'phone', 'email', 'wechat', … */
  channel?: string;
  alarmSeverity?: Severity;
  sentiment?: Pick<SentimentResult, 'angry' | 'intensity' | 'cues'>;
  /** Open or recent tickets of the same requester about the same problem, this one not counted. */
  repeatContacts?: number;
}

export type PriorityReasonCode =
  | 'keyword_rule'
  | 'text_model'
  | 'default'
  | 'critical_alarm'
  | 'major_alarm'
  | 'minor_alarm'
  | 'phone_channel'
  | 'vip_customer'
  | 'angry_customer'
  | 'repeat_contact'
  | 'raise_capped';

/** Why, as data the console words in its language: never a sentence of the server's. */
export interface PriorityReason {
  code: PriorityReasonCode;
  /** the level a rule or the model named, or the floor a fact sets */
  value?: Priority;
  /** the text model's confidence (0–1) */
  confidence?: number;
  /** the customer's words behind it (the mood's cues) */
  words?: string[];
  /** levels raised, earlier contacts on the same problem */
  count?: number;
  tier?: CustomerTier;
}

export interface PrioritySuggestion {
  value: Priority;
  reasons: PriorityReason[];
}

const ORDER: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
/** Below this the classifier is guessing: a cold or confused model must not set the priority. */
export const MIN_TEXT_CONFIDENCE = 0.5;
/** Tier, mood and repeat contacts together raise at most this many levels: a low question from an angry SVIP on the third call is high, not urgent. */
export const MAX_SOFT_RAISE = 2;
/** From this many earlier contacts on the same problem (the third contact) the ticket goes up a level. */
export const REPEAT_CONTACTS_RAISE_AT = 2;
/** Each severity's reason; its level is the IoT intake's (`PRIORITY_OF_SEVERITY`), where an alarm without a severity is major too. */
const ALARM_REASON: Record<Severity, PriorityReasonCode> = { critical: 'critical_alarm', major: 'major_alarm', minor: 'minor_alarm' };

const rank = (p: Priority) => ORDER.indexOf(p);

/** Suggests a priority and says why, each reason with a stable code. */
export function suggestPriority(input: PriorityInput): PrioritySuggestion {
  const reasons: PriorityReason[] = [];

  // 1. The words: the keyword rule and a confident text model; the higher wins, normal without either.
  const text = input.textPrediction;
  const confident = text !== undefined && Number.isFinite(text.confidence) && text.confidence >= MIN_TEXT_CONFIDENCE;
  const base = Math.max(input.keywordPriority ? rank(input.keywordPriority) : -1, confident ? rank(text.value) : -1);
  let level = base;
  if (base < 0) {
    level = 1;
    reasons.push(text && Number.isFinite(text.confidence) ? { code: 'default', confidence: text.confidence } : { code: 'default' });
  } else {
    if (input.keywordPriority && rank(input.keywordPriority) === base) reasons.push({ code: 'keyword_rule', value: input.keywordPriority });
    if (confident && rank(text.value) === base) reasons.push({ code: 'text_model', value: text.value, confidence: text.confidence });
  }

  // 2. Floors: facts about the situation that set a minimum level.
  const floor = (at: number, reason: PriorityReason) => {
    level = Math.max(level, at);
    reasons.push(reason);
  };
  const severity = input.alarmSeverity ?? (input.channel === 'iot' ? 'major' : undefined);
  if (severity) {
    const value = PRIORITY_OF_SEVERITY[severity];
    floor(rank(value), { code: ALARM_REASON[severity], value });
  }
  // A VIP's ticket is never parked as low; nor is a caller's, who is on the line waiting.
  if (input.customerTier === 'vip') floor(1, { code: 'vip_customer', tier: 'vip', value: 'normal' });
  if (input.channel === 'phone') floor(1, { code: 'phone_channel', value: 'normal' });

  // 3. Raises: soft signals about the customer, each a level or two, together at most MAX_SOFT_RAISE.
  let raise = 0;
  if (input.customerTier === 'svip' || input.customerTier === 'key_account') {
    raise += 1;
    reasons.push({ code: 'vip_customer', tier: input.customerTier, count: 1 });
  }
  const mood = input.sentiment ? sentimentPriorityBoost(input.sentiment) : 0;
  if (mood > 0) {
    raise += mood;
    reasons.push({ code: 'angry_customer', count: mood, words: input.sentiment!.cues.slice(0, 3) });
  }
  const repeats = input.repeatContacts ?? 0;
  if (Number.isFinite(repeats) && repeats >= REPEAT_CONTACTS_RAISE_AT) {
    raise += 1;
    reasons.push({ code: 'repeat_contact', count: repeats });
  }
  if (raise > MAX_SOFT_RAISE) {
    reasons.push({ code: 'raise_capped', count: MAX_SOFT_RAISE });
    raise = MAX_SOFT_RAISE;
  }
  level = Math.min(ORDER.length - 1, level + raise);
  return { value: ORDER[level]!, reasons };
}
