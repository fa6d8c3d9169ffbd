import { DeleteOutlined, ShareAltOutlined } from '@ant-design/icons';
import { Button, Menu, Popconfirm, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../../api/endpoints';
import type { Me, SavedView, TicketFilters } from '../../api/types';
import { formatNumber } from '../../i18n/format';
import { BUILTIN_VIEWS, builtinView, type BuiltinViewKey } from './list-state';
import { confirmIcon } from '../../common/quiet-icons';

// The queue's views: built-in ones, then the saved ones (shared and personal), each with its count.

interface Props {
  me: Me;
  active: string;
  saved: SavedView[];
  /** Changes when counts should be asked again (live events, bulk changes). */
  refreshKey: number;
  onBuiltin: (key: BuiltinViewKey) => void;
  onSaved: (v: SavedView) => void;
  onDelete: (v: SavedView) => void;
}

/** Live events and bulk changes ask for counts again at most this often (each is a count over the queue). */
export const COUNT_REFRESH_MS = 10_000;
/** Views are counted up to this many tickets, then shown as "10,000+". */
export const COUNT_CAP = 10_000;

type ViewCount = { count: number; capped: boolean };

function useCounts(entries: { key: string; filters: TicketFilters }[], refreshKey: number) {
  const [counts, setCounts] = useState<Record<string, ViewCount>>({});
  const [tick, setTick] = useState(0);
  const last = useRef(0);
  const sig = JSON.stringify(entries);
  // a burst of live events asks once, at most every COUNT_REFRESH_MS
  useEffect(() => {
    const wait = last.current + COUNT_REFRESH_MS - Date.now();
    if (wait <= 0) return setTick(refreshKey);
    const timer = setTimeout(() => setTick(refreshKey), wait);
    return () => clearTimeout(timer);
  }, [refreshKey]);
  useEffect(() => {
    last.current = Date.now();
    const ctrl = new AbortController();
    // views with the same filters (全部 and 最近更新 differ only in their sort) share one request
    const byFilters = new Map<string, string[]>();
    for (const e of entries) {
      const f = JSON.stringify(e.filters);
      byFilters.set(f, [...(byFilters.get(f) ?? []), e.key]);
    }
    for (const [f, keys] of byFilters)
      ticketsApi
        .count(JSON.parse(f) as TicketFilters, ctrl.signal, COUNT_CAP)
        .then((r) => setCounts((c) => ({ ...c, ...Object.fromEntries(keys.map((k) => [k, { count: r.count, capped: !!r.capped }])) })))
        .catch(() => undefined);
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sig, tick]);
  return counts;
}

export function ViewsPanel({ me, active, saved, refreshKey, onBuiltin, onSaved, onDelete }: Props) {
  const { t } = useTranslation();
  const entries = useMemo(
    () => [
      ...BUILTIN_VIEWS.flatMap((k) => {
        const b = builtinView(k, me);
        return b ? [{ key: k, filters: b.filters }] : [];
      }),
      ...saved.map((v) => ({ key: v.id, filters: v.filters })),
    ],
    [me, saved],
  );
  const counts = useCounts(entries, refreshKey);
  const count = (key: string) =>
    counts[key] === undefined ? null : (
      <Typography.Text type="secondary" data-testid={`view-count-${key}`}>
        {formatNumber(counts[key].count)}
        {counts[key].capped ? '+' : ''}
      </Typography.Text>
    );

  const label = (text: string, key: string) => (
    <span style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{text}</span>
      {count(key)}
    </span>
  );

  const items = [
    {
      type: 'group' as const,
      key: 'builtin',
      label: t('views.title'),
      children: BUILTIN_VIEWS.map((k) => {
        const disabled = !builtinView(k, me);
        return {
          key: k,
          disabled,
          'data-testid': `view-${k}`,
          // greyed out with the reason on the item itself (and in full on hover), not a silent grey
          label: disabled ? (
            <Tooltip title={t('views.noTeam')} placement="right">
              <span style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }} data-testid={`view-${k}-disabled`}>
                <span>{t(`views.${k}`)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('views.noTeamHint')}
                </Typography.Text>
              </span>
            </Tooltip>
          ) : (
            label(t(`views.${k}`), k)
          ),
        };
      }),
    },
    ...(saved.length
      ? [
          {
            type: 'group' as const,
            key: 'saved',
            label: t('views.saved'),
            children: saved.map((v) => ({
              key: v.id,
              'data-testid': `view-saved-${v.id}`,
              label: (
                <span style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
                  {v.shared && (
                    <Tooltip title={t('views.shared')}>
                      <ShareAltOutlined aria-hidden />
                    </Tooltip>
                  )}
                  <span style={{ flex: 1, minWidth: 0 }}>{label(v.name, v.id)}</span>
                  {(!v.ownerId || v.ownerId === me.id) && (
                    <Popconfirm icon={confirmIcon} title={t('views.confirmDelete', { name: v.name })} onConfirm={() => onDelete(v)} okText={t('app.delete')} cancelText={t('app.cancel')}>
                      <Button size="small" type="text" icon={<DeleteOutlined aria-hidden />} aria-label={t('app.delete')} onClick={(e) => e.stopPropagation()} />
                    </Popconfirm>
                  )}
                </span>
              ),
            })),
          },
        ]
      : []),
  ];

  return (
    <Menu
      data-testid="views-panel"
      mode="inline"
      selectedKeys={[active]}
      items={items}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        const v = saved.find((s) => s.id === key);
        if (v) onSaved(v);
        else onBuiltin(key as BuiltinViewKey);
      }}
    />
  );
}
