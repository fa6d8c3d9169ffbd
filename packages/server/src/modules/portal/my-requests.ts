import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { contactNames } from '../customers';
import { ticketsOfRequester } from '../tickets';
import { portalBySlug } from './portal-context';
import { statusWords, type Locale } from './portal-rules';
import { sessionContact } from './request-access';

const signedOut = () => new AppError('UNAUTHENTICATED', 'Sign in to see your requests', { field: 'session' });

/** GET /api/v1/portal/{slug}/me: the signed-in customer, or 401. */
export async function portalMe(deps: Deps, slug: string, token: string | undefined) {
  const p = await portalBySlug(deps, slug);
  const contactId = await sessionContact(deps, p, token);
  if (!contactId) throw signedOut();
  return { name: (await deps.db.tenant(p.tenantId, (q) => contactNames(q, [contactId]))).get(contactId) ?? '' };
}

/** GET /api/v1/portal/{slug}/my/requests: every request of the signed-in customer, from every channel (email, WeChat, phone…). */
export async function myRequests(deps: Deps, slug: string, token: string | undefined, locale: Locale | undefined) {
  const p = await portalBySlug(deps, slug);
  const contactId = await sessionContact(deps, p, token);
  if (!contactId) throw signedOut();
  const l = locale ?? p.settings.default_locale;
  const tickets = await deps.db.tenant(p.tenantId, (q) => ticketsOfRequester(q, contactId, 200));
  return {
    items: tickets.map((t) => ({ number: t.number, title: t.title, status: t.status, statusText: statusWords(t.status, l), channel: t.channel, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() })),
  };
}
