import type { TFunction } from 'i18next';
import { formatDateTime, formatNumber, formatPercent } from '../i18n/format';
import { nextShiftStart } from './shift-back';
import { systemReasonText } from './system-reasons';
import type { Assignment, DecisionCandidate, Exclusion, Load, NeedView, Term, WorkKind } from './dispatch-types';

// Dispatch decisions in words: each score term ("距离 3.2 公里·约 6 分钟"), each failed hard rule ("证书过期：…"),
// and why a person got the ticket ("系统按综合评分派给 张伟：…"). The server stores data; the console words it.

const MODES = ['round_robin', 'least_loaded', 'skills', 'scored', 'batch', 'nearest', 'improve', 'manual', 'override'];
const AUTO_MODES = MODES.filter((m) => m !== 'manual' && m !== 'override');

export const modeName = (mode: string, t: TFunction) => t(`dispatchMap.mode.${MODES.includes(mode) ? mode : 'other'}`);


const km = (v: number) => formatNumber(Math.round(v * 10) / 10);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** What the words of a term may draw on besides the term: the candidate's travel, load and capacity, the need. */
export interface TermContext {
  travelKm?: number | null;
  travelMinutes?: number | null;
  load?: Partial<Load> | null;
  capacity?: Partial<Load> | null;
  kind?: WorkKind;
  skill?: string | null;
  /** 插单: the job goes before the person's n-th job not yet started */
  insertBefore?: number | null;
  /** false: the ticket has no site to go to (travel unknown for that, not for the person's position) */
  site?: boolean;
}

/** Work done on site (上门): the only kind a trip, a position and an arrival mean anything for. */
const onSite = (kind: WorkKind | undefined) => kind === undefined || kind === 'field';

/** The trip to the site in words: distance and minutes, either, or unknown. */
function travelText(dist: number | null, minutes: number | null, site: boolean, t: TFunction): string {
  if (dist != null && minutes != null) return t('dispatchMap.term.travel', { km: km(dist), minutes: Math.max(1, Math.round(minutes)) });
  if (dist != null) return t('dispatchMap.term.travelKm', { km: km(dist) });
  if (minutes != null) return t('dispatchMap.term.travelMinutes', { minutes: Math.max(1, Math.round(minutes)) });
  // unknown: because the ticket has nowhere to go, or because the person's position is not known
  return t(site ? 'dispatchMap.term.travelNone' : 'dispatchMap.term.travelNoSite');
}

/** One score term in words, e.g. 负荷 2/5, 同类平均 45 分钟解决, 一次修复率 92%, 技能 电梯维修 4 级. */
/** Minutes as people say a span: "45 分钟", "2 小时 5 分钟", "28 小时" (2780 分钟 reads as nothing). */
export function spanText(minutes: number, t: TFunction): string {
  const total = Math.round(minutes);
  if (total < 60) return t('dispatchMap.span.minutes', { m: total });
  const h = Math.floor(total / 60);
  const m = total % 60;
  // two days and more read in days (and hours)
  if (h >= 48) return h % 24 === 0 ? t('dispatchMap.span.days', { d: h / 24 }) : t('dispatchMap.span.daysHours', { d: Math.floor(h / 24), h: h % 24 });
  return m === 0 || h >= 10 ? t('dispatchMap.span.hours', { h: m >= 30 && h >= 10 ? h + 1 : h }) : t('dispatchMap.span.hoursMinutes', { h, m });
}

export function termText(term: Term, ctx: TermContext, t: TFunction): string {
  const v = num(term.value);
  switch (term.name) {
    case 'travel': {
      // the term's value is the travel the job adds, in minutes; the trip's distance and minutes come
      // with the candidate (they differ when the job goes between two others: 插单)
      const travel = travelText(ctx.travelKm ?? null, ctx.travelMinutes ?? v, ctx.site !== false, t);
      if (ctx.insertBefore != null && v != null) return t('dispatchMap.term.inserted', { travel, n: ctx.insertBefore, minutes: Math.max(0, Math.round(v)) });
      return travel;
    }
    case 'load': {
      const kind = ctx.kind ?? 'field';
      const load = ctx.load?.[kind] ?? v ?? 0;
      const capacity = ctx.capacity?.[kind];
      return capacity != null ? t('dispatchMap.term.load', { load, capacity }) : t('dispatchMap.term.loadCount', { load });
    }
    case 'speed':
      return v == null ? t('dispatchMap.term.speedNone') : t('dispatchMap.term.speed', { span: spanText(v, t) });
    case 'firstFix':
      return v == null ? t('dispatchMap.term.speedNone') : t('dispatchMap.term.firstFix', { rate: formatPercent(v > 1 ? v / 100 : v) });
    case 'skillFit':
      if (v == null) return t('dispatchMap.term.skillFit', { skill: ctx.skill ?? '', level: str(term.value) });
      return ctx.skill ? t('dispatchMap.term.skillFit', { skill: ctx.skill, level: v }) : t('dispatchMap.term.skillLevel', { level: v });
    case 'tier':
      return t('dispatchMap.term.tier', { tier: t(`tier.${str(term.value)}`, { defaultValue: str(term.value) }) });
    case 'preferred':
      return String(term.value) === 'true' || v === 1 || term.goodness >= 1 ? t('dispatchMap.term.preferred') : t('dispatchMap.term.notPreferred');
    case 'fairness':
      return t('dispatchMap.term.fairness', { span: spanText(v ?? 0, t) });
    case 'deadline':
      // the slack in minutes between the estimated arrival and the ticket's deadline (inserted: the least
      // of its own and of the jobs it delays)
      if (v == null) return t('dispatchMap.term.deadlineNone');
      // work not on site (an e-mail, a chat) arrives nowhere: the slack is to the deadline itself
      if (!onSite(ctx.kind)) return v >= 0 ? t('dispatchMap.term.deadlineDesk', { span: spanText(v, t) }) : t('dispatchMap.term.deadlineDeskLate', { span: spanText(-v, t) });
      if (ctx.insertBefore != null) return v >= 0 ? t('dispatchMap.term.deadlineInserted', { span: spanText(v, t) }) : t('dispatchMap.term.deadlineInsertedLate', { span: spanText(-v, t) });
      return v >= 0 ? t('dispatchMap.term.deadline', { span: spanText(v, t) }) : t('dispatchMap.term.deadlineLate', { span: spanText(-v, t) });
    default:
      return t('dispatchMap.term.other', { name: term.name, value: str(term.value) });
  }
}

