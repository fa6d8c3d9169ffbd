import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { contactNames } from '../customers';
import { findSubmission, webFormKeyOf } from '../intake';
import { customerTicket, ticketIdByNumber } from '../tickets';
import { portalBySlug, type PortalContext } from './portal-context';
import { secretHash } from './portal-rules';
import { signInRepository } from './sign-in-repository';

export interface RequestAccess {
  portal: PortalContext;
  reference: string;
  /** null while the request is still being registered */
  ticketId: string | null;
  /** who acts: the ticket's requester */
  contactId: string | null;
  contactName: string;
}

const nothing = () => notFound('A request with this number (or reference) and query code', 'code');

/** The contact signed in to this portal by the session token, or undefined. */
export async function sessionContact(deps: Deps, portal: PortalContext, token: string | undefined): Promise<string | undefined> {
  if (!token) return undefined;
  return deps.db.tenant(portal.tenantId, (q) => signInRepository.sessionContact(q, secretHash(portal.tenantId, token), deps.clock.now()));
}

/**
 * Who may see and act on a request: with its query code (through the web form channel's check: rate
 * limits, the same 404 for a wrong code and an unknown number), or, without a code, the signed-in
 * customer whose request it is (any channel). Anything else is the same 404.
 */
export async function requestAccess(deps: Deps, slug: string, ref: string, auth: { code?: string; sessionToken?: string }, who: { ip: string }): Promise<RequestAccess> {
  const portal = await portalBySlug(deps, slug);
  const t = portal.tenantId;
  let ticketId: string | null;
  let reference = ref;
  if (auth.code) {
    const key = portal.settings.channel_id ? await deps.db.tenant(t, (q) => webFormKeyOf(q, portal.settings.channel_id!)) : undefined;
    if (!key) throw nothing();
    const found = await findSubmission(deps, { key, ref, code: auth.code }, who);
    ticketId = found.ticketId;
    reference = found.ticketId ? ref : found.reference;
  } else {
    const contactId = await sessionContact(deps, portal, auth.sessionToken);
    if (!contactId || !/^\d{1,15}$/.test(ref.trim())) throw nothing();
    ticketId = (await deps.db.tenant(t, async (q) => {
      const id = await ticketIdByNumber(q, Number(ref.trim()));
      const ticket = id ? await customerTicket(q, id) : undefined;
      return ticket?.requesterId === contactId ? ticket.id : undefined;
    })) ?? null;
    if (!ticketId) throw nothing();
  }
  const requester = ticketId ? await deps.db.tenant(t, async (q) => {
    const ticket = await customerTicket(q, ticketId!);
    const id = ticket?.requesterId ?? null;
    return { id, name: id ? ((await contactNames(q, [id])).get(id) ?? '') : '' };
  }) : { id: null, name: '' };
  return { portal, reference, ticketId, contactId: requester.id, contactName: requester.name };
}
