import { useEffect, useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { portalEn } from '../i18n/portal.en';
import { portalZhCN } from '../i18n/portal.zh-CN';
import { HelpCentre } from './help-centre';
import { MyRequests } from './my-requests';
import { portalCall, type Locale, type PortalConfig, type PortalCtx } from './portal-api';
import { RequestForm } from './request-form';
import { TrackView } from './track-view';
import './portal.css';


/** /portal/:slug — the tenant's public self-service portal, phone first, without the console's chrome. */
export default function PortalPage() {
  const { slug = '' } = useParams();
  const [search] = useSearchParams();
  // 扫码报修: an asset's QR label opens /portal/<slug>/new?asset=<token>
  const scanned = useLocation().pathname.endsWith('/new') || search.has('asset');
  const [config, setConfig] = useState<PortalConfig | null>(null);
  const [missing, setMissing] = useState(false);
  const [locale, setLocale] = useState<Locale | null>(null);
  const [tab, setTab] = useState<'help' | 'new' | 'track' | 'mine'>(scanned ? 'new' : search.get('ref') ? 'track' : search.get('signin') ? 'mine' : 'help');
  const [articleId, setArticleId] = useState<string | null>(null);
  const [tracking, setTracking] = useState<{ ref: string; code?: string } | null>(null);

  useEffect(() => {
    portalCall<PortalConfig>(slug, 'GET', '')
      .then(setConfig)
      .catch(() => setMissing(true));
  }, [slug]);
  const l: Locale = locale ?? config?.defaultLocale ?? 'zh-CN';
  const t = l === 'en-US' ? portalEn : portalZhCN;
  useEffect(() => {
    document.documentElement.lang = l;
    if (config) document.title = config.title;
  }, [l, config]);

  if (missing) return <div className="portal"><p className="portal-box" data-testid="portal-missing">{t.portalMissing}</p></div>;
  if (!config) return <div className="portal" />;
  const ctx: PortalCtx = { slug, config, t, locale: l };
  const track = (ref: string, code?: string) => {
    setTracking({ ref, code });
    setTab('track');
  };
  return (
    <div className="portal" style={{ ['--portal-color' as string]: config.primaryColor }}>
      <header className="portal-header">
        {config.logoUrl && <img src={config.logoUrl} alt="" className="portal-logo" />}
        <h1 data-testid="portal-title">{config.title}</h1>
        <button type="button" className="portal-link" data-testid="portal-locale" onClick={() => setLocale(l === 'zh-CN' ? 'en-US' : 'zh-CN')}>
          {t.language}
        </button>
      </header>
      <nav className="portal-tabs">
        {(['help', 'new', 'track', 'mine'] as const).map((k) => (
          <button key={k} type="button" data-testid={`portal-tab-${k}`} className={tab === k ? 'active' : ''} onClick={() => { setTab(k); setArticleId(null); }}>
            {k === 'help' ? t.help : k === 'new' ? t.newRequest : k === 'track' ? t.track : t.mine}
          </button>
        ))}
      </nav>
      <main>
        {tab === 'help' && <HelpCentre ctx={ctx} articleId={articleId} onArticle={setArticleId} />}
        {tab === 'new' && <RequestForm ctx={ctx} assetToken={search.get('asset')} onTrack={track} onArticle={(id) => { setArticleId(id); setTab('help'); }} />}
        {tab === 'track' && <TrackView ctx={ctx} initial={tracking ?? { ref: search.get('ref') ?? '' }} />}
        {tab === 'mine' && <MyRequests ctx={ctx} linkToken={search.get('signin')} onOpen={(n) => track(String(n))} />}
      </main>
    </div>
  );
}
