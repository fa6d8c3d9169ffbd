import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import { isUuid } from '../../../platform/ids';
import { ticketRepository } from '../../tickets';
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
  const c = await publicChannel(deps, 'web', input.key);
  const s = webFormSettings(c.settings);
  await checkRate(deps, c.tenantId, s.windowSeconds, [{ bucket: `track:${c.id}:ip:${who.ip}`, limit: s.trackLimit }], 'look-ups');
  const ref = input.ref.trim();
  const by = isUuid(ref) ? { inboundId: ref } : /^\d{1,15}$/.test(ref) ? { number: Number(ref) } : null;
  if (!by) throw nothing();
  return deps.db.tenant(c.tenantId, async (q) => {
    const sub = await webIntakeRepository.submissionByCode(q, c.id, by, codeHash(input.code));
    if (!sub) throw nothing();
    const t = sub.ticket_id ? await ticketRepository.byId(q, sub.ticket_id) : undefined;
    if (!t) return { number: null, reference: sub.id, status: 'received', title: null, createdAt: null, updatedAt: null, replies: [] };
    const replies = await webIntakeRepository.publicReplies(q, t.id);
    return {
      number: Number(t.number),
      reference: sub.id,
      status: t.status,
      title: t.title,
      createdAt: t.created_at.toISOString(),
      updatedAt: t.updated_at.toISOString(),
      replies: replies.map((r) => ({
        from: r.author_type === 'contact' ? ('customer' as const) : ('agent' as const),
        authorName: r.author_type === 'contact' ? null : r.author_name,
        body: r.body_html,
        text: r.body_text,
        at: r.created_at.toISOString(),
      })),
    };
  });
}
