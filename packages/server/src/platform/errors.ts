// Domain errors carry a stable code; the HTTP layer maps codes to statuses in one place.
// Every code is listed once here: the console has words for each (packages/web/src/i18n, checked by
// its error-codes test), so a code added here without them fails that test.
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'INVALID_TEXT',
  'BODY_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'REQUEST_TIMEOUT',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'IDEMPOTENCY_KEY_REUSED',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TYPE_NOT_ALLOWED',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
  /** the offending value as given, when worth quoting (e.g. the category name an import found no category for) */
  value?: string;
  /** identity_taken: the contact that already has the identity (only for those who may see contacts) */
  ownerId?: string;
  ownerName?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: FieldIssue[];
  /** RATE_LIMITED: when to try again; the HTTP layer sends it as Retry-After */
  readonly retryAfterSeconds?: number;
  constructor(code: ErrorCode, message: string, opts: { field?: string; details?: FieldIssue[]; retryAfterSeconds?: number } = {}) {
    super(message);
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export const notFound = (what: string, field?: string) =>
  new AppError('NOT_FOUND', `${what} not found`, { field });

export const forbidden = (message = 'You are not allowed to do this') => new AppError('FORBIDDEN', message);

export const invalid = (field: string, message: string, code = 'invalid', value?: string) =>
  new AppError('VALIDATION_FAILED', message, { field, details: [{ field, code, message, ...(value !== undefined ? { value } : {}) }] });

/** Validation failed on these fields; the first one leads the message. */
export const fieldsInvalid = (issues: FieldIssue[]) =>
  new AppError('VALIDATION_FAILED', issues[0].message, { field: issues[0].field, details: issues });

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  INVALID_TEXT: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  REQUEST_TIMEOUT: 408,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_NOT_ALLOWED: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};
