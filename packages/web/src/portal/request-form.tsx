import { useEffect, useRef, useState, type FormEvent } from 'react';
import { HitList, type HelpHit } from './help-centre';
import { FilePicker } from './file-picker';
import { failureText, filesTooLarge, multipartForm, portalCall, visitorSession, type PortalCtx } from './portal-api';

interface Submitted { number: number | null; reference: string; queryCode: string; sentTo: string[] }
interface ScannedAsset { name: string | null; serial: string; model: string | null; address: string | null; organizationName: string | null }
const TOKEN = /^[0-9a-f]{32}$/;

/** 扫码报修: the asset of the scanned QR label, shown above the form; the request is sent with it. */
function useScannedAsset(slug: string, token: string | null | undefined) {
  const [asset, setAsset] = useState<ScannedAsset | null | 'gone'>(null);
  useEffect(() => {
    if (!token) return;
    if (!TOKEN.test(token)) return setAsset('gone');
    portalCall<ScannedAsset>(slug, 'GET', `/assets/${token}`)
      .then(setAsset)
      .catch(() => setAsset('gone'));
  }, [slug, token]);
  return asset;
}

/** A new request: the category's form with its custom fields and files. */
export function RequestForm({ ctx, assetToken, onTrack, onArticle }: { ctx: PortalCtx; assetToken?: string | null; onTrack: (ref: string, code: string) => void; onArticle: (id: string) => void }) {
  const { t, config, slug, locale } = ctx;
  const asset = useScannedAsset(slug, assetToken);
  const [categoryId, setCategoryId] = useState(config.categories[0]?.id ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const [fields, setFields] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState<Submitted | null>(null);
  const [suggestions, setSuggestions] = useState<HelpHit[]>([]);
  const started = useRef(false);
  const title = values.title ?? '';
  // while the title is typed: matching articles, 300 ms after the last keystroke; an answer for an
  // older title, or one arriving after the form is gone, is dropped
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      if (title.trim().length < 2) return setSuggestions((s) => (s.length ? [] : s));
      void portalCall<{ hits: HelpHit[] }>(slug, 'GET', `/help?${new URLSearchParams({ q: title, suggest: 'true', limit: '3' })}`)
        .then((r) => r.hits, () => [])
        .then((hits) => live && setSuggestions(hits));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [slug, title]);
  /** The first keystroke of the title records that a request was begun. */
  function onTitle(value: string) {
    setValues((v) => ({ ...v, title: value }));
    if (!started.current) {
      started.current = true;
      void portalCall(slug, 'POST', '/events', { kind: 'request_started', session: visitorSession() }).catch(() => undefined);
    }
  }
  const category = config.categories.find((c) => c.id === categoryId);
  const label = (zh: string, en: string) => (locale === 'en-US' ? en : zh);
  const set = (k: string) => (e: { target: { value: string } }) => setValues({ ...values, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (filesTooLarge(files)) return setError(t.fileTooLarge);
    setBusy(true);
    setError('');
    try {
      const kind = (k: string) => category?.fields.find((f) => f.key === k)?.kind;
      const customFields = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '').map(([k, v]) => [k, kind(k) === 'number' ? Number(v) : kind(k) === 'multiselect' ? [v] : v]));
      const form = multipartForm({ token: config.token, sessionId: visitorSession(), ...values, categoryId: categoryId || undefined, customFields: Object.keys(customFields).length ? customFields : undefined, locale, asset: asset && asset !== 'gone' ? (assetToken ?? undefined) : undefined }, files);
      setDone(await portalCall<Submitted>(slug, 'POST', '/requests', form));
    } catch (err) {
      setError(failureText(err, t));
    } finally {
      setBusy(false);
    }
  }

  if (done)
    return (
      <section className="portal-box" data-testid="portal-submitted">
        <h2>{t.submitted}</h2>
        <p>{t.numberIs}: <b data-testid="portal-number">{done.number ?? done.reference}</b></p>
        <p>{t.codeIs}: <b data-testid="portal-code">{done.queryCode}</b></p>
        <p className="portal-hint">{t.keepCode} {done.sentTo.length > 0 && t.sentTo}</p>
        <button type="button" className="portal-primary" data-testid="portal-track-now" onClick={() => onTrack(String(done.number ?? done.reference), done.queryCode)}>{t.track}</button>
      </section>
    );
  return (
    <form className="portal-box" onSubmit={submit} data-testid="portal-form">
      {asset === 'gone' && <p className="portal-hint" data-testid="portal-asset-gone">{t.assetGone}</p>}
      {asset && asset !== 'gone' && (
        <div className="portal-suggest" data-testid="portal-asset">
          <small className="portal-hint">{t.scannedAsset}</small>
          <p><b>{asset.name ?? asset.serial}</b> {asset.model && <span className="portal-hint">{asset.model}</span>} <span className="portal-hint">{asset.serial}</span></p>
          {asset.address && <p className="portal-hint">{asset.address}</p>}
          {asset.organizationName && <p className="portal-hint">{t.assetOwner}：{asset.organizationName}</p>}
        </div>
      )}
      {config.categories.length > 0 && (
        <label>{t.category}
          <select value={categoryId} onChange={(e) => setCategoryId(e.target.value)} data-testid="portal-category">
            {config.categories.map((c) => <option key={c.id} value={c.id}>{label(c.nameZh, c.nameEn)}</option>)}
          </select>
        </label>
      )}
      <label>{t.title}<input required maxLength={200} onChange={(e) => onTitle(e.target.value)} data-testid="portal-field-title" /></label>
      {suggestions.length > 0 && (
        <div className="portal-suggest" data-testid="portal-suggestions">
          <small className="portal-hint">{t.maybeHelps}</small>
          <HitList hits={suggestions} onOpen={onArticle} />
        </div>
      )}
      <label>{t.description}<textarea required rows={4} onChange={set('description')} data-testid="portal-field-description" /></label>
      {category?.fields.map((f) => (
        <label key={f.key}>{label(f.labelZh, f.labelEn)}{f.required && <span className="portal-hint"> ({t.required})</span>}
          {f.kind === 'select' ? (
            <select required={f.required} onChange={(e) => setFields({ ...fields, [f.key]: e.target.value })} data-testid={`portal-custom-${f.key}`}>
              <option value="">{t.chooseCategory}</option>
              {f.options.map((o) => <option key={o.value} value={o.value}>{label(o.labelZh, o.labelEn)}</option>)}
            </select>
          ) : (
            <input required={f.required} type={f.kind === 'date' ? 'date' : 'text'} onChange={(e) => setFields({ ...fields, [f.key]: e.target.value })} data-testid={`portal-custom-${f.key}`} />
          )}
        </label>
      ))}
      <label>{t.name}<input required maxLength={100} onChange={set('name')} data-testid="portal-field-name" /></label>
      <label>{t.phone}<input type="tel" onChange={set('phone')} data-testid="portal-field-phone" /></label>
      <label>{t.email}<input type="email" onChange={set('email')} data-testid="portal-field-email" /></label>
      <div className="portal-box"><span>{t.attachments}</span><FilePicker t={t} files={files} onChange={setFiles} testId="portal-files" /></div>
      {error && <p className="portal-error" role="alert" data-testid="portal-form-error">{error}</p>}
      <button type="submit" className="portal-primary" disabled={busy || !config.canSubmit} data-testid="portal-submit">{busy ? t.submitting : t.submit}</button>
    </form>
  );
}
