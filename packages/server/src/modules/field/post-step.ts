import { createHash } from 'node:crypto';
import type { Queryable } from '../../platform/db/database';
import { depsInTransaction } from '../../platform/db/deps-in-transaction';
import type { Deps } from '../../platform/deps';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { readTicket, recordTicketEvents, ticketAttachmentRef, updateTicket, type TicketRow } from '../tickets';
import { mayRecord, requirePerson } from './access';
import { fieldRepository, type VisitRow } from './field-repository';
import { afterStep, beforeTicketProblem, checkInDistance, finishedTicketProblem, inputProblem, orderProblem, visitEngineer, type StepFacts, type StepKind, type StepProblem, type VisitResult } from './step-rules';

export interface PostStepInput {
  opId: string;
  kind: StepKind;
  /** when it was done, by the phone's clock (ISO) */
  at: string;
  lat?: number;
  lng?: number;
  accuracy?: number;
  text?: string;
  fileId?: string;
  result?: VisitResult;
}

export interface StepAnswer {
  opId: string;
  stepId: string;
  ticketId: string;
  visitId: string;
  visitSeq: number;
  kind: StepKind;
  at: string;
  receivedAt: string;
  /** the visit after the step */
  visitState: string;
  distanceM: number | null;
  flagged: boolean;
  result: VisitResult | null;
  /** complete/fixed: whether the ticket was resolved, or the code of why not (it stays open for the office) */
  resolved: boolean | null;
  resolveProblem: string | null;
  /** complete/second_visit: the follow-up visit planned */
  followUpVisitId: string | null;
  /** true when this opId had been recorded before: the first answer, nothing changed */
  replayed: boolean;
}

const hashOf = (ticketId: string, s: PostStepInput) => createHash('sha256').update(JSON.stringify([ticketId, s.opId, s.kind, s.at, s.lat ?? null, s.lng ?? null, s.accuracy ?? null, s.text ?? null, s.fileId ?? null, s.result ?? null])).digest('base64url');

function refuse(p: StepProblem): never {
  if (p.code === 'VALIDATION_FAILED') throw invalid(p.field, p.message, p.issue);
  throw new AppError(p.code, p.message);
}

/**
 * One step of a visit from the engineer's phone (出发 / 签到 / note / photo / 签字 / 完工), exactly once per
 * opId: the step, the visit's new state, the ticket's timeline event and what completing does to the
 * ticket commit together; the same opId again returns the first answer and changes nothing.
 */
