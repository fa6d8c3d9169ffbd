// Knowledge-base search: the one search the console, the portal, the agent suggestions and
// `gongdan eval retrieve` use. The knowledge module indexes articles in its own transactions.
export type { SearchDoc, SearchInput, SearchHit, SearchResult, DocAudience } from './search-types';
export { indexArticle, indexArticles, removeArticle } from './index-article';
export { updateArticleRatings } from './update-ratings';
export { searchArticles } from './search-articles';
export { linkQuestion } from './link-question';
export { kbSearchRoutes } from './routes';
export { MemoryKb, type MemoryDoc } from './memory-kb';
export { evalKbRetrieve, type KbEvalResult } from './eval-retrieve-kb';