/**
 * The terms of a candidate worth reading, best-weighted first; switched-off terms (weight 0) left out.
 * Work not on site (an e-mail ticket, a chat) has no trip: its travel term is left out.
 */
export function candidateTerms(c: DecisionCandidate & Partial<{ load: Load; capacity: Load }>, need: NeedView | null, t: TFunction): string[] {
  // a need that says where (location null: the ticket has no site) tells why a trip is unknown
  const site = need && 'location' in need ? need.location != null : undefined;
  const ctx: TermContext = { travelKm: c.travelKm, travelMinutes: c.travelMinutes, insertBefore: c.insertBefore, load: c.load, capacity: c.capacity, kind: need?.kind, skill: need?.skill ?? null, site };
  const field = onSite(need?.kind);
  const terms = !field || c.terms.some((x) => x.name === 'travel') || c.travelKm == null ? c.terms : [{ name: 'travel', value: null, goodness: 0, weighted: 1 }, ...c.terms];
  // a term with nothing to say (no record, no tier, no preference) is left out, but for travel and speed
  const says = (x: Term) => x.name === 'travel' || x.name === 'speed' || (x.value !== null && x.value !== '' && !(x.name === 'fairness' && x.value === 0));
  return terms.filter((x) => (field ? x.weighted !== 0 || x.name === 'travel' : x.weighted !== 0 && x.name !== 'travel') && says(x)).map((x) => termText(x, ctx, t));
}

/** The recommendations' title: 推荐工程师 for on-site work, 推荐处理人 for work that is not (an e-mail, a chat). */
export const recommendationTitle = (kind: WorkKind | undefined, t: TFunction) => t(onSite(kind) ? 'dispatchMap.rec.title' : 'dispatchMap.rec.titleDesk');

/** One failed hard rule in words: 技能不足 / 证书过期 / 不在班 / 超出服务区域 / 已满负荷 / 客户排除 … */
export function exclusionText(e: Exclusion, t: TFunction, now = new Date()): string {
  const d = e.detail ?? {};
  switch (e.rule) {
    case 'status':
      return t('dispatchMap.rule.status', { status: t(`dispatchMap.status.${str(d.status)}`, { defaultValue: str(d.status) }) });
    case 'skill':
      return t('dispatchMap.rule.skill', { skill: str(d.skill) });
    case 'level':
      return t('dispatchMap.rule.level', { skill: str(d.skill), required: str(d.required ?? d.level), has: str(d.has ?? 0) });
    case 'certification': {
      const name = str(d.certification ?? d.name);
      // expires: the latest the person holds (expired on the visit's day); none held: missing
      return d.expires ? t('dispatchMap.rule.certificationExpired', { name, expires: str(d.expires) }) : t('dispatchMap.rule.certificationMissing', { name });
    }
    case 'language':
      return t('dispatchMap.rule.language', { language: str(d.language ?? d.required) });
    case 'capacity':
      if (num(d.dailyLimit) != null) return t('dispatchMap.rule.dailyLimit', { today: str(d.today), limit: str(d.dailyLimit) });
      return num(d.capacity) != null ? t('dispatchMap.rule.capacity', { load: str(d.load), capacity: str(d.capacity) }) : t('dispatchMap.rule.capacityFull');
    case 'shift':
      if (d.holiday) return t('dispatchMap.rule.shiftHoliday', { holiday: str(d.holiday) });
      return shiftBackText(d, t, now);
    case 'excluded':
      // the person's own 拒单 or an offer let expire, else the customer's exclusion
      if (d.by === 'declined') return d.reason ? t('dispatchMap.rule.declinedWhy', { reason: str(d.reason) }) : t('dispatchMap.rule.declined');
      if (d.by === 'expired') return t('dispatchMap.rule.expired');
      return t('dispatchMap.rule.excluded');
    case 'team':
    case 'region':
    case 'product_line':
      return t(`dispatchMap.rule.${e.rule}`);
    default:
      return t('dispatchMap.rule.other', { rule: e.rule });
  }
}

