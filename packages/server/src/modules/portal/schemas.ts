import { z } from 'zod';
import { Uuid } from '../../platform/http/schemas';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const SlugParams = z.strictObject({ slug: z.string().trim().min(1).max(100) });
/** The asset reference of a QR label: an unguessable token, never a serial or an id. */
export const AssetToken = z.string().regex(/^[0-9a-f]{32}$/, 'must be the code of an asset QR label');
export const AssetParams = SlugParams.extend({ token: AssetToken });
export const PortalAssetSchema = z
  .object({
    name: z.string().nullable(),
    serial: z.string(),
    model: z.string().nullable(),
    address: z.string().nullable(),
    organizationName: z.string().nullable().describe('The owner'),
  })
  .meta({ id: 'PortalAsset' });
export const RefParams = SlugParams.extend({ ref: z.string().trim().min(1).max(64).describe('The ticket number, or the reference of a request still being registered') });

const Locale = z.enum(['zh-CN', 'en-US']);

export const PortalSettingsBody = z.strictObject({
  enabled: z.boolean(),
  title: z.string().trim().max(100),
  logoUrl: z.string().max(200_000).nullable().describe('An https URL, or an uploaded image as a data:image/…;base64 URL (at most ~150 KB)'),
  primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1677ff'),
  defaultLocale: Locale,
  channelId: Uuid.nullable().describe('The web form channel requests are submitted through'),
  categories: z.array(z.strictObject({ categoryId: Uuid, typeId: Uuid.nullable() })).max(50).describe('The categories offered, each with the ticket type whose custom fields its form asks'),
});
export type PortalSettingsInput = z.infer<typeof PortalSettingsBody>;

export const PortalSettingsSchema = PortalSettingsBody.extend({ slug: z.string(), updatedAt: z.string().nullable() }).meta({ id: 'PortalSettings' });

const FieldSchema = z.object({
  key: z.string(),
  kind: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), labelZh: z.string(), labelEn: z.string() })),
});

export const PortalConfigSchema = z
  .object({
    slug: z.string(),
    name: z.string().describe("The tenant's name"),
    title: z.string(),
    logoUrl: z.string().nullable(),
    primaryColor: z.string(),
    defaultLocale: Locale,
    canSubmit: z.boolean().describe('false: no web form channel is set, requests cannot be submitted here'),
    token: z.string().nullable().describe('Send back as "token" with a new request'),
    minFillSeconds: z.number(),
    categories: z.array(z.object({ id: Uuid, nameZh: z.string(), nameEn: z.string(), typeId: Uuid.nullable(), fields: z.array(FieldSchema) })),
  })
  .meta({ id: 'PortalConfig' });

const Attachment = z.strictObject({
  filename: z.string().trim().min(1).max(200),
  contentType: z.string().max(100),
  data: z.string().max(40_000_000).describe('The file, base64 (at most 10 MB and the attachment limit; 20 MB for all files together)'),
});

export const SubmitRequestBody = z.strictObject({
  token: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  submissionId: z.preprocess(blankToUndefined, z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9_.:-]+$/).optional()),
  name: z.string().trim().min(1, 'must not be empty').max(100),
  email: z.preprocess(blankToUndefined, z.email('must be an email address').max(320).optional()),
  phone: z.preprocess(blankToUndefined, z.string().trim().regex(/^\+?[\d\s\-()]{5,30}$/, 'must be a phone number').optional()),
  title: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().trim().min(1, 'must not be empty').max(10_000),
  categoryId: z.preprocess(blankToUndefined, Uuid.optional()),
  customFields: z.record(z.string().max(64), z.unknown()).optional(),
  attachments: z.array(Attachment).max(5).optional(),
  website: z.string().max(2000).optional().describe('Honeypot: must stay empty'),
  locale: Locale.optional(),
  sessionId: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).describe("The visitor's portal session (for the deflection rate)"),
  asset: z.preprocess(blankToUndefined, AssetToken.optional()).describe('扫码报修: the token of the asset QR label that was scanned; the request gets the asset, its location and owner'),
});
export type SubmitRequestInput = z.infer<typeof SubmitRequestBody>;

export const SubmittedRequestSchema = z
  .object({
    number: z.number().nullable().describe('null while the request is still being registered: track it with the reference'),
    reference: z.string(),
    queryCode: z.string(),
    sentTo: z.array(z.enum(['email', 'sms'])).describe('Where the number and code were also sent'),
  })
  .meta({ id: 'PortalSubmitted' });

export const AccessBody = z.strictObject({
  code: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()).describe('The query code; without it, the signed-in customer\'s session'),
  locale: Locale.optional(),
});
export const ReplyBody = AccessBody.extend({ body: z.string().trim().min(1, 'must not be empty').max(10_000), attachments: z.array(Attachment).max(5).optional() });
export const ReopenBody = AccessBody.extend({ body: z.preprocess(blankToUndefined, z.string().trim().max(10_000).optional()) });

