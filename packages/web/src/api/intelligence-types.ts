import type { RoutingRule } from './intake-types';
import type { Status } from './types';

// Ticket intelligence: the classifiers' state (administration) and one ticket's analysis (ticket page).

/** The tag the server puts on tickets whose predictions were too unsure to apply: a person triages them. */
export const TRIAGE_TAG = '待分拣';

export const INTEL_TARGETS = ['category', 'team', 'priority'] as const;
export type IntelTarget = (typeof INTEL_TARGETS)[number];

export interface IntelSettings {
  /** 0..1: predictions at or above it are applied (when autoApply), below it the ticket waits for triage. */
  threshold: number;
  autoApply: boolean;
  /** Cold-start keyword rules, in order: the first match sets each target that has no trained model yet. */
  rules?: RoutingRule[];
}

export interface IntelModel {
  target: IntelTarget;
  /** cold: too few labelled tickets yet; keyword and channel rules decide instead. */
  state: 'ready' | 'cold';
  trainedAt: string | null;
  examples: number;
  heldOut: number;
  accuracy: number | null;
  macroF1: number | null;
  /** Agent corrections of predictions since the model was trained. */
  corrections: number;
  classes: { value: string; label: string }[];
  /** Rows: the true class, columns: the predicted one, both in the order of `classes`. */
  confusion: number[][];
}

export interface IntelModels {
  settings: IntelSettings;
  models: IntelModel[];
}

export interface Prediction {
  /** A category id, team id or priority. */
  value: string;
  label: string;
  confidence: number;
  /** Set on the ticket automatically. */
  applied: boolean;
  /** rules: set by keyword or priority rules, certain by rule (no model confidence to show). */
  source: 'model' | 'rules';
  /** Why, as data: words renders each word; the other kinds are worded by the console. */
  reasons: Reason[];
}

export type ReasonKind = 'words' | 'keyword' | 'corrected' | 'critical_alarm' | 'major_alarm' | 'minor_alarm' | 'phone_channel' | 'vip_customer' | 'angry_customer' | 'repeat_contact';

export interface Reason {
  kind: ReasonKind;
  /** The text's words behind it (whole words). */
  words: string[];
  /** repeat_contact: earlier contacts on the same problem. */
  count?: number;
}

export interface Extracted {
  kind: string;
  value: string;
  text: string;
  /** The custom field key it filled. */
  field?: string;
}

export interface DuplicateCandidate {
  ticketId: string;
  number: number;
  title: string;
  status: Status;
  score: number;
  reasons: string[];
}

export interface Insights {
  ticketId: string;
  analyzedAt: string;
  needsTriage: boolean;
  predictions: Partial<Record<IntelTarget, Prediction>>;
  sentiment: { label: 'negative' | 'neutral' | 'positive'; score: number; angry: boolean; cues: string[] };
  extracted: Extracted[];
  prefilled: string[];
  duplicates: DuplicateCandidate[];
  /** Solved tickets most like this one (their answers may help); missing in analyses older than it. */
  similarSolved?: DuplicateCandidate[];
}
