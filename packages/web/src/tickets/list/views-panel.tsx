import { DeleteOutlined, ShareAltOutlined } from '@ant-design/icons';
import { Button, Menu, Popconfirm, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../../api/endpoints';
import type { Me, SavedView, TicketFilters } from '../../api/types';
import { formatNumber } from '../../i18n/format';
import { BUILTIN_VIEWS, builtinView, type BuiltinViewKey } from './list-state';

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

function useCounts(entries: { key: string; filters: TicketFilters }[], refreshKey: number) {
  const [counts, setCounts] = useState<Record<string, number>>({});
  const sig = JSON.stringify(entries);
  useEffect(() => {
    const ctrl = new AbortController();
    for (const e of entries)
      ticketsApi
        .count(e.filters, ctrl.signal)
        .then((r) => setCounts((c) => ({ ...c, [e.key]: r.count })))
        .catch(() => undefined);
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sig, refreshKey]);
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
        {formatNumber(counts[key])}
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
          label: disabled ? <Tooltip title={t('views.noTeam')}>{t(`views.${k}`)}</Tooltip> : label(t(`views.${k}`), k),
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
                      <ShareAltOutlined />
                    </Tooltip>
                  )}
                  <span style={{ flex: 1, minWidth: 0 }}>{label(v.name, v.id)}</span>
                  {(!v.ownerId || v.ownerId === me.id) && (
                    <Popconfirm title={t('views.confirmDelete', { name: v.name })} onConfirm={() => onDelete(v)} okText={t('app.delete')} cancelText={t('app.cancel')}>
                      <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('app.delete')} onClick={(e) => e.stopPropagation()} />
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
