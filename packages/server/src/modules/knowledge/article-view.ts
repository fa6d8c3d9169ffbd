import type { ArticleFile, ArticleRow } from './article-repository';
import { isDueForReview } from './article-rules';

export const fileUrl = (articleId: string, fileId: string) => `/api/v1/kb/articles/${articleId}/files/${fileId}`;

export function toFileView(articleId: string, f: ArticleFile) {
  return { id: f.id, filename: f.filename, contentType: f.contentType, size: f.size, url: fileUrl(articleId, f.id), createdAt: f.createdAt };
}

/** The API shape of an article; `ticketIds` when the caller read its linked tickets. */
export function toArticleView(a: ArticleRow, now: Date, reviewAfterDays: number, ticketIds: string[] = []) {
  return {
    id: a.id,
    title: a.title,
    bodyHtml: a.body_html,
    excerpt: a.body_text.slice(0, 200),
    categoryId: a.category_id,
    tags: a.tags,
    audience: a.audience,
    organizationId: a.organization_id,
    state: a.state,
    version: a.version,
    authorId: a.author_id,
    reviewerIds: a.reviewer_ids,
    reviewComment: a.review_comment,
    reviewedBy: a.reviewed_by,
    files: a.files.map((f) => toFileView(a.id, f)),
    helpful: a.helpful,
    notHelpful: a.not_helpful,
    views: a.views,
    dueForReview: isDueForReview(a, now, reviewAfterDays),
    ticketIds,
    createdAt: a.created_at.toISOString(),
    contentUpdatedAt: a.content_updated_at.toISOString(),
    updatedAt: a.updated_at.toISOString(),
    publishedAt: a.published_at?.toISOString() ?? null,
    retiredAt: a.retired_at?.toISOString() ?? null,
  };
}
export type ArticleView = ReturnType<typeof toArticleView>;

/** A list item: no body. */
export function toArticleListItem(a: ArticleRow, now: Date, reviewAfterDays: number) {
  const { bodyHtml: _body, files: _files, ticketIds: _t, ...rest } = toArticleView(a, now, reviewAfterDays);
  return rest;
}
export type ArticleListItem = ReturnType<typeof toArticleListItem>;
