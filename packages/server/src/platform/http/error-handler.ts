import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, httpStatusOf, isFieldIssueCode, type FieldIssue } from '../errors';

// The one place where errors become HTTP: {"error": {"code", "message", "field", "details"}}.
type ZodIssueish = { keyword: string; instancePath: string; message: string; params: Record<string, unknown> };

function fieldIssues(context: string | undefined, issues: ZodIssueish[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const i of issues) {
    const path = i.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (i.keyword === 'unrecognized_keys') {
      for (const k of (i.params.keys as string[]) ?? [])
        out.push({ field: path ? `${path}.${k}` : k, code: 'unknown_field', message: `Unknown field "${k}"${context === 'querystring' ? ' in the query' : ''}; remove it` });
      continue;
    }
    const expected = i.params.expected ? ` (expected ${String(i.params.expected)})` : '';
    out.push({ field: path || context || 'body', code: isFieldIssueCode(i.keyword) ? i.keyword : 'invalid', message: `${path || context}: ${i.message}${expected}` });
  }
  return out;
}

export function toErrorBody(err: AppError) {
  return { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), ...(err.details ? { details: err.details } : {}) } };
}

// busboy's words for a multipart body that is cut off or not multipart at all
const BROKEN_MULTIPART = /^(Unexpected end of (multipart data|form)|Malformed part header|Multipart: Boundary not found|Part terminated early|Malformed urlencoded form)/;

/**
 * A database refusal caused by a value the client sent (class 22 "data exception": a date or number out
 * of range, text it cannot store; class 23 "integrity constraint"). Validation at the boundary should
 * have caught it; this keeps a value it missed a 4xx (logged, so the boundary can be tightened).
 */
function databaseRefusal(e: { code?: unknown; severity?: unknown; message?: string }): AppError | null {
  if (typeof e.code !== 'string' || typeof e.severity !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return null;
  if (e.code === '23505') return new AppError('CONFLICT', 'This already exists (a unique value is taken); change it or use the existing one');
  if (e.code === '23503') return new AppError('VALIDATION_FAILED', 'The request refers to something that does not exist (or no longer exists)');
  if (e.code.startsWith('22') || e.code.startsWith('23'))
    return new AppError('VALIDATION_FAILED', `A value in the request cannot be stored: ${e.message ?? e.code}; correct it and send again`);
  return null;
}

export function mapError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const refused = databaseRefusal(err as { code?: unknown; severity?: unknown; message?: string });
  if (refused) return refused;
  const e = err as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const details = fieldIssues(e.validationContext, e.validation as unknown as ZodIssueish[]);
    return new AppError('VALIDATION_FAILED', details[0]?.message ?? 'Invalid request', { field: details[0]?.field, details });
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('MALFORMED_JSON', 'The request body is not valid JSON', { field: 'body' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON', 'The request body is empty; send a JSON object', { field: 'body' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('BODY_TOO_LARGE', 'The request body is too large', { field: 'body' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json', { field: 'content-type' });
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('ATTACHMENT_TOO_LARGE', 'The file is too large', { field: 'file' });
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload files as multipart/form-data', { field: 'content-type' });
  }
  if (e instanceof Error && BROKEN_MULTIPART.test(e.message))
    return new AppError('VALIDATION_FAILED', `The multipart body is malformed or cut off (${e.message}); send a complete multipart/form-data body`, { field: 'body' });
  if (e.code === 'FST_ERR_BAD_URL') return new AppError('VALIDATION_FAILED', 'The URL is not valid (a path segment is not valid percent-encoded UTF-8)', { field: 'path' });
  if (e instanceof SyntaxError && e.statusCode === 400) return new AppError('MALFORMED_JSON', 'The request body is not valid JSON', { field: 'body' });
  if (e.statusCode === 429) return new AppError('RATE_LIMITED', 'Too many requests; slow down');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('VALIDATION_FAILED', e.message);
  return new AppError('INTERNAL', 'Something went wrong on our side; the request was not applied');
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const mapped = mapError(err);
  if (mapped.code === 'INTERNAL') req.log.error({ err }, 'unhandled error');
  else if (err !== mapped && !(err instanceof AppError) && (err as { severity?: unknown }).severity) req.log.warn({ err }, 'database refused a value the boundary let through');
  if (mapped.retryAfterSeconds !== undefined) reply.header('retry-after', String(mapped.retryAfterSeconds));
  reply.status(httpStatusOf[mapped.code]).send(toErrorBody(mapped));
}
