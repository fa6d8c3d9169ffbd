import { AppError, forbidden, invalid } from '../../platform/errors';
import { plainText, sanitizeRichText } from '../../platform/text/sanitize';
import type { Actor } from '../identity';

// The rules of an article: its states and who may move it, its body, tags and audience. Pure.

export const ARTICLE_STATES = ['draft', 'in_review', 'published', 'retired'] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];
export const AUDIENCES = ['public', 'internal', 'organization'] as const;
export type Audience = (typeof AUDIENCES)[number];
export type WorkflowAction = 'submit' | 'approve' | 'reject' | 'retire';

/** The default review period: an article untouched for a quarter is due for review. */
export const DEFAULT_REVIEW_AFTER_DAYS = 90;
export const MAX_REVIEWERS = 5;
export const MAX_TAGS = 20;

const FROM: Record<WorkflowAction, ArticleState[]> = {
  submit: ['draft'],
  approve: ['in_review'],
  reject: ['in_review'],
  retire: ['draft', 'in_review', 'published'],
};
const TO: Record<WorkflowAction, ArticleState> = { submit: 'in_review', approve: 'published', reject: 'draft', retire: 'retired' };

/** The state after the action, or INVALID_TRANSITION saying what the article is now. */
export function nextState(state: ArticleState, action: WorkflowAction): ArticleState {
  if (!FROM[action].includes(state))
    throw new AppError('INVALID_TRANSITION', `An article that is ${state} cannot be ${action === 'submit' ? 'submitted' : `${action}d`}; it must be ${FROM[action].join(' or ')}`, { field: 'state' });
  return TO[action];
}

export interface ArticleFacts {
  state: ArticleState;
  author_id: string | null;
  reviewer_ids: string[];
}

const isManagerRole = (a: Actor) => a.role === 'admin' || a.role === 'supervisor';

/** Drafts and articles in review: their author or a manager; published ones: managers; retired: nobody. */
export function assertMayEdit(actor: Actor, a: ArticleFacts): void {
  if (a.state === 'retired') throw new AppError('INVALID_TRANSITION', 'A retired article cannot be changed', { field: 'state' });
  if (isManagerRole(actor)) return;
  if (a.state === 'published') throw forbidden('Only admins and supervisors change a published article; write a new draft or ask one of them');
  if (actor.role !== 'agent' || a.author_id !== actor.id) throw forbidden('Only the author, a supervisor or an admin changes this draft');
}

/** Submit: the author or a manager. Approve or reject: a named reviewer or an admin. Retire: the author, a supervisor or an admin. */
export function assertMayAct(actor: Actor, a: ArticleFacts, action: WorkflowAction): void {
  const isAuthor = actor.id !== null && a.author_id === actor.id;
  if (action === 'submit' || action === 'retire') {
    if (isAuthor || isManagerRole(actor)) return;
    throw forbidden(`Only the author, a supervisor or an admin may ${action} this article`);
  }
  if (actor.role === 'admin' || (actor.id !== null && a.reviewer_ids.includes(actor.id))) return;
  throw forbidden('Only a named reviewer or an admin may review this article');
}

/** The reviewers named on submission: 1 to 5 distinct people, not the submitter alone. */
export function checkReviewers(actor: Actor, ids: string[]): string[] {
  const unique = [...new Set(ids)];
  if (!unique.length) throw invalid('reviewerIds', 'Name at least one reviewer', 'required');
  if (unique.length > MAX_REVIEWERS) throw invalid('reviewerIds', `Name at most ${MAX_REVIEWERS} reviewers`, 'too_many');
  if (unique.length === 1 && unique[0] === actor.id) throw invalid('reviewerIds', 'Name someone other than yourself to review', 'not_allowed');
  return unique;
}

/** The body as stored: sanitised rich text and its plain text; it must say something. */
export function articleBody(input: string): { html: string; text: string } {
  const html = sanitizeRichText(input);
  const text = plainText(html).trim();
  if (!text && !/<img\b/i.test(html)) throw invalid('bodyHtml', 'The article is empty: write its text', 'empty');
  return { html, text };
}

/** Tags trimmed, without duplicates (case-insensitively), at most 20 of at most 50 characters. */
export function articleTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const t = raw.trim();
    if (!t || seen.has(t.toLowerCase())) continue;
    if (t.length > 50) throw invalid('tags', `The tag "${t.slice(0, 20)}…" is longer than 50 characters`, 'too_long');
    seen.add(t.toLowerCase());
    out.push(t);
  }
  if (out.length > MAX_TAGS) throw invalid('tags', `An article has at most ${MAX_TAGS} tags`, 'too_many');
  return out;
}

/** An organization audience needs the organization; other audiences have none. */
export function audienceOrganization(audience: Audience, organizationId: string | null | undefined): string | null {
  if (audience !== 'organization') return null;
  if (!organizationId) throw invalid('organizationId', 'Choose the customer organization that may read the article', 'required');
  return organizationId;
}

/** Published and its content unchanged for the review period. */
export function isDueForReview(a: { state: ArticleState; content_updated_at: Date }, now: Date, reviewAfterDays: number): boolean {
  return a.state === 'published' && now.getTime() - a.content_updated_at.getTime() >= reviewAfterDays * 86_400_000;
}

/** The oldest content change time that is not yet due. */
export const reviewCutoff = (now: Date, reviewAfterDays: number) => new Date(now.getTime() - reviewAfterDays * 86_400_000);

/** Whether a reader of this audience may see the article (public readers: public ones, and their organization's). */
export function visibleTo(a: { audience: Audience; organization_id: string | null }, reader: { audience: 'public' | 'internal'; organizationId?: string | null }): boolean {
  if (reader.audience === 'internal') return true;
  if (a.audience === 'public') return true;
  return a.audience === 'organization' && !!reader.organizationId && a.organization_id === reader.organizationId;
}
