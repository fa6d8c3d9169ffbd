import type { Body, Item, Schema } from '../api/contract';

// Dispatch (智能派单) as the console reads it: the words' unions, and the API's shapes from schema.d.ts.

export type PersonStatus = 'available' | 'busy' | 'away' | 'off_shift';
export const PERSON_STATUSES: PersonStatus[] = ['available', 'busy', 'away', 'off_shift'];
export type WorkKind = 'ticket' | 'chat' | 'field';
export type AssignmentState = 'offered' | 'accepted' | 'started' | 'declined' | 'expired' | 'handed_back' | 'released';
/** how a person was chosen: a team's mode, a person's pick from the recommendations, or a supervisor's override */
export type DispatchMode = 'round_robin' | 'least_loaded' | 'skills' | 'scored' | 'batch' | 'nearest' | 'manual' | 'override' | 'improve' | (string & {});
export type TermName = 'travel' | 'load' | 'speed' | 'firstFix' | 'skillFit' | 'tier' | 'preferred' | 'fairness' | 'deadline';
export type RuleName = 'status' | 'shift' | 'team' | 'skill' | 'level' | 'certification' | 'region' | 'language' | 'product_line' | 'capacity' | 'excluded';

export interface LatLngPoint {
  lat: number;
  lng: number;
}

export interface Term {
  name: TermName | (string & {});
  value: number | string | null;
  goodness: number;
  weighted: number;
}

export interface Exclusion {
  rule: RuleName | (string & {});
  detail: Record<string, unknown>;
}

// The API's shapes: aliases of the generated contract (schema.d.ts), narrowed where the console relies on a union.
export type DecisionView = Schema<'DispatchDecision'>;
export type DecisionCandidate = Item<DecisionView['candidates']> & { travelMinutes?: number | null };
export type ExcludedPerson = Item<DecisionView['excluded']>;
export type Assignment = Item<Schema<'TicketDispatch'>['history']>;
export type NeedView = Partial<Schema<'DispatchNeed'>>;
export type TicketDispatch = Schema<'TicketDispatch'>;
export type Candidates = Schema<'DispatchCandidates'>;
export type LiveCandidate = Item<Candidates['candidates']>;
export type Load = LiveCandidate['load'];
export type Board = Schema<'DispatchBoard'>;
export type BoardEngineer = Item<Board['engineers']>;
export type BoardTicket = Item<Board['tickets']>;
export type Position = NonNullable<BoardEngineer['position']>;
export type DayRoute = Schema<'DayRoute'>;
export type DispatchBody = Body<'/api/v1/tickets/{id}/dispatch', 'post'>;

// 日内优化: the moves proposed (GET /dispatch/improvements) and applying some (POST …/apply, 1–50 moves).
export type Improvements = Schema<'DispatchImprovements'>;
export type ImprovementMove = Item<Improvements['moves']>;
export type ApplyImprovementsBody = Body<'/api/v1/dispatch/improvements/apply', 'post'>;
export type AppliedImprovements = Schema<'DispatchImprovementsApplied'>;
export type ImprovementSkipCode = Item<AppliedImprovements['skipped']>['code'];

/** The live message of a reported position (profiles: POST /me/location). */
export interface PositionMessage {
  type: 'dispatch.position';
  userId: string;
  lat: number;
  lng: number;
  accuracyM: number | null;
  reportedAt: string;
}
