import { allOf, type Schema } from '../api/contract';

// The knowledge base API's shapes as the console uses them: aliases of the generated contract.

export type KbArticle = Schema<'KbArticle'>;
export type KbArticleListItem = Schema<'KbArticleListItem'>;
export type KbCategory = Schema<'KbCategory'>;
export type KbVersion = Schema<'KbVersion'>;
export type KbDiff = Schema<'KbDiff'>;
export type KbGaps = Schema<'KbGaps'>;
export type KbFile = Schema<'KbFile'>;
export type KbSearchHit = Schema<'KbSearchHit'>;
export type KbSynonym = Schema<'KbSynonym'>;
export type KbState = KbArticle['state'];
export type KbAudience = KbArticle['audience'];
export const KB_STATES = allOf<KbState>()(['draft', 'in_review', 'published', 'retired']);
export const KB_AUDIENCES = allOf<KbAudience>()(['public', 'internal', 'organization']);

export interface KbArticleBody {
  title: string;
  bodyHtml: string;
  categoryId?: string | null;
  tags?: string[];
  audience?: KbAudience;
  organizationId?: string | null;
  version?: number;
}

export interface KbListFilter {
  state?: KbState;
  categoryId?: string;
  audience?: KbAudience;
  dueForReview?: boolean;
  reviewer?: 'me';
  q?: string;
  limit?: number;
  offset?: number;
}
