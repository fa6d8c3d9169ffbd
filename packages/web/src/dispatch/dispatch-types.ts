import type { Priority } from '../api/types';

// Dispatch (智能派单) as the console reads it: the shapes of /wt/DISPATCH-CONTRACT.md, written here until
// the server's routes are in the OpenAPI document (then: aliases of schema.d.ts, like api/types.ts).

export type PersonStatus = 'available' | 'busy' | 'away' | 'off_shift';
export const PERSON_STATUSES: PersonStatus[] = ['available', 'busy', 'away', 'off_shift'];
export type WorkKind = 'ticket' | 'chat' | 'field';
export type AssignmentState = 'offered' | 'accepted' | 'started' | 'declined' | 'expired' | 'handed_back' | 'released';
/** how a person was chosen: a team's mode, a person's pick from the recommendations, or a supervisor's override */
export type DispatchMode = 'round_robin' | 'least_loaded' | 'skills' | 'scored' | 'batch' | 'nearest' | 'manual' | 'override' | (string & {});
export type TermName = 'travel' | 'load' | 'speed' | 'firstFix' | 'skillFit' | 'tier' | 'preferred' | 'fairness';
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

export interface DecisionCandidate {
  userId: string;
  name: string;
  score: number;
  travelKm: number | null;
  travelMinutes?: number | null;
  terms: Term[];
}

export interface ExcludedPerson {
  userId: string;
  name: string;
  reasons: Exclusion[];
}

export interface DecisionView {
  chosen: string | null;
  candidates: DecisionCandidate[];
  excluded: ExcludedPerson[];
}

export interface Assignment {
  id: string;
  userId: string;
  userName: string;
  kind: WorkKind;
  state: AssignmentState;
  mode: DispatchMode;
  decidedBy: string | null;
  overrideReason: string | null;
  offeredAt: string;
  respondBy: string | null;
  acceptedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  decision: DecisionView;
}

/** What the ticket needs, as the server matched it (fields beyond these are tolerated). */
export interface NeedView {
  kind?: WorkKind;
  skill?: string | null;
  level?: number | null;
  certification?: string | null;
  region?: string | null;
  location?: LatLngPoint | [number, number] | null;
  [extra: string]: unknown;
}

export interface TicketDispatch {
  current: Assignment | null;
  history: Assignment[];
  need: NeedView;
  queued: { since: string; reason: string | null } | null;
}

export type Load = Record<WorkKind, number>;

export interface LiveCandidate extends DecisionCandidate {
  load: Load;
  capacity: Load;
  status: PersonStatus;
  position: LatLngPoint | null;
}

export interface Candidates {
  need: NeedView;
  candidates: LiveCandidate[];
  excluded: ExcludedPerson[];
}

export interface Position extends LatLngPoint {
  accuracyM: number | null;
  reportedAt: string;
  stale: boolean;
}

export interface BoardEngineer {
  id: string;
  name: string;
  status: PersonStatus;
  onShift: boolean;
  position: Position | null;
  home: LatLngPoint | null;
  load: Load;
  capacity: Load;
  currentJob: { ticketId: string; number: number; title: string } | null;
  outletId: string | null;
  skills: Record<string, number>;
}

export interface BoardTicket {
  id: string;
  number: number;
  title: string;
  priority: Priority;
  status: string;
  site: { lat: number; lng: number; address: string | null } | null;
  skill: string | null;
  level: number | null;
  dueAt: string | null;
  createdAt: string;
  assigneeId: string | null;
  assignmentState: AssignmentState | null;
  queued: boolean;
}

export interface Board {
  engineers: BoardEngineer[];
  tickets: BoardTicket[];
  outlets: { id: string; name: string; lat: number; lng: number }[];
  map: { tileUrl: string | null; attribution: string | null };
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

export interface DispatchBody {
  userId: string;
  reason?: string;
  override?: boolean;
}
