import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Space, Spin, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyIcons } from '../../common/quiet-icons';
import { useMapTiles } from '../../dispatch/use-map-tiles';
import { draftOf, formatPosition, siteBody, siteIssue, splitPair, type Site, type SiteBody, type SiteDraft } from './site-geo';

// 上门地址 (a ticket's site): an address and the position, typed as latitude/longitude or clicked on a
// small map. SiteInput is a form control (新建工单); SiteProperty shows a ticket's site with 修改 / 清除.

const SiteMap = lazy(() => import('./site-map'));

interface InputProps {
  value?: SiteDraft;
  onChange?: (v: SiteDraft) => void;
  /** Opens the map at once (the ticket page's editor). */
  mapOpen?: boolean;
}

export function SiteInput({ value, onChange, mapOpen = false }: InputProps) {
  const { t } = useTranslation();
  const [showMap, setShowMap] = useState(mapOpen);
  const v = value ?? {};
  const set = (patch: SiteDraft) => onChange?.({ ...v, ...patch });
  const coordinate = (key: 'lat' | 'lng') => (e: React.ChangeEvent<HTMLInputElement>) => {
    // "39.9087, 116.3975" copied from a map app fills both fields
    const pair = splitPair(e.target.value);
    set(pair ?? { [key]: e.target.value });
  };
  const body = siteBody(v);
  // the tile server when one is configured (MAP_TILE_URL), else the built-in base layer (also while it loads or if it fails)
  const tiles = useMapTiles(showMap);
  return (
    <div data-testid="site-input">
      <Input data-testid="site-address" value={v.address ?? ''} onChange={(e) => set({ address: e.target.value })} placeholder={t('site.addressPlaceholder')} aria-label={t('site.address')} maxLength={500} style={{ marginBottom: 8 }} />
      <Flex gap={8} wrap>
        <Input data-testid="site-lat" value={v.lat ?? ''} onChange={coordinate('lat')} placeholder={t('site.latPlaceholder')} aria-label={t('site.lat')} inputMode="decimal" style={{ flex: '1 1 120px' }} />
        <Input data-testid="site-lng" value={v.lng ?? ''} onChange={coordinate('lng')} placeholder={t('site.lngPlaceholder')} aria-label={t('site.lng')} inputMode="decimal" style={{ flex: '1 1 120px' }} />
        <Button data-testid="site-map-toggle" icon={<EnvironmentOutlined aria-hidden />} onClick={() => setShowMap((x) => !x)} aria-expanded={showMap}>
          {showMap ? t('site.hideMap') : t('site.pickOnMap')}
        </Button>
      </Flex>
      {showMap && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('site.mapHelp')}
          </Typography.Text>
          <Suspense fallback={<Spin size="small" />}>
            <SiteMap position={body ? { lat: body.lat, lng: body.lng } : null} onPick={(p) => set({ lat: String(p.lat), lng: String(p.lng) })} tileUrl={tiles.data?.tileUrl} attribution={tiles.data?.attribution} />
          </Suspense>
        </div>
      )}
    </div>
  );
}

/** The form rule: a site is optional, but what is typed must make one. */
export const siteRule = (t: TFunction): Rule => ({
  validator: (_, value?: SiteDraft) => {
    const issue = siteIssue(value);
    return issue ? Promise.reject(new Error(t(`site.errors.${issue}`))) : Promise.resolve();
  },
});

interface PropertyProps {
  site: Site | null;
  /** Saves (PATCH site; null removes it); true when it was saved. */
  onSave: (site: SiteBody | null) => Promise<boolean>;
  disabled?: boolean;
}

/** The ticket page's 上门地址: the current site with 修改 / 清除, or an editor. */
export function SiteProperty({ site, onSave, disabled }: PropertyProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SiteDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (next: SiteBody | null) => {
    setBusy(true);
    try {
      if (await onSave(next)) setDraft(null);
    } finally {
      setBusy(false);
    }
  };
  const submit = () => {
    const issue = siteIssue(draft) ?? (siteBody(draft) ? null : 'needPosition');
    if (issue) return setError(t(`site.errors.${issue}`));
    setError(null);
    void run(siteBody(draft)!);
  };

  if (draft) {
    return (
      <div data-testid="site-editor">
        <SiteInput value={draft} onChange={(d) => (setDraft(d), setError(null))} />
        {error && (
          <Typography.Text type="danger" role="alert" data-testid="site-error" style={{ display: 'block', marginTop: 4 }}>
            {error}
          </Typography.Text>
        )}
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" size="small" loading={busy} onClick={submit} data-testid="site-save">
            {t('site.save')}
          </Button>
          <Button size="small" onClick={() => (setDraft(null), setError(null))} data-testid="site-cancel">
            {t('site.cancel')}
          </Button>
        </Space>
      </div>
    );
  }
  return (
    <div data-testid="site-property">
      {site ? (
        <>
          {site.address && <div data-testid="site-shown-address">{site.address}</div>}
          <Typography.Text type="secondary" data-testid="site-shown-position" copyable={{ text: formatPosition(site), icon: copyIcons }}>
            {formatPosition(site)}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary" data-testid="site-none">
          {t('site.none')}
        </Typography.Text>
      )}
      {!disabled && (
        <div>
          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setDraft(draftOf(site))} data-testid="site-edit">
            {t('site.edit')}
          </Button>
          {site && (
            <Button type="link" size="small" danger loading={busy} onClick={() => void run(null)} data-testid="site-clear">
              {t('site.clear')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
