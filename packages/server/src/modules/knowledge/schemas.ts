import { z } from 'zod';
import { Limit, Uuid } from '../../platform/http/schemas';
import { ARTICLE_STATES, AUDIENCES } from './article-rules';

const Iso = z.string().describe('ISO-8601 date-time');
const State = z.enum(ARTICLE_STATES);
const Audience = z.enum(AUDIENCES).describe('public: everyone in the portal; internal: staff only; organization: staff and that customer organization');
const Comment = z.string().max(2000);

export const CreateArticleBody = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(200),
  bodyHtml: z.string().max(500_000).describe('Rich text (the HTML subset of comments; anything else is removed)'),
  categoryId: Uuid.nullable().optional().describe('A knowledge category'),
  tags: z.array(z.string().max(100)).max(50).optional(),
  audience: Audience.optional().describe('internal unless given'),
  organizationId: Uuid.nullable().optional().describe('With audience organization: the organization that may read it'),
});
export const UpdateArticleBody = CreateArticleBody.partial().extend({
  version: z.number().int().min(1).optional().describe('The version the change was made on: a change made meanwhile answers 409'),
});

export const ListArticlesQuery = z.strictObject({
  state: State.optional(),
  categoryId: Uuid.optional(),
  audience: Audience.optional(),
  dueForReview: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('true: published articles unchanged for the review period'),
  reviewer: z.literal('me').optional().describe('me: the articles waiting for my review (我的审核)'),
  author: z.literal('me').optional().describe('me: my articles'),
  tag: z.string().max(100).optional(),
  q: z.string().max(200).optional().describe('A part of the title or text (the ranked search is GET /api/v1/kb/search)'),
  limit: Limit(200, 50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const FileView = z.object({ id: Uuid, filename: z.string(), contentType: z.string(), size: z.number(), url: z.string(), createdAt: Iso }).meta({ id: 'KbFile' });
const ArticleCore = {
  id: Uuid,
  title: z.string(),
  excerpt: z.string().describe('The first 200 characters of the plain text'),
  categoryId: Uuid.nullable(),
  tags: z.array(z.string()),
  audience: Audience,
  organizationId: Uuid.nullable(),
  state: State,
  version: z.number().int(),
  authorId: Uuid.nullable(),
  reviewerIds: z.array(Uuid),
  reviewComment: z.string().nullable(),
  reviewedBy: Uuid.nullable(),
  helpful: z.number().int(),
  notHelpful: z.number().int(),
  views: z.number().int(),
  dueForReview: z.boolean(),
  createdAt: Iso,
  contentUpdatedAt: Iso.describe('The last change of the content: due for review counts from it'),
  updatedAt: Iso,
  publishedAt: Iso.nullable(),
  retiredAt: Iso.nullable(),
};
export const ArticleSchema = z
  .object({ ...ArticleCore, bodyHtml: z.string().describe('Sanitised rich text'), files: z.array(FileView), ticketIds: z.array(Uuid).describe('Tickets it was drafted from or solved') })
  .meta({ id: 'KbArticle' });
export const ArticleListSchema = z.object({ items: z.array(z.object(ArticleCore).meta({ id: 'KbArticleListItem' })), total: z.number().int() });
export const FileSchema = FileView;

export const SubmitBody = z.strictObject({ reviewerIds: z.array(Uuid).min(1).max(5).describe('Who reviews it (agents, supervisors or admins)'), comment: Comment.optional() });
export const ReviewBody = z.strictObject({ comment: Comment.optional() });
export const RejectBody = z.strictObject({ comment: Comment.describe('What the author should change') });
export const RateBody = z.strictObject({ helpful: z.boolean(), comment: Comment.optional() });
export const RatingTotals = z.object({ helpful: z.number().int(), notHelpful: z.number().int() });
export const RatingList = z.object({
  items: z.array(z.object({ id: Uuid, helpful: z.boolean(), comment: z.string(), userId: Uuid.nullable(), contactId: Uuid.nullable(), createdAt: Iso })),
});

const VersionCore = {
  version: z.number().int(),
  action: z.string().describe('created, edited, submitted, approved, rejected or retired'),
  comment: z.string().nullable(),
  state: z.string(),
  title: z.string(),
  categoryId: Uuid.nullable(),
  tags: z.array(z.string()),
  audience: z.string(),
  organizationId: Uuid.nullable(),
  authorId: Uuid.nullable().describe('Who saved it'),
  authorName: z.string(),
  createdAt: Iso,
};
export const VersionList = z.object({ items: z.array(z.object(VersionCore).meta({ id: 'KbVersion' })) });
export const VersionSchema = z.object({ ...VersionCore, bodyHtml: z.string(), bodyText: z.string() });
export const VersionParams = z.strictObject({ id: Uuid, version: z.coerce.number().int().min(1) });
export const DiffQuery = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
const DiffParts = z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() }));
export const DiffSchema = z
  .object({
    from: z.object(VersionCore),
    to: z.object(VersionCore),
    title: DiffParts,
    body: DiffParts.describe('A word diff of the plain text'),
    lines: DiffParts.describe('A line diff of the plain text'),
    stats: z.object({ inserted: z.number().int(), deleted: z.number().int() }),
  })
  .meta({ id: 'KbDiff' });
export const FileParams = z.strictObject({ id: Uuid, fileId: Uuid });

export const CategoryBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  description: z.string().max(1000).optional(),
  position: z.number().int().min(0).max(100_000).optional(),
});
export const CategorySchema = z
  .object({ id: Uuid, name: z.string(), description: z.string(), position: z.number().int(), publishedCount: z.number().int(), createdAt: Iso, updatedAt: Iso })
  .meta({ id: 'KbCategory' });
export const CategoryList = z.object({ items: z.array(CategorySchema) });

export const SettingsBody = z.strictObject({ reviewAfterDays: z.number().int().min(1).max(3650).describe('Days unchanged after which a published article is due for review') });
export const SettingsSchema = z.object({ reviewAfterDays: z.number().int() }).meta({ id: 'KbSettings' });

export const GapsQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(365).default(90),
  minTickets: z.coerce.number().int().min(2).max(100).default(3),
  limit: Limit(100, 20),
});
export const GapList = z
  .object({
    since: Iso,
    ticketsConsidered: z.number().int(),
    items: z.array(
      z.object({
        categoryId: Uuid.nullable(),
        categoryName: z.string().nullable(),
        words: z.array(z.string()),
        count: z.number().int(),
        examples: z.array(z.object({ id: Uuid, number: z.number().int(), title: z.string() })),
      }),
    ),
  })
  .meta({ id: 'KbGaps' });
