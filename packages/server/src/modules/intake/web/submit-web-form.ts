import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps';
import { AppError, invalid } from '../../../platform/errors';
import { ticketSummary } from '../../tickets';
import { receiveInbound } from '../receive-inbound';
import { channelSecret, checkRate, publicChannel } from './public-channel';
import type { StoredSubmission } from './web-adapter';
import { codeHash, countLinks, formTokenProblem, originAllowed, queryCodeFor, webFormSettings } from './web-form-rules';
import type { SubmitTicketInput } from './web-schemas';
import { waitForProcessing } from './wait-for-processing';

export interface Submitter {
  ip: string;
  origin?: string;
  userAgent?: string;
}

/**
 * What the tenant's own self-service portal adds to a submission (never the public REST body): a
 * category of the portal's own list (instead of the form's), the ticket type of the chosen form, its
 * custom fields (checked by the caller) and files.
 */
export interface SubmissionExtras {
  categoryId?: string;
  typeId?: string;
  customFields?: Record<string, unknown>;
  attachments?: { filename: string; contentType: string; base64: string }[];
  /** the asset of the QR code the customer scanned (looked up by the caller in the tenant) */
  assetId?: string;
}

export type SubmitResult = { status: 201; ticketId: string; number: number; queryCode: string } | { status: 202; reference: string; queryCode: string };

const TOKEN_MESSAGES = {
  token_missing: 'Load the form first (GET /api/v1/public/forms/{key}) and send its token with the submission',
  token_invalid: 'The form token is not valid for this form; reload the form',
  too_fast: 'The form was sent too quickly after it was loaded; wait a few seconds and send it again',
  token_expired: 'The form was loaded too long ago; reload it and send it again',
} as const;

/**
 * POST /api/v1/public/tickets: a submission of a public web form. Refused before anything is stored
 * when over the rate limits or looking like spam (honeypot filled, sent too fast, too many links);
 * otherwise stored raw (a repeated submissionId is the same submission), then answered with the ticket
 * number once the worker has made the ticket, or with a reference when that takes longer. The query
 * code tracks the submission either way.
 */
export async function submitWebForm(deps: Deps, input: SubmitTicketInput, who: Submitter, opts: { waitMs: number }, extras: SubmissionExtras = {}): Promise<SubmitResult> {
  const c = await publicChannel(deps, 'web', input.key);
  const s = webFormSettings(c.settings);
  if (!originAllowed(s.allowedOrigins, who.origin)) throw new AppError('FORBIDDEN', `This form does not accept submissions from pages of ${who.origin}`, { field: 'origin' });
  await checkRate(deps, c.tenantId, s.windowSeconds, [
    { bucket: `form:${c.id}:ip:${who.ip}`, limit: s.perIpLimit },
    { bucket: `form:${c.id}`, limit: s.perKeyLimit },
  ], 'submissions');
  if (input.website?.trim()) throw invalid('website', 'The submission was refused as automated (a hidden field was filled)', 'spam_suspected');
  const secret = await channelSecret(deps, c);
  if (s.requireToken) {
    const problem = formTokenProblem(secret, c.id, input.token, deps.clock.now(), s.minFillSeconds * 1000, 24 * 3600_000);
    if (problem) throw invalid('token', TOKEN_MESSAGES[problem], problem);
  }
  if (countLinks(`${input.title}\n${input.description}`) > s.maxLinks) throw invalid('description', `At most ${s.maxLinks} links are accepted; remove some`, 'too_many_links');
  if (!input.email && !input.phone) throw invalid('email', 'Give an email address or a phone number so we can reach you', 'contact_required');
  if (input.category && !s.categories.some((x) => x.id === input.category)) throw invalid('category', 'Pick one of the categories of the form', 'unknown_category');

  const externalId = `form:${input.submissionId ?? randomUUID()}`;
  const queryCode = queryCodeFor(secret, `${c.id}:${externalId}`);
  const stored: StoredSubmission = {
    name: input.name,
    email: input.email,
    phone: input.phone,
    title: input.title,
    description: input.description,
    categoryId: extras.categoryId ?? input.category,
    fields: input.fields,
    typeId: extras.typeId,
    customFields: extras.customFields,
    attachments: extras.attachments,
    assetId: extras.assetId,
  };
  const received = await receiveInbound(deps, {
    tenantId: c.tenantId,
    channel: 'web',
    channelId: c.id,
    externalId,
    contentType: 'application/json',
    raw: Buffer.from(JSON.stringify(stored)),
    meta: { lane: externalId, ip: who.ip, userAgent: who.userAgent?.slice(0, 300), origin: who.origin, codeHash: codeHash(queryCode) },
  });
  const row = await waitForProcessing(deps, c.tenantId, received.id, opts.waitMs);
  if (row?.ticket_id) {
    const t = await deps.db.tenant(c.tenantId, (q) => ticketSummary(q, row.ticket_id!));
    if (t) return { status: 201, ticketId: t.id, number: t.number, queryCode };
  }
  return { status: 202, reference: received.id, queryCode };
}
