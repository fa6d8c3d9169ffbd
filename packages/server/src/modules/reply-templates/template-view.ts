import type { ReplyTemplateRow } from './template-repository';

// The API shape of a reply template.
export function toTemplateView(t: ReplyTemplateRow) {
  return {
    id: t.id,
    name: t.name,
    body: t.body,
    categoryId: t.category_id,
    createdBy: t.created_by,
    createdAt: t.created_at.toISOString(),
    updatedAt: t.updated_at.toISOString(),
  };
}
export type ReplyTemplateView = ReturnType<typeof toTemplateView>;
