import { allOf, type Body, type Item, type Schema } from './contract';
import type { RoutingRule } from './intake-types';

// Ticket intelligence: the classifiers' state (administration) and one ticket's analysis (ticket page).

/** The tag the server puts on tickets whose predictions were too unsure to apply: a person triages them. */
export const TRIAGE_TAG = '待分拣';

export type IntelSettingsChanges = Body<'/api/v1/intelligence/settings', 'patch'>;
/** The settings; the rules are those they were given (the server keeps what PATCH accepted). */
export type IntelSettings = Omit<Schema<'IntelligenceSettings'>, 'rules'> & { rules: RoutingRule[] };
export type IntelModels = Omit<Schema<'IntelligenceModels'>, 'settings'> & { settings: IntelSettings };
export type IntelModel = Item<IntelModels['models']>;
export type IntelTarget = IntelModel['target'];
export const INTEL_TARGETS = allOf<IntelTarget>()(['category', 'team', 'priority']);

export type Insights = Schema<'TicketInsights'>;
export type Prediction = NonNullable<Insights['predictions'][IntelTarget]>;
export type Reason = Item<Prediction['reasons']>;
export type ReasonKind = Reason['kind'];
export type Extracted = Item<Insights['extracted']>;
export type DuplicateCandidate = Item<Insights['duplicates']>;
