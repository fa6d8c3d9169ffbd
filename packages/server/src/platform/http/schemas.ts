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
  .refine((d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 9999, { message: 'must be a date between the years 1900 and 9999' });

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
});

export const errorResponses = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 422: ErrorBody };

/** A documented-elsewhere object response (keeps typing open where no schema is declared yet). */
export const AnyObject = z.looseObject({});
export const ok = (schema: z.ZodType = AnyObject) => ({ 200: schema, ...errorResponses });
export const created = (schema: z.ZodType = AnyObject) => ({ 201: schema, ...errorResponses });
