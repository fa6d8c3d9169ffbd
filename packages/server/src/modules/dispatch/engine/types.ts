// The dispatch engine's language: plain data in, plain data out, no database and no clock of its own.
// The server (modules/dispatch) and the simulator (`npx gongdan simulate dispatch`) both decide through
// the functions of engine/index.ts on these types, so what the simulator measures is what the server does.

/** [latitude, longitude] in degrees (WGS-84). */
export type LatLng = [number, number];

/** Kinds of work with their own capacity: email / form / API tickets, live chats, on-site visits. */
export type WorkKind = 'ticket' | 'chat' | 'field';
export const WORK_KINDS: readonly WorkKind[] = ['ticket', 'chat', 'field'];

export type PersonStatus = 'available' | 'busy' | 'away' | 'off_shift';

/** A weekly shift in the tenant's time zone; `end` before `start` is a night shift ending the next day. */
export interface Shift {
  /** ISO weekdays the shift starts on: 1 = Monday … 7 = Sunday */
  days: number[];
  /** "HH:MM" */
  start: string;
  end: string;
  /** on the tenant's working calendar (工作日历): no shift starts on a public holiday (法定节假日), and one
   * starts on a make-up working day (调休上班) whatever its weekday; absent or false: the weekdays alone */
  followsCalendar?: boolean;
}

/** The dated days of the tenant's working calendar, local dates "YYYY-MM-DD" → the day's name. */
export interface WorkCalendar {
  holidays: ReadonlyMap<string, string>;
  workdays: ReadonlyMap<string, string>;
}

export type Area = { kind: 'radius'; center: LatLng; km: number } | { kind: 'polygon'; points: LatLng[] };

export interface Certification {
  name: string;
  /** last valid day, "YYYY-MM-DD"; null: never expires */
  expires: string | null;
}

/** What a person has done on one category, learnt from the tenant's closed tickets. */
export interface CategoryRecord {
  solved: number;
  medianResolutionMin: number;
  /** share of their tickets of this category solved without a reopen or a second visit, 0..1 */
  firstFixRate: number;
}

/** A person who can be dispatched, with their live state at the moment of the decision. */
export interface Person {
  id: string;
  name: string;
  teamIds: string[];
  /** skill → level 1..5 */
  skills: Record<string, number>;
  certifications: Certification[];
  /** 服务区域 names; a need's region matches one of them or lies under it ("上海市" covers "上海市/浦东新区") */
  regions: string[];
  area: Area | null;
  languages: string[];
  productLines: string[];
  /** null: always on shift */
  shift: Shift | null;
  /** capacity per kind (profile, else the tenant default) */
  capacity: Record<WorkKind, number>;
  /** live work in hand per kind (offered, accepted or started) */
  load: Record<WorkKind, number>;
  /** 每日上限: most work of a kind given in one day (the tenant's local day); a kind absent: no daily limit */
  dailyLimit?: Partial<Record<WorkKind, number>>;
  /** work of each kind given today and still theirs or done (not declined, let expire, handed back or moved) */
  takenToday?: Partial<Record<WorkKind, number>>;
  /** minutes of work assigned today (fairness over the day) */
  workMinutesToday: number;
  status: PersonStatus;
  home: LatLng | null;
  /** last reported position; the engine treats it as stale after ctx.positionStaleMs */
  position: { at: LatLng; reportedAt: Date; accuracyM: number | null } | null;
  outletId: string | null;
  /** categoryId → record */
  history: Record<string, CategoryRecord>;
  /** expected minutes until the person is free to start new work (the remaining work of the jobs in
   * hand: travel and time on site; with `stops`, of the work before them); absent = 0. The deadline
   * term adds it before the travel. */
  busyMinutes?: number;
  /** where the person will be when that work is done (the last job's site); absent = their current
   * position (personPosition). Travel and the deadline's arrival are measured from here. */
  freeAt?: LatLng | null;
  /** jobs in hand not yet started, in the order they will be done (after busyMinutes): a new job may be
   * put between them (engine/insertion.ts, 插单); absent = a new job goes after all the work in hand */
  stops?: Stop[];
}

