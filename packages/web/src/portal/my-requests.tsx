import { useEffect, useState } from 'react';
import { portalCall, type PortalError, type PortalCtx } from './portal-api';

interface Item { number: number; title: string; statusText: string; channel: string; updatedAt: string }

/** Sign in by an SMS code or an emailed link; then every request of the customer, from every channel. */
export function MyRequests({ ctx, linkToken, onOpen }: { ctx: PortalCtx; linkToken: string | null; onOpen: (n: number) => void }) {
  const { t, slug, locale } = ctx;
  const [me, setMe] = useState<{ name: string } | null | undefined>(undefined);
  const [items, setItems] = useState<Item[]>([]);
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState('');
  const load = () =>
    portalCall<{ name: string }>(slug, 'GET', '/me')
      .then(async (m) => {
        setMe(m);
        setItems((await portalCall<{ items: Item[] }>(slug, 'GET', `/my/requests?locale=${locale}`)).items);
      })
      .catch(() => setMe(null));
  useEffect(() => {
    if (linkToken) portalCall(slug, 'POST', '/sign-in/verify', { token: linkToken }).catch((e: PortalError) => setError(e.message)).finally(load);
    else void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug, locale]);
  const who = () => (address.includes('@') ? { email: address } : { phone: address });

  if (me === undefined) return null;
  if (!me)
    return (
      <section className="portal-box">
        <h2>{t.signIn}</h2>
        <p className="portal-hint">{t.signInHint}</p>
        <input value={address} onChange={(e) => setAddress(e.target.value)} placeholder={`${t.phone} / ${t.email}`} data-testid="portal-signin-address" />
        <button type="button" className="portal-primary" data-testid="portal-signin-send" onClick={() => portalCall(slug, 'POST', '/sign-in', { ...who(), locale }).then(() => setSent(true)).catch((e: PortalError) => setError(e.message))}>{t.sendCode}</button>
        {sent && <p className="portal-hint">{t.codeSent}</p>}
        {sent && !address.includes('@') && (
          <div className="portal-row">
            <input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" maxLength={6} data-testid="portal-signin-code" />
            <button type="button" className="portal-primary" data-testid="portal-signin-verify" onClick={() => portalCall(slug, 'POST', '/sign-in/verify', { ...who(), code }).then(load).catch((e: PortalError) => setError(e.message))}>{t.verify}</button>
          </div>
        )}
        {error && <p className="portal-error" role="alert">{t.error}{error}</p>}
      </section>
    );
  return (
    <section className="portal-box" data-testid="portal-mine">
      <p>{me.name} · <button type="button" className="portal-link" onClick={() => portalCall(slug, 'POST', '/sign-out').then(() => setMe(null))}>{t.signOut}</button></p>
      {items.length === 0 && <p className="portal-hint">{t.noRequests}</p>}
      <ul className="portal-list">
        {items.map((i) => (
          <li key={i.number}><button type="button" className="portal-link" onClick={() => onOpen(i.number)}>#{i.number} {i.title}</button> <small>{i.statusText}</small></li>
        ))}
      </ul>
    </section>
  );
}