export async function postStep(deps: Deps, actor: Actor, ticketId: string, input: PostStepInput): Promise<StepAnswer> {
  const userId = requirePerson(actor);
  const hash = hashOf(ticketId, input);
  const now = deps.clock.now();
  const facts: StepFacts = { kind: input.kind, at: new Date(input.at), lat: input.lat, lng: input.lng, text: input.text, fileId: input.fileId, result: input.result };
  return deps.db.tenant(actor.tenantId, async (q) => {
    const replay = async () => {
      const prior = await fieldRepository.stepByOp(q, input.opId);
      if (!prior) return null;
      if (prior.request_hash !== hash || prior.ticket_id !== ticketId) throw new AppError('FIELD_OP_REUSED', 'This opId was used for another step; make a new opId for each step');
      return { ...(prior.answer as unknown as StepAnswer), replayed: true };
    };
    const early = await replay();
    if (early) return early;
    const ticket = await readTicket(q, ticketId);
    if (!ticket) throw notFound('Ticket');
    await fieldRepository.lockTicket(q, ticket.id);
    const raced = await replay();
    if (raced) return raced;

    const bad = inputProblem(facts, now) ?? beforeTicketProblem(ticket.created_at, facts);
    if (bad) refuse(bad);
    const open = await fieldRepository.openVisit(q, ticket.id);
    if (!mayRecord(actor, ticket, open ? visitEngineer({ state: open.state, userId: open.user_id }, ticket.assignee_id) : null)) {
      await deps.fieldAssertNotTakenAway?.(q, ticket.id, userId);
      throw forbidden('Only the engineer assigned to this ticket (or a supervisor) records its visit');
    }
    if (!open && (ticket.status === 'resolved' || ticket.status === 'closed')) {
      const finished = finishedTicketProblem(ticket.resolved_at ?? ticket.closed_at, facts);
      if (finished) refuse(finished);
    }
    const visit = open ?? (await newVisit(q, actor.tenantId, ticket.id, userId, now));
    const before = { state: visit.state, departedAt: visit.departed_at, checkedInAt: visit.checked_in_at };
    const order = orderProblem(before, facts);
    if (order) refuse(order);

    let filename: string | null = null;
    if (input.kind === 'photo' || input.kind === 'signature') {
      const ref = await ticketAttachmentRef(q, input.fileId!);
      if (!ref || ref.ticketId !== ticket.id) throw invalid('fileId', 'The file is not an attachment of this ticket; upload it to the ticket first', 'not_found');
      filename = ref.filename;
    }
    let distance = { distanceM: null as number | null, flagged: false };
    if (input.kind === 'check_in') {
      const site = ticket.site_lat != null && ticket.site_lng != null ? { lat: ticket.site_lat, lng: ticket.site_lng } : null;
      distance = checkInDistance(site, { lat: input.lat!, lng: input.lng!, accuracy: input.accuracy }, await fieldRepository.checkInRadius(q));
    }

    const after = afterStep(before, facts);
    // a visit not started is the assignee's (a supervisor recording it records it for them); under way, whoever makes it
    const owner = visitEngineer({ state: visit.state, userId: visit.user_id }, ticket.assignee_id) ?? userId;
    await fieldRepository.updateVisit(q, visit.id, {
      state: after.state,
      ...(owner !== visit.user_id ? { user_id: owner } : {}),
      ...(input.kind === 'depart' ? { departed_at: facts.at } : {}),
      ...(input.kind === 'check_in' ? { checked_in_at: facts.at } : {}),
      ...(input.kind === 'complete' ? { completed_at: facts.at, result: input.result! } : {}),
    }, now);

    const outcome = input.kind === 'complete' ? await complete(deps, q, actor, ticket, visit, input, now) : { resolved: null, resolveProblem: null, followUpVisitId: null };
    const stepId = uuidv7(now.getTime());
    const answer: StepAnswer = {
      opId: input.opId, stepId, ticketId: ticket.id, visitId: visit.id, visitSeq: visit.seq, kind: input.kind, at: facts.at.toISOString(), receivedAt: now.toISOString(),
      visitState: after.state, distanceM: distance.distanceM, flagged: distance.flagged, result: input.result ?? null, ...outcome, replayed: false,
    };
    await recordTicketEvents(q, [{
      ticketId: ticket.id, kind: `field.${input.kind}`, actor, channel: 'web', at: now, internal: true,
      data: { opId: input.opId, at: answer.at, visitSeq: visit.seq, ...pick(input), distanceM: distance.distanceM, flagged: distance.flagged, filename, resolveProblem: outcome.resolveProblem },
    }], now);
    await fieldRepository.insertStep(q, {
      id: stepId, tenant_id: actor.tenantId, ticket_id: ticket.id, visit_id: visit.id, user_id: userId, op_id: input.opId, kind: input.kind, at: facts.at, received_at: now,
      lat: input.lat ?? null, lng: input.lng ?? null, accuracy_m: input.accuracy ?? null, distance_m: distance.distanceM, flagged: distance.flagged,
      text: input.text?.trim() || null, file_id: input.fileId ?? null, result: input.result ?? null, request_hash: hash, answer: answer as unknown as Record<string, unknown>,
    });
    return answer;
  });
}

const pick = (s: PostStepInput) => Object.fromEntries(Object.entries({ lat: s.lat, lng: s.lng, accuracy: s.accuracy, text: s.text?.trim(), fileId: s.fileId, result: s.result }).filter(([, v]) => v !== undefined && v !== ''));

async function newVisit(q: Queryable, tenantId: string, ticketId: string, userId: string, now: Date): Promise<VisitRow> {
  const seq = (await fieldRepository.lastSeq(q, ticketId)) + 1;
  return fieldRepository.insertVisit(q, { id: uuidv7(now.getTime()), tenant_id: tenantId, ticket_id: ticketId, user_id: userId, seq, window_start: null, window_end: null, state: 'planned', departed_at: null, checked_in_at: null, completed_at: null, result: null, created_at: now });
}

/** 完工: fixed resolves the ticket (when its rules allow; else it stays open, and says why), second_visit plans the next visit, needs_part keeps it open. */
async function complete(deps: Deps, q: Queryable, actor: Actor, ticket: TicketRow, visit: VisitRow, input: PostStepInput, now: Date) {
  if (input.result === 'second_visit') {
    const next = await newVisit(q, actor.tenantId, ticket.id, visit.user_id ?? actor.id!, now);
    return { resolved: null, resolveProblem: null, followUpVisitId: next.id };
  }
  if (input.result !== 'fixed') return { resolved: null, resolveProblem: null, followUpVisitId: null };
  if (ticket.status === 'resolved' || ticket.status === 'closed') return { resolved: true, resolveProblem: null, followUpVisitId: null };
  try {
    await updateTicket(depsInTransaction(deps, q), actor, ticket.id, { status: 'resolved', resolution: input.text?.trim() || '现场修复完成' });
    return { resolved: true, resolveProblem: null, followUpVisitId: null };
  } catch (err) {
    // checked before anything is written: the step stands, the office finishes the ticket
    if (err instanceof AppError) return { resolved: false, resolveProblem: err.code, followUpVisitId: null };
    throw err;
  }
}
