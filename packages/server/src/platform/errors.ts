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
  'DISPATCH_RULE_VIOLATION',
  // a person acting on a job that was theirs: given to someone else (改派), or gone back to dispatch
  'DISPATCH_REASSIGNED',
  'DISPATCH_RETURNED',
  'DISPATCH_NOT_ON_SITE',
  'AUTOMATION_RULE_INVALID',
  'AUTOMATION_CONDITION_INVALID',
  'AUTOMATION_ACTION_INVALID',
  'CALENDAR_NO_WORKING_TIME',
  'CALENDAR_INVALID_INTERVAL',
  'CALENDAR_INTERVALS_OVERLAP',
  'CALENDAR_IMPORT_INVALID',
  'SLA_POLICY_TARGETS_INVALID',
  'CSAT_ALREADY_ANSWERED',
  'CSAT_EXPIRED',
  'FIELD_STEP_OUT_OF_ORDER',
  'FIELD_VISIT_COMPLETED',
  'FIELD_OP_REUSED',
  'STOCK_INSUFFICIENT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The codes of field issues (`details: [{ field, code, message }]`): what is wrong with one field. Like
 * the error codes, each has words in the console (errors.issue.* in packages/web/src/i18n, checked by
 * its error-codes test); FieldIssue.code is typed with this list, so a new code is added here first.
 */
export const FIELD_ISSUE_CODES = [
  // request validation (zod's issue codes, as the error handler passes them on)
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
  'unknown_field',
  // the modules' own rules
  'required',
  'invalid',
  'empty',
  'duplicate',
  'not_found',
  'not_allowed',
  'not_offered',
  'too_long',
  'too_many',
  'one_of',
  'ambiguous',
  'in_future',
  'invalid_email',
  'invalid_time_zone',
  'same_contact',
  'cycle',
  'too_deep',
  'address_taken',
  'identity_taken',
  'required_to_resolve',
  'tenant_required',
  'password_too_short',
  'password_needs_letters_and_digits',
  'password_contains_email',
  'password_too_common',
  'invalid_slug',
  'invalid_cursor',
  'invalid_sort',
  'not_assignable',
  'not_staff',
  'cannot_see_ticket',
  'self_link',
  'not_retryable',
  'not_public',
  'out_of_range',
  'duplicate_field',
  'too_many_fields',
  'too_many_files',
  // text that cannot be stored (platform/text/storable-text.ts)
  'nul',
  'lone_surrogate',
  'invalid_utf8',
  // imports: a row, or the file as a whole
  'before_created',
  'duplicate_in_request',
  'filename_required',
  'no_rows',
  'not_utf8',
  'unreadable',
  'broken_quote',
  'missing_columns',
  'unknown_columns',
  'wrong_type',
  // the public web form
  'spam_suspected',
  'too_many_links',
  'contact_required',
  'unknown_category',
  'token_missing',
  'token_invalid',
  'token_expired',
  'too_fast',
] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];
export const isFieldIssueCode = (code: string): code is FieldIssueCode => (FIELD_ISSUE_CODES as readonly string[]).includes(code);

export interface FieldIssue {
  field: string;
  code: FieldIssueCode;
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

export const invalid = (field: string, message: string, code: FieldIssueCode = 'invalid', value?: string) =>
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
  DISPATCH_RULE_VIOLATION: 409,
  DISPATCH_REASSIGNED: 409,
  DISPATCH_RETURNED: 409,
  DISPATCH_NOT_ON_SITE: 403,
  AUTOMATION_RULE_INVALID: 400,
  AUTOMATION_CONDITION_INVALID: 400,
  AUTOMATION_ACTION_INVALID: 400,
  CALENDAR_NO_WORKING_TIME: 422,
  CALENDAR_INVALID_INTERVAL: 400,
  CALENDAR_INTERVALS_OVERLAP: 400,
  CALENDAR_IMPORT_INVALID: 400,
  SLA_POLICY_TARGETS_INVALID: 400,
  CSAT_ALREADY_ANSWERED: 409,
  CSAT_EXPIRED: 410,
  FIELD_STEP_OUT_OF_ORDER: 409,
  FIELD_VISIT_COMPLETED: 409,
  FIELD_OP_REUSED: 422,
  STOCK_INSUFFICIENT: 409,
  INTERNAL: 500,
};
