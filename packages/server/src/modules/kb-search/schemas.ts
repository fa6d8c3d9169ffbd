import { z } from 'zod';
import { Limit, Uuid } from '../../platform/http/schemas';

const Iso = z.string().describe('ISO-8601 date-time');
const Word = z.string().trim().min(1, 'must not be empty').max(100);

export const SynonymBody = z.strictObject({
  term: Word.describe('What customers write (登陆, 退钱, 打不开)'),
  synonyms: z.array(Word).min(1, 'give at least one synonym').max(20).describe('What the articles say instead (登录; 退款; 无法打开)'),
});
export const UpdateSynonymBody = SynonymBody.partial();

export const SynonymSchema = z
  .object({ id: Uuid, term: z.string(), synonyms: z.array(z.string()), createdAt: Iso, updatedAt: Iso })
  .meta({ id: 'KbSynonym' });
export const SynonymList = z.object({ items: z.array(SynonymSchema) });

export const KbSearchQuery = z.strictObject({
  q: z.string().max(500).describe('Words to search for (Chinese or English)'),
  categoryId: Uuid.optional(),
  audience: z.enum(['public', 'internal']).default('internal').describe('public: only what customers may read'),
  organizationId: Uuid.optional().describe('With audience public: also that organization’s articles'),
  limit: Limit(50, 10),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
});

export const KbSearchHitSchema = z
  .object({
    articleId: Uuid,
    title: z.string(),
    titleHtml: z.string().describe('The title, HTML-escaped, matches in <mark>'),
    snippet: z.string().describe('Part of the body, HTML-escaped, matches in <mark>'),
    categoryId: Uuid.nullable(),
    tags: z.array(z.string()),
    score: z.number(),
    updatedAt: Iso,
  })
  .meta({ id: 'KbSearchHit' });
export const KbSearchResult = z
  .object({ hits: z.array(KbSearchHitSchema), total: z.number().int(), terms: z.array(z.string()).describe('Words searched for, after synonyms and corrections') })
  .meta({ id: 'KbSearchResult' });
