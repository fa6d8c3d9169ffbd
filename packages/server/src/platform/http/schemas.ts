import type { Readable } from 'node:stream';
import { z } from 'zod';

// Shared request/response pieces; the same zod schemas validate requests and generate the OpenAPI document.
export const Uuid = z.uuid({ message: 'must be a UUID' });
export const IdParams = z.strictObject({ id: Uuid });

/** A query parameter given as a list: repeated (?s=a&s=b) or comma separated (?s=a,b); at most `max` items when given. */
export function listParam<T extends z.ZodType>(item: T, max?: number) {
  return z.preprocess((v) => {
    if (v === undefined) return undefined;
    const arr = Array.isArray(v) ? v : [v];
    return arr.flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
  }, (max === undefined ? z.array(item).min(1) : z.array(item).min(1).max(max)).optional());
}

export const Limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);
// years a ticket system can mean (PostgreSQL would refuse a five-digit year's ISO form, and year 0 is not one)
export const DateParam = z.coerce
  .date({ message: 'must be an ISO-8601 date or date-time' })
  .refine((d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 9999, { message: 'must be a date between the years 1900 and 9999' })
  .meta({ type: 'string', description: 'ISO-8601 date or date-time, years 1900-9999' });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    details: z
      .array(
        z.object({
          field: z.string(),
          code: z.string(),
          message: z.string(),
          value: z.string().optional().describe('the value at fault as given, when worth quoting'),
          ownerId: z.string().optional().describe('identity_taken: id of the contact that has the identity'),
          ownerName: z.string().optional().describe('identity_taken: name of that contact'),
        }),
      )
      .optional(),
  }),
}).meta({ id: 'ErrorBody' });

/**
 * The errors any operation can answer, with their statuses: 400 a refused request (validation, text that
 * cannot be stored, malformed JSON), 401 no or a wrong credential, 403 not allowed, 404 not found, 409 a
 * conflict, 422 an idempotency key reused with another body, 429 too many requests; and, where a request
 * has a body, 408 a body that stopped arriving, 413 too large and 415 an unsupported media type.
 * `documentStandardResponses` adds them to every documented route, so a route declares only its success
 * response (and errors of its own).
 */
export const errorResponses = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody };
export const bodyErrorResponses = { 408: ErrorBody, 413: ErrorBody, 415: ErrorBody };

/** A documented-elsewhere object response (keeps typing open where no schema is declared yet). */
export const AnyObject = z.looseObject({});
export const ok = (schema: z.ZodType = AnyObject) => ({ 200: schema, ...errorResponses });
export const created = (schema: z.ZodType = AnyObject) => ({ 201: schema, ...errorResponses });
/** 204 and no body (type "null" tells the OpenAPI generator to document no content). */
export const noContent = () => ({ 204: z.void().meta({ type: 'null', description: 'Done; no content' }), ...errorResponses });
/** The bytes of a file as a handler sends them. */
const FileBytes = z.custom<Buffer | Readable | string>(() => true).meta({ type: 'string', format: 'binary' });
/** 200 with the bytes of a file, of one of these media types (a range such as image/* is allowed). */
export const file = (description: string, mediaTypes: string[] = ['application/octet-stream']) => ({
  200: { description, content: Object.fromEntries(mediaTypes.map((t) => [t, { schema: FileBytes }])) },
  ...errorResponses,
});
