import type { TFunction } from 'i18next';
import { ApiError, type FieldIssue } from '../api/client';
import { currentLanguage } from '../i18n';

// Turns API errors into plain words: a message per form field at fault, the rest as one line.

export interface FormFieldError {
  name: (string | number)[];
  errors: string[];
}

/** The ticket fields resolving may require, by the label the console gives them. */
const RESOLVE_FIELD_LABEL: Record<string, string> = { resolution: 'field.resolution', categoryId: 'field.category', assigneeId: 'field.assignee' };

/** The fields a refused resolve still needs (the server's required_to_resolve issues), or none. */
export function missingToResolve(err: unknown): string[] {
  return err instanceof ApiError ? err.details.filter((d) => d.code === 'required_to_resolve').map((d) => d.field) : [];
}

/** "解决前还需要填写：解决说明、分类" for the fields of a refused resolve. */
export const resolveNeedsMessage = (fields: string[], t: TFunction) => t('errors.resolveNeeds', { fields: fields.map((f) => t(RESOLVE_FIELD_LABEL[f] ?? f, { defaultValue: f })).join('、') });

/** The sentence for an error as a whole, in the interface language. */
export function errorMessage(err: unknown, t: TFunction): string {
  // the server's message is English and technical: never shown as the sentence itself
  const needs = missingToResolve(err);
  if (needs.length) return resolveNeedsMessage(needs, t);
  if (err instanceof ApiError) return t(`errors.${err.code}`, { defaultValue: t('errors.unknownCode', { code: err.code }) });
  return t('errors.generic');
}

/** Why one ticket of a bulk change was left as it was: what resolving it still needs, else its error's words. */
export function bulkFailureMessage(error: { code: string; message: string; missing?: string[] }, t: TFunction): string {
  if (error.missing?.length) return resolveNeedsMessage(error.missing, t);
  return errorMessage(new ApiError(0, error.code, error.message), t);
}

/**
 * The sentence for what went wrong with a channel message (a quarantined inbound message, a reply
 * that could not be delivered): the intake's words for the code, else the API's, else a generic one.
 */
export function channelErrorMessage(code: string, t: TFunction): string {
  return t(`intake.errors.${code}`, { defaultValue: '' }) || t(`errors.${code}`, { defaultValue: '' }) || t('intake.errors.unknown', { code });
}

/** The language a t speaks: a fixed t's own (i18n.getFixedT('en')), else the interface's. */
const languageOf = (t: TFunction) => ((t as { lng?: unknown }).lng === 'en' ? 'en' : (t as { lng?: unknown }).lng === 'zh-CN' ? 'zh-CN' : currentLanguage());

/**
 * The words for one field issue, from its code and field: errors.issue.<code>_<field> (the field's last
 * part, e.g. required_to_resolve_resolution) when the console has words for that field, else
 * errors.issue.<code>; a whole-error code (NOT_FOUND on a field) has its errors.* words. A code the
 * console has no words for: a generic sentence — the server's message is English, shown only in English.
 */
export function issueMessage(issue: FieldIssue, t: TFunction): string {
  const byIssue = t(`errors.issue.${issue.code}`, { context: issue.field.split('.').pop(), defaultValue: '' });
  if (byIssue) return byIssue;
  const byCode = t(`errors.${issue.code}`, { defaultValue: '' });
  if (byCode && issue.code !== 'VALIDATION_FAILED' && typeof byCode === 'string') return byCode;
  // the server's message starts with "path: " for validation issues; the field already says where
  return languageOf(t) === 'en' && issue.message ? issue.message.replace(/^[\w.]+: /, '') : t('errors.issueGeneric');
}

export const fieldPath = (field: string): (string | number)[] => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * The words for an issue no field of the form can show (the policy form's `weights`, a skill name in a
 * matrix): the console's words for that code and field when it has them (errors.issue.<code>_<field>),
 * else in English the server's message (its explanation), else the code's words; null when those say
 * nothing more than the error's own sentence.
 */
function unplacedIssueMessage(issue: FieldIssue, t: TFunction): string | null {
  const own = t(`errors.issue.${issue.code}_${issue.field.split('.').pop()}`, { defaultValue: '' });
  if (own) return own;
  if (languageOf(t) === 'en' && issue.message) return issue.message.replace(/^[\w.]+: /, '');
  const words = issueMessage(issue, t);
  return words === t('errors.issueGeneric') || words === t('errors.issue.invalid') || words === t('errors.issue.custom') ? null : words;
}

/**
 * The sentence for an error with what its issues say: "填写的内容有误：至少要有一项权重大于 0", not the
 * bare "填写的内容有误" (`issues`: those to explain, by default all of the error's).
 */
export function explainedErrorMessage(err: unknown, t: TFunction, issues?: FieldIssue[]): string {
  const head = errorMessage(err, t);
  if (!(err instanceof ApiError) || missingToResolve(err).length) return head;
  const words = [...new Set((issues ?? err.fieldIssues()).map((i) => unplacedIssueMessage(i, t)).filter((w): w is string => !!w && w !== head))];
  return words.length ? t('app.labelValue', { label: head, value: words.join(t('app.clauseSep')) }) : head;
}

/**
 * Splits an error into messages for the form's fields (known: the form's field paths, as "a.b") and
 * a general message for anything else: what the issues no field shows say, not only "填写的内容有误".
 */
export function mapErrorToFields(
  err: unknown,
  t: TFunction,
  known: string[],
  /** Words of the form's own for an issue (e.g. an identity that belongs to someone else); null: the usual words. */
  describe?: (issue: FieldIssue) => string | null,
): { fields: FormFieldError[]; general: string | null } {
  if (!(err instanceof ApiError)) return { fields: [], general: errorMessage(err, t) };
  const fields: FormFieldError[] = [];
  const unplaced: FieldIssue[] = [];
  for (const issue of err.fieldIssues()) {
    const target = known.find((k) => issue.field === k || issue.field.startsWith(`${k}.`));
    if (!target) {
      unplaced.push(issue);
      continue;
    }
    const existing = fields.find((f) => f.name.join('.') === target);
    const msg = describe?.(issue) ?? issueMessage(issue, t);
    if (existing) existing.errors.push(msg);
    else fields.push({ name: fieldPath(target), errors: [msg] });
  }
  const general = unplaced.length ? explainedErrorMessage(err, t, unplaced) : !fields.length ? errorMessage(err, t) : null;
  return { fields, general };
}
