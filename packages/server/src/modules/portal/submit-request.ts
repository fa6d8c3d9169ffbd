import type { Deps } from '../../platform/deps';
import { AppError, fieldsInvalid, invalid } from '../../platform/errors';
import { fieldDefinitionsFor, validateCustomFields } from '../catalog';
import { enqueueCustomerMessage } from '../delivery';
import { submitWebForm, webFormKeyOf } from '../intake';
import { recordRequestSubmitted } from './help-centre';
import { portalBySlug } from './portal-context';
import { assetIdOfToken } from './scanned-asset';
import { filesSizeProblem, type Locale } from './portal-rules';
import type { SubmitRequestInput } from './schemas';

export const portalTimings = { waitMs: 5000 };

function receiptText(locale: Locale, title: string, number: number | null, reference: string, code: string, link: string) {
  const ref = number !== null ? `#${number}` : reference;
  return locale === 'en-US'
    ? { subject: `We received your request ${ref}`, text: `We received your request "${title}".\nNumber: ${ref}\nQuery code: ${code}\nFollow it at ${link}\n` }
    : { subject: `您的服务请求已受理：${ref}`, text: `您的请求「${title}」已受理。\n工单号：${ref}\n查询码：${code}\n查询进度：${link}\n` };
}

/**
 * POST /api/v1/portal/{slug}/requests: a customer's new request, through the web form channel the portal
 * is set to (its rate limits, spam rules and query codes: one ticket path). The chosen category's ticket
 * type decides the custom fields, checked here before anything is stored. Answers the ticket number (or
 * a reference while it is registered) and the query code, also sent by mail / SMS when given.
 */
export async function submitRequest(deps: Deps, slug: string, input: SubmitRequestInput, who: { ip: string; userAgent?: string }) {
  const p = await portalBySlug(deps, slug);
  const s = p.settings;
  const offered = input.categoryId ? s.categories.find((c) => c.categoryId === input.categoryId) : undefined;
  if (input.categoryId && !offered) throw invalid('categoryId', 'Pick one of the categories of the portal', 'unknown_category');
  const { key, customFields } = await deps.db.tenant(p.tenantId, async (q) => {
    const key = s.channel_id ? await webFormKeyOf(q, s.channel_id) : undefined;
    if (!offered?.typeId) {
      if (input.customFields && Object.keys(input.customFields).length) throw invalid('customFields', 'This category has no form fields; leave them out', 'unknown_field');
      return { key, customFields: undefined };
    }
    const defs = (await fieldDefinitionsFor(q, p.tenantId, offered.typeId)).filter((d) => d.ticket_type_id !== null);
    const checked = validateCustomFields(defs, input.customFields ?? {}, 'create');
    if (checked.issues.length) throw fieldsInvalid(checked.issues);
    return { key, customFields: checked.values };
  });
  if (!key) throw new AppError('NOT_FOUND', 'This portal does not take requests yet (no web form channel is set); ask the administrator', { field: 'slug' });
  const assetId = input.asset ? await assetIdOfToken(deps, p.tenantId, input.asset) : undefined;
  // sizes before anything is stored: a file over the limit never begins a ticket
  const sizes = (input.attachments ?? []).map((a) => ({ filename: a.filename, size: Buffer.byteLength(a.data, 'base64') }));
  const tooLarge = filesSizeProblem(sizes, deps.limits.attachmentMaxBytes);
  if (tooLarge) throw new AppError('ATTACHMENT_TOO_LARGE', tooLarge.message, { field: tooLarge.field });

  const res = await submitWebForm(
    deps,
    { key, token: input.token, submissionId: input.submissionId, name: input.name, email: input.email, phone: input.phone, title: input.title, description: input.description, website: input.website },
    { ip: who.ip, userAgent: who.userAgent },
    portalTimings,
    { categoryId: offered?.categoryId, typeId: offered?.typeId ?? undefined, customFields, assetId, attachments: input.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, base64: a.data })) },
  );
  const number = res.status === 201 ? res.number : null;
  const reference = res.status === 201 ? String(res.number) : res.reference;
  const ticketId = res.status === 201 ? res.ticketId : null;
  const locale: Locale = input.locale ?? s.default_locale;
  const link = `${(deps.publicUrl ?? '').replace(/\/+$/, '')}/portal/${p.slug}?ref=${encodeURIComponent(reference)}`;
  const msg = receiptText(locale, input.title, number, reference, res.queryCode, link);
  const sentTo: ('email' | 'sms')[] = [];
  const key2 = res.status === 201 ? res.ticketId : res.reference;
  await deps.db.tenant(p.tenantId, async (q) => {
    const now = deps.clock.now();
    if (input.email && (await enqueueCustomerMessage(q, { via: 'email', to: input.email, subject: msg.subject, text: msg.text, dedupeKey: `portal:receipt:${key2}:email`, ticketId }, now))) sentTo.push('email');
    if (input.phone && (await enqueueCustomerMessage(q, { via: 'sms', to: input.phone, text: locale === 'en-US' ? `${msg.subject}, query code ${res.queryCode}` : `${msg.subject}，查询码 ${res.queryCode}`, dedupeKey: `portal:receipt:${key2}:sms`, ticketId }, now))) sentTo.push('sms');
  });
  if (input.sessionId) await recordRequestSubmitted(deps, p.tenantId, input.sessionId);
  return { number, reference, queryCode: res.queryCode, sentTo };
}
