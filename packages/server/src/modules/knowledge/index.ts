// Knowledge base (知识库): articles with versions and a review workflow, categories, ratings, views,
// files, "turn this solved ticket into an article" and the knowledge gaps. Other modules use only this surface.
export { knowledgeRoutes } from './routes';
export { readPublishedArticle, recordArticleView, rateArticle, listKbCategories } from './read-published-article';
export type { PublishedArticle, Reader } from './read-published-article';
export { readPublishedArticleFile, articleFileBytes } from './article-files';
export { createArticle } from './create-article';
export type { ArticleInput } from './create-article';
export { submitArticle } from './submit-article';
export { approveArticle } from './approve-article';
export { createKbCategory } from './manage-categories';
export type { ArticleView } from './article-view';
export { ARTICLE_STATES, AUDIENCES } from './article-rules';
export type { ArticleState, Audience } from './article-rules';
export { listPublishedArticles } from './read-published-list';
export { articleCountsByState } from './read-article-counts';