/** A job in hand not yet started: where, how long on site, and its deadline to arrive. */
export interface Stop {
  ticketId: string;
  at: LatLng | null;
  durationMinutes: number;
  dueAt: Date | null;
  /** a visit booked with the customer (预约上门): not started before its window opens */
  notBefore?: Date | null;
}

/** What a ticket needs, after the tenant's hard rules matched it. Unset fields do not constrain. */
export interface Need {
  ticketId: string;
  kind: WorkKind;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  createdAt: Date;
  /** SLA deadline to respond / arrive, when known */
  dueAt: Date | null;
  location: LatLng | null;
  region: string | null;
  /** teams whose members may take it (empty: anyone) */
  teamIds: string[];
  skill: string | null;
  /** minimum level of `skill` */
  level: number | null;
  /** must be valid on `visitDate` (or on the decision's day) */
  certification: string | null;
  language: string | null;
  productLine: string | null;
  categoryId: string | null;
  /** "YYYY-MM-DD" of the visit, in the tenant's time zone */
  visitDate: string | null;
  /** expected work time, for fairness and the simulator */
  durationMinutes: number;
  /** a visit booked with the customer (预约上门): the engineer arrives no earlier than its window's start */
  notBefore?: Date | null;
  customerTier: string | null;
  preferredUserIds: string[];
  excludedUserIds: string[];
  /** of the excluded, those who declined the ticket or let its offer expire (else the customer excluded them) */
  refusedBy?: Record<string, Refusal>;
}

/** Why a person is no longer offered a ticket they were offered: 拒单 (with their reason) or 超时未接单. */
export interface Refusal {
  state: 'declined' | 'expired';
  reason: string | null;
}

/** Per-tenant weights of the score terms; 0 switches a term off. */
export interface Weights {
  travel: number;
  load: number;
  speed: number;
  firstFix: number;
  skillFit: number;
  tier: number;
  preferred: number;
  fairness: number;
  /** reaching the site before need.dueAt (busyMinutes + travel against the deadline); absent: DEFAULT_WEIGHTS.deadline */
  deadline?: number;
}

export interface DecisionContext {
  now: Date;
  /** IANA zone of the tenant's calendar, for shifts and certification days */
  timeZone: string;
  speedKmh: number;
  positionStaleMs: number;
  /** a pluggable road-time provider; default: straight-line distance at speedKmh */
  travelMinutes?: (from: LatLng, to: LatLng) => number;
  /** the tenant's working calendar, for shifts that follow it (Shift.followsCalendar); absent: none */
  calendar?: WorkCalendar | null;
}

export type RuleName = 'status' | 'shift' | 'team' | 'skill' | 'level' | 'certification' | 'region' | 'language' | 'product_line' | 'capacity' | 'excluded';

/** Why a person cannot take the work: the hard rule and its detail in data (the UI words it). */
export interface Exclusion {
  rule: RuleName;
  /** e.g. {skill: '电梯维修', required: 3, has: 2} */
  detail: Record<string, unknown>;
}

/** One term of a score: the raw value (km, tickets in hand, minutes…), its 0..1 goodness and weighted share. */
export interface Term {
  name: keyof Weights;
  value: number | string | null;
  goodness: number;
  weighted: number;
}

export interface Candidate {
  personId: string;
  score: number;
  terms: Term[];
  /** the trip to the site (from the job before it, or from where the person is or will be free) */
  travelKm: number | null;
  travelMinutes: number | null;
  /** 插单: the new job goes before the person's n-th job not yet started (1-based); null: after all of them */
  insertBefore: number | null;
}

export interface Ranking {
  /** eligible people, best first */
  candidates: Candidate[];
  /** people a hard rule excludes, with every rule they fail */
  excluded: { personId: string; reasons: Exclusion[] }[];
}

/** A service outlet (服务网点): a dispatch target with its own people (Person.outletId). */
export interface Outlet {
  id: string;
  name: string;
  at: LatLng;
  /** false: closed, never a target; absent = active */
  active?: boolean;
}

/** Strategies a team can run and the simulator compares; 'skills' is the best skill fit among the eligible. */
export type Strategy = 'round_robin' | 'nearest' | 'least_loaded' | 'skills' | 'scored';
