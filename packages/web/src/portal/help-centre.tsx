import { useEffect, useRef, useState } from 'react';
import { portalCall, visitorSession, type PortalCtx } from './portal-api';

export interface HelpHit { articleId: string; title: string; titleHtml: string | null; snippet: string | null; categoryId: string | null }
interface Help { categories: { id: string; name: string; description: string; count: number }[]; hits: HelpHit[] }
interface Article { id: string; title: string; bodyHtml: string; helpful: number; notHelpful: number }

/** Search, FAQ by category and the article page. */
export function HelpCentre({ ctx, articleId, onArticle }: { ctx: PortalCtx; articleId: string | null; onArticle: (id: string | null) => void }) {
  const { t, slug } = ctx;
  const [q, setQ] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [help, setHelp] = useState<Help | null>(null);
  // only the latest look-up's answer is shown: a slower earlier one (the first list) never replaces a search
  const latest = useRef(0);
  const load = (query: string, cat: string) => {
    const n = ++latest.current;
    const show = (h: Help) => n === latest.current && setHelp(h);
    return portalCall<Help>(slug, 'GET', `/help?${new URLSearchParams({ q: query, categoryId: cat, session: visitorSession() })}`).then(show).catch(() => show({ categories: [], hits: [] }));
  };
  useEffect(() => {
    void load('', '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug]);

  if (articleId) return <ArticlePage ctx={ctx} id={articleId} onBack={() => onArticle(null)} />;
  return (
    <section className="portal-box" data-testid="portal-help">
      <form className="portal-row" onSubmit={(e) => { e.preventDefault(); void load(q, categoryId); }}>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t.searchPlaceholder} data-testid="portal-search" />
        <button type="submit" className="portal-primary" data-testid="portal-search-go">{t.search}</button>
      </form>
      {help && help.categories.length > 0 && (
        <div className="portal-chips">
          {[{ id: '', name: t.allCategories }, ...help.categories].map((c) => (
            <button key={c.id} type="button" className={c.id === categoryId ? 'active' : ''} onClick={() => { setCategoryId(c.id); void load(q, c.id); }}>{c.name}</button>
          ))}
        </div>
      )}
      {help && help.hits.length === 0 && <p className="portal-hint">{t.noArticles}</p>}
      <HitList hits={help?.hits ?? []} onOpen={onArticle} />
    </section>
  );
}

/** Article titles with their highlighted snippets (HTML-escaped by the server, matches in <mark>). */
export function HitList({ hits, onOpen }: { hits: HelpHit[]; onOpen: (id: string) => void }) {
  return (
    <ul className="portal-list" data-testid="portal-hits">
      {hits.map((h) => (
        <li key={h.articleId}>
          <button type="button" className="portal-link" onClick={() => onOpen(h.articleId)}>
            {h.titleHtml ? <span dangerouslySetInnerHTML={{ __html: h.titleHtml }} /> : h.title}
          </button>
          {h.snippet && <small className="portal-hint" dangerouslySetInnerHTML={{ __html: h.snippet }} />}
        </li>
      ))}
    </ul>
  );
}

function ArticlePage({ ctx, id, onBack }: { ctx: PortalCtx; id: string; onBack: () => void }) {
  const { t, slug } = ctx;
  const [a, setA] = useState<Article | null>(null);
  const [rated, setRated] = useState(false);
  useEffect(() => {
    portalCall<Article>(slug, 'GET', `/help/articles/${id}?session=${encodeURIComponent(visitorSession())}`).then(setA).catch(onBack);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug, id]);
  if (!a) return null;
  const rate = (helpful: boolean) => portalCall(slug, 'POST', `/help/articles/${id}/rating`, { helpful, session: visitorSession() }).then(() => setRated(true));
  return (
    <article className="portal-box" data-testid="portal-article">
      <button type="button" className="portal-link" onClick={onBack}>← {t.back}</button>
      <h2>{a.title}</h2>
      {/* sanitised by the knowledge module when saved */}
      <div className="portal-article-body" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
      {rated ? (
        <p className="portal-hint">{t.thanks}</p>
      ) : (
        <div className="portal-row">
          <span>{t.helpfulQ}</span>
          <button type="button" onClick={() => rate(true)} data-testid="portal-helpful">{t.yes}</button>
          <button type="button" onClick={() => rate(false)}>{t.no}</button>
        </div>
      )}
    </article>
  );
}
