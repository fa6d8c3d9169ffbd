import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { bookedWindows } from '../field';
import { tenantTimeZone } from '../identity';
import { publicConversation } from '../intake';
import { surveyForTicket } from '../satisfaction';
import { slaFacts } from '../sla';
import { customerTicket, medianFirstReplyMinutes, publicAttachments, type CustomerTicket } from '../tickets';
import { expectation, HISTORY_DAYS, MIN_HISTORY, statusWords, visitWords, type Locale } from './portal-rules';
import type { RequestAccess } from './request-access';

/** The expected time of an open ticket: its SLA due times, else the median first reply of its category's recent tickets. */
async function expectedTime(q: Queryable, deps: Deps, t: CustomerTicket, awaitingReply: boolean, locale: Locale) {
  const now = deps.clock.now();
  const facts = (await slaFacts(q, [t.id])).get(t.id) ?? [];
  const live = (metric: string) => facts.find((f) => f.metric === metric && f.dueAt && !f.achievedAt && !f.pausedSince)?.dueAt ?? null;
  const replyDue = live('first_response') ?? live('next_response');
  const resolutionDue = live('resolution');
  let historyMinutes: number | null = null;
  if (!replyDue && !resolutionDue && awaitingReply) {
    const h = await medianFirstReplyMinutes(q, t.categoryId, new Date(now.getTime() - HISTORY_DAYS * 86_400_000));
    if (h.minutes !== null && h.n >= MIN_HISTORY) historyMinutes = h.minutes;
  }
  return expectation({ status: t.status, now, replyDue, resolutionDue, historyMinutes, awaitingReply }, locale);
}

/** The visit booked with the customer (预约上门) of a ticket still open, in their words. */
async function bookedVisit(q: Queryable, t: CustomerTicket, locale: Locale) {
  if (t.status === 'resolved' || t.status === 'closed') return null;
  const w = (await bookedWindows(q, [t.id])).get(t.id);
  return w ? { windowStart: w.start.toISOString(), windowEnd: w.end.toISOString(), text: visitWords(w.start, w.end, await tenantTimeZone(q), locale) } : null;
}

/** What the customer sees of their request: status in their words, the public conversation with its files, the expected time, the visit booked. Never internal notes or files. */
export async function trackedView(deps: Deps, a: RequestAccess, locale: Locale) {
  const none = { number: null, reference: a.reference, title: null, status: 'received', statusText: statusWords('received', locale), createdAt: null, updatedAt: null, expected: null, visit: null, canConfirm: false, canReopen: false, canReply: false, messages: [], files: [], survey: null };
  if (!a.ticketId) return none;
  return deps.db.tenant(a.portal.tenantId, async (q) => {
    const t = await customerTicket(q, a.ticketId!);
    if (!t) return none;
    const replies = await publicConversation(q, t.id);
    const files = await publicAttachments(q, t.id);
    const fileView = (f: (typeof files)[number]) => ({ id: f.id, filename: f.filename, contentType: f.contentType, size: f.size });
    const last = replies.at(-1);
    const survey = await surveyForTicket(q, t.id, deps.clock.now());
    const awaitingReply = !replies.some((r) => !r.fromCustomer) || !!last?.fromCustomer;
    return {
      number: t.number,
      reference: String(t.number),
      title: t.title,
      status: t.status,
      statusText: statusWords(t.status, locale),
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      expected: await expectedTime(q, deps, t, awaitingReply, locale),
      visit: await bookedVisit(q, t, locale),
      canConfirm: t.status === 'resolved',
      canReopen: t.status === 'resolved',
      canReply: t.status !== 'closed',
      messages: replies.map((r) => ({
        id: r.id,
        from: r.fromCustomer ? ('customer' as const) : ('agent' as const),
        authorName: r.authorName,
        body: r.bodyHtml,
        text: r.bodyText,
        at: r.createdAt.toISOString(),
        files: files.filter((f) => f.commentId === r.id).map(fileView),
      })),
      files: files.filter((f) => !f.commentId).map(fileView),
      survey: survey && { id: survey.surveyId, npsAsked: survey.npsAsked, open: !survey.answered && !survey.expired, answer: survey.answer && { score: survey.answer.score, nps: survey.answer.nps, comment: survey.answer.comment } },
    };
  });
}
