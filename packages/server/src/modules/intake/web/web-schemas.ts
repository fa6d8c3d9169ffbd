import { z } from 'zod';
import { Uuid } from '../../../platform/http/schemas';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const FormKeyParams = z.strictObject({ key: z.string().trim().min(1).max(100) });

export const WebFormSchema = z
  .object({
    key: z.string(),
    title: z.string().describe('Heading of the form'),
    token: z.string().describe('Send back as "token" with the submission (proves the form was loaded a few seconds before)'),
    minFillSeconds: z.number(),
    honeypotField: z.literal('website').describe('A field to hide from people and leave empty; a submission that fills it is refused'),
    categories: z.array(z.object({ id: z.string(), name: z.string() })),
    fields: z.array(z.object({ name: z.string(), required: z.boolean(), maxLength: z.number() })),
  })
  .meta({ id: 'WebForm' });

export const SubmitTicketBody = z.strictObject({
  key: z.string().trim().min(1).max(100).describe('The public key of the web form (wf_…)'),
  token: z.preprocess(blankToUndefined, z.string().max(200).optional()).describe('The token of GET /api/v1/public/forms/{key}'),
  submissionId: z
    .preprocess(blankToUndefined, z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only').optional())
    .describe('Your id of this submission (a UUID): sending it again never makes a second ticket and answers with the same number and code'),
  name: z.string().trim().min(1, 'must not be empty').max(100),
  email: z.preprocess(blankToUndefined, z.email('must be an email address').max(320).optional()),
  phone: z.preprocess(blankToUndefined, z.string().trim().regex(/^\+?[\d\s\-()]{5,30}$/, 'must be a phone number').optional()),
  title: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().trim().min(1, 'must not be empty').max(10_000),
  category: z.preprocess(blankToUndefined, z.string().max(100).optional()).describe('One of the form\'s category ids'),
  website: z.string().max(2000).optional().describe('Honeypot: must stay empty'),
  fields: z
    .record(z.string().max(64), z.union([z.string().max(2000), z.number(), z.boolean()]))
    .refine((o) => Object.keys(o).length <= 30, 'at most 30 fields')
    .optional()
    .describe('More answers of your own form, added to the description as "name: value" lines'),
});
export type SubmitTicketInput = z.infer<typeof SubmitTicketBody>;

export const SubmittedSchema = z.object({ ticketId: Uuid, number: z.number(), queryCode: z.string() }).meta({ id: 'WebSubmission' });
export const AcceptedSchema = z
  .object({ reference: Uuid.describe('Track with this until the ticket number is known'), queryCode: z.string() })
  .meta({ id: 'WebSubmissionAccepted' });

export const TrackParams = z.strictObject({ ref: z.string().trim().min(1).max(64).describe('The ticket number, or the reference of a 202 answer') });
export const TrackQuery = z.strictObject({ key: z.string().trim().min(1).max(100), code: z.string().trim().min(1).max(40) });
export const TrackBody = TrackQuery.extend({ ref: TrackParams.shape.ref });

export const TrackedSchema = z
  .object({
    number: z.number().nullable(),
    reference: Uuid,
    status: z.string().describe('The ticket status, or "received" while the submission is being processed'),
    title: z.string().nullable(),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
    replies: z.array(z.object({ from: z.enum(['agent', 'customer']), authorName: z.string().nullable(), body: z.string(), text: z.string(), at: z.string() })),
  })
  .meta({ id: 'TrackedTicket' });
