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

// 日内优化 (GET /dispatch/improvements, POST /dispatch/improvements/apply). Written here until the server's
// OpenAPI document has them; then these become aliases of schema.d.ts like the shapes above.

/** One proposed move of a job not started from one engineer to another (fewer km, never later). */
export interface ImprovementMove {
  ticketId: string;
  ticketNumber: number;
  title: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  /** where it goes among the receiver's jobs not started (1-based); null: after them all */
  insertBefore: number | null;
  travelSavedMinutes: number;
  kmSaved: number;
  /** minutes past their deadlines of the two engineers' plans, before and after the move */
  lateBefore: number;
  lateAfter: number;
  reason: string;
}

export interface Improvements {
  computedAt: string;
  moves: ImprovementMove[];
}

export type ImprovementSkipCode = 'MOVED' | 'STARTED' | 'NOT_ALLOWED' | 'PINNED';

/** POST /dispatch/improvements/apply: 1–50 moves, each with the engineer it was proposed from and to. */
export interface ApplyImprovementsBody {
  moves: { ticketId: string; from: string; to: string }[];
}

export interface AppliedImprovements {
  applied: { ticketId: string; to: string }[];
  skipped: { ticketId: string; code: ImprovementSkipCode | (string & {}); message: string }[];
}

/** The live message of a reported position (profiles: POST /me/location). */
export interface PositionMessage {
  type: 'dispatch.position';
  userId: string;
  lat: number;
  lng: number;
  accuracyM: number | null;
  reportedAt: string;
}