const FileSchema = z.object({ id: Uuid, filename: z.string(), contentType: z.string(), size: z.number() });
export const TrackedRequestSchema = z
  .object({
    number: z.number().nullable(),
    reference: z.string(),
    title: z.string().nullable(),
    status: z.string(),
    statusText: z.string().describe("The status in the customer's words"),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    expected: z.object({ kind: z.enum(['reply', 'resolution']), source: z.enum(['sla', 'history']), minutes: z.number(), text: z.string() }).nullable(),
    visit: z.object({ windowStart: z.string(), windowEnd: z.string(), text: z.string() }).nullable().describe('The visit booked with the customer (预约上门) while the request is open'),
    canConfirm: z.boolean(),
    canReopen: z.boolean(),
    canReply: z.boolean(),
    messages: z.array(z.object({ id: Uuid, from: z.enum(['agent', 'customer']), authorName: z.string().nullable(), body: z.string(), text: z.string(), at: z.string(), files: z.array(FileSchema) })),
    files: z.array(FileSchema).describe('Files sent with the request itself'),
    survey: z
      .object({ id: Uuid, npsAsked: z.boolean(), open: z.boolean().describe('It may be answered now'), answer: z.object({ score: z.number(), nps: z.number().nullable(), comment: z.string().nullable() }).nullable() })
      .nullable()
      .describe('The satisfaction survey of the latest resolution, when there is one'),
  })
  .meta({ id: 'PortalTrackedRequest' });
export const RateRequestBody = AccessBody.extend({ score: z.number().int().min(1).max(5), nps: z.number().int().min(0).max(10).optional(), comment: z.string().max(2000).optional() });

export const SignInBody = z.strictObject({
  email: z.preprocess(blankToUndefined, z.email('must be an email address').max(320).optional()),
  phone: z.preprocess(blankToUndefined, z.string().trim().regex(/^\+?[\d\s\-()]{5,30}$/, 'must be a phone number').optional()),
  locale: Locale.optional(),
});
export const VerifyBody = z.strictObject({
  email: z.preprocess(blankToUndefined, z.email().max(320).optional()),
  phone: z.preprocess(blankToUndefined, z.string().trim().max(30).optional()),
  code: z.preprocess(blankToUndefined, z.string().trim().max(12).optional()).describe('The 6-digit code (with email or phone)'),
  token: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).describe("The emailed link's token"),
});
export const SignedInSchema = z.object({ name: z.string() }).meta({ id: 'PortalCustomer' });
export const SignInSentSchema = z.object({ sent: z.literal(true), via: z.enum(['email', 'sms']) }).meta({ id: 'PortalSignInSent' });
export const MyRequestsSchema = z
  .object({ items: z.array(z.object({ number: z.number(), title: z.string(), status: z.string(), statusText: z.string(), channel: z.string(), createdAt: z.string(), updatedAt: z.string() })) })
  .meta({ id: 'PortalMyRequests' });

const Session = z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).describe("The visitor's portal session id (a random id the page keeps), for the deflection rate");
export const HelpQuery = z.strictObject({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  categoryId: z.preprocess(blankToUndefined, Uuid.optional()).describe('A knowledge category'),
  suggest: z.enum(['true', 'false']).optional().describe('true: suggestions while typing a request (not recorded as a search)'),
  limit: z.coerce.number().int().min(1).max(50).optional(),
  session: Session,
});
export const ArticleParams = SlugParams.extend({ id: Uuid });
export const SessionQuery = z.strictObject({ session: Session });
export const HelpSchema = z
  .object({
    categories: z.array(z.object({ id: Uuid, name: z.string(), description: z.string(), count: z.number() })),
    hits: z.array(z.object({ articleId: Uuid, title: z.string(), titleHtml: z.string().nullable(), snippet: z.string().nullable().describe('HTML-escaped, matches in <mark>'), categoryId: Uuid.nullable() })),
  })
  .meta({ id: 'PortalHelp' });
export const HelpArticleSchema = z
  .object({ id: Uuid, title: z.string(), bodyHtml: z.string(), categoryId: Uuid.nullable(), tags: z.array(z.string()), helpful: z.number(), notHelpful: z.number(), updatedAt: z.string() })
  .meta({ id: 'PortalHelpArticle' });
export const RateBody = z.strictObject({ helpful: z.boolean(), comment: z.string().max(2000).optional(), session: Session });
export const EventBody = z.strictObject({ kind: z.literal('request_started'), session: z.string().trim().min(1).max(100) });
