import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import { isUuid } from '../../../platform/ids';
import { ticketIdByNumber, ticketSummary } from '../../tickets';
import { publicConversation } from '../public-conversation';
import { checkRate, publicChannel } from './public-channel';
import { codeHash, webFormSettings } from './web-form-rules';
import { webIntakeRepository } from './web-intake-repository';

const nothing = () => notFound('A ticket with this number (or reference) and query code', 'code');

/**
 * GET /api/v1/public/tickets/{ref}?key=…&code=…: a submitter follows their ticket with its number (or
 * the reference of a 202 answer) and query code: status, title and the public conversation, never
 * internal notes. A wrong code and an unknown number get the same answer; look-ups are rate-limited.
 */
export async function trackSubmission(deps: Deps, input: { key: string; ref: string; code: string }, who: { ip: string }) {
  const found = await findSubmission(deps, input, who);
  return deps.db.tenant(found.tenantId, async (q) => {
    const t = found.ticketId ? await ticketSummary(q, found.ticketId) : undefined;
    if (!t) return { number: null, reference: found.reference, status: 'received', title: null, createdAt: null, updatedAt: null, replies: [] };
    const replies = await publicConversation(q, t.id);
    return {
      number: t.number,
      reference: found.reference,
      status: t.status,
      title: t.title,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      replies: replies.map((r) => ({
        from: r.fromCustomer ? ('customer' as const) : ('agent' as const),
        authorName: r.authorName,
        body: r.bodyHtml,
        text: r.bodyText,
        at: r.createdAt.toISOString(),
      })),
    };
  });
}

/**
 * The submission a number (or reference) and query code open, rate-limited per client address; a
 * wrong code and an unknown number get the same 404. `ticketId` is null while it is being processed.
 */
export async function findSubmission(deps: Deps, input: { key: string; ref: string; code: string }, who: { ip: string }): Promise<{ tenantId: string; channelId: string; reference: string; ticketId: string | null }> {
  const c = await publicChannel(deps, 'web', input.key);
  const s = webFormSettings(c.settings);
  await checkRate(deps, c.tenantId, s.windowSeconds, [{ bucket: `track:${c.id}:ip:${who.ip}`, limit: s.trackLimit }], 'look-ups');
  const ref = input.ref.trim();
  const inboundId = isUuid(ref) ? ref : undefined;
  const number = !inboundId && /^\d{1,15}$/.test(ref) ? Number(ref) : undefined;
  if (!inboundId && number === undefined) throw nothing();
  return deps.db.tenant(c.tenantId, async (q) => {
    const ticketId = number === undefined ? undefined : await ticketIdByNumber(q, number);
    if (number !== undefined && !ticketId) throw nothing();
    const sub = await webIntakeRepository.submissionByCode(q, c.id, { inboundId, ticketId }, codeHash(input.code));
    if (!sub) throw nothing();
    return { tenantId: c.tenantId, channelId: c.id, reference: sub.id, ticketId: sub.ticket_id };
  });
}