/** 不在班, with when they are next on (今天 20:00 上班, 明天 08:00 上班, 周一 09:00 上班) when the pattern says. */
function shiftBackText(d: Record<string, unknown>, t: TFunction, now: Date): string {
  const next = nextShiftStart(d, now);
  if (!next) return t('dispatchMap.rule.shift');
  const when = next.inDays === 0 ? t('dispatchMap.rule.today') : next.inDays === 1 ? t('dispatchMap.rule.tomorrow') : t(`dispatchMap.rule.weekday.${((now.getDay() + next.inDays + 6) % 7) + 1}`);
  return t('dispatchMap.rule.shiftBack', { when, time: next.start });
}

export const exclusionsText = (reasons: Exclusion[], t: TFunction) => reasons.map((r) => exclusionText(r, t)).join(t('app.clauseSep'));

/**
 * Why the assignment went to its person, in one sentence: "系统按综合评分派给 张伟：距离 3.2 公里（约 6 分钟）…";
 * to an outlet's person: "系统派给最近的服务网点「浦东网点」（3.2 公里）的 吴磊：…".
 */
export function decisionSummary(a: Pick<Assignment, 'mode' | 'userId' | 'userName' | 'overrideReason' | 'decision' | 'kind'>, need: NeedView | null, t: TFunction): string {
  const name = a.userName;
  if (a.mode === 'override') return t('dispatchMap.why.override', { name, reason: a.overrideReason ?? '' });
  const outlet = a.decision?.outlet;
  const head = outlet
    ? t('dispatchMap.why.outlet', { outlet: outlet.name, km: km(outlet.km), name })
    : AUTO_MODES.includes(a.mode) ? t('dispatchMap.why.auto', { mode: modeName(a.mode, t), name }) : a.mode === 'manual' ? t('dispatchMap.why.manual', { name }) : t('dispatchMap.why.auto', { mode: modeName(a.mode, t), name });
  const chosen = a.decision?.candidates?.find((c) => c.userId === (a.decision.chosen ?? a.userId));
  if (!chosen) return head;
  return t('dispatchMap.why.terms', { head, terms: candidateTerms(chosen, { ...need, kind: a.kind ?? need?.kind }, t).join(t('app.phraseSep')) });
}

/** The ticket's dispatch state as a label: 已派单待接单 / 已接单 / 排队等待派单 / 未派单. */
export function stateLabel(current: Pick<Assignment, 'state'> | null, queued: boolean, t: TFunction): string {
  if (current) return t(`dispatchMap.state.${current.state}`, { defaultValue: current.state });
  return t(queued ? 'dispatchMap.state.queued' : 'dispatchMap.state.none');
}

/** What the need asks for, e.g. 电梯维修 3 级. */
export const needText = (need: NeedView | null, t: TFunction) => (need?.skill ? t('dispatchMap.rec.needSkill', { skill: need.skill, level: need.level ?? 1 }) : '');

export const historyLine = (a: Assignment, t: TFunction) =>
  t('dispatchMap.panel.historyLine', { time: formatDateTime(a.offeredAt), name: a.userName, mode: modeName(a.mode, t), state: t(`dispatchMap.state.${a.state}`, { defaultValue: a.state }) });

/**
 * A line of the dispatch history with why it ended, the reason said once: an expired offer's reason
 * (超时未接单) says what its state already says, so it is not repeated ("超时未接单 · 超时未接单").
 */
export function historyText(a: Assignment, t: TFunction): string {
  const line = historyLine(a, t);
  if (!a.endReason) return line;
  const reason = systemReasonText(a.endReason, t);
  const state = t(`dispatchMap.state.${a.state}`, { defaultValue: a.state });
  const same = (x: string, y: string) => x.trim().toLocaleLowerCase() === y.trim().toLocaleLowerCase();
  return same(reason, state) || same(a.endReason, state) ? line : `${line} · ${reason}`;
}

/** Since when a ticket waits in the queue, and why when the server says. */
export function queuedText(queued: { since: string; reason?: string | null }, t: TFunction): string {
  const time = formatDateTime(queued.since);
  return queued.reason ? t('dispatchMap.panel.queuedSinceWhy', { time, reason: queueReasonText(queued.reason, t) }) : t('dispatchMap.panel.queuedSince', { time });
}

/** One of the nearest outlets in the recommendations: "3.2 公里 · 可派 2 人". */
export const outletLine = (o: { km: number; eligiblePeople: number }, t: TFunction) => t('dispatchMap.rec.outletLine', { km: km(o.km), count: o.eligiblePeople });

/** Why a ticket waits in the queue (manual, batch, no_capacity, off_shift, no_one_eligible, not_accepted, no_outlet, held_for_nearer), or the words given. */
export const queueReasonText = (reason: string | null | undefined, t: TFunction) => (reason ? t(`dispatchMap.queueReason.${reason}`, { defaultValue: reason }) : '');
