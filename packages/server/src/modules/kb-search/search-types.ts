// The types of kb-search's public surface (see KB-CONTRACT.md): the knowledge module indexes
// articles, the console, the portal and the agent suggestions search them.

export type DocAudience = 'public' | 'internal' | 'organization';

export interface SearchDoc {
  tenantId: string;
  articleId: string;
  title: string;
  /** Plain text of the body. */
  text: string;
  tags: string[];
  categoryId: string | null;
  audience: DocAudience;
  organizationId: string | null;
  updatedAt: Date;
  helpful: number;
  notHelpful: number;
}

export interface SearchInput {
  query: string;
  /** 'public' sees public articles (and the organization's when organizationId is given); 'internal' sees all. */
  audience: 'public' | 'internal';
  organizationId?: string | null;
  categoryId?: string | null;
  /** Default 10, at most 50. */
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  articleId: string;
  title: string;
  /** HTML-escaped, matches in <mark>. */
  snippet: string;
  titleHtml: string;
  categoryId: string | null;
  tags: string[];
  score: number;
  updatedAt: Date;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matching articles: exact up to 100 (or twice offset + limit), an estimate from the term counts beyond. */
  total: number;
  /** The words searched for (after synonyms and corrections), for highlighting elsewhere. */
  terms: string[];
}
