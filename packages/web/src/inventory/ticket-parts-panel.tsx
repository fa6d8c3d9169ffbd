import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, List, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage } from '../common/api-errors';
import { formatNumber } from '../i18n/format';
import { inventoryApi, inventoryKeys, type ReserveLine, type TicketParts } from './inventory-api';

// The ticket's 备件 panel: the parts the job probably needs (with why), the nearest warehouses that have
// them with the distance from the site, reserve one or all with a click, and what is reserved and used.

type Suggested = TicketParts['suggested'][number];
type Near = TicketParts['nearest'][number]['warehouses'][number];

const STATE_COLOR: Record<string, string> = { active: 'blue', drawn: 'green', released: 'default', recorded: 'gold' };

/** Where to reserve a suggestion with one click: the first (nearest) warehouse that has enough. */
export function reservePlan(parts: TicketParts): ReserveLine[] {
  const reserved = new Set(parts.reservations.filter((r) => r.state === 'active').map((r) => r.partId));
  return parts.suggested.flatMap((s) => {
    if (reserved.has(s.partId)) return [];
    const at = parts.nearest.find((n) => n.partId === s.partId)?.warehouses.find((w) => w.available >= s.qty);
    return at ? [{ partId: s.partId, warehouseId: at.id, qty: s.qty }] : [];
  });
}

export function TicketPartsPanel({ ticketId, version = 0 }: { ticketId: string; version?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: inventoryKeys.ticket(ticketId), queryFn: () => inventoryApi.ticketParts(ticketId) });
  useEffect(() => {
    if (version > 0) void qc.invalidateQueries({ queryKey: inventoryKeys.ticket(ticketId) });
  }, [version, qc, ticketId]);
  const refresh = () => qc.invalidateQueries({ queryKey: inventoryKeys.ticket(ticketId) });
  const failed = (err: unknown) => {
    const code = err instanceof ApiError && err.code === 'STOCK_INSUFFICIENT' ? err.details[0]?.value : undefined;
    void message.error(code ? t('inv.panel.insufficient', { code }) : errorMessage(err, t));
    void refresh();
  };
  const reserve = useMutation({ mutationFn: (lines: ReserveLine[]) => inventoryApi.reserve(ticketId, lines), onSuccess: () => (void message.success(t('inv.panel.reservedOk')), refresh()), onError: failed });
  const release = useMutation({ mutationFn: (id: string) => inventoryApi.release(ticketId, id), onSuccess: refresh, onError: failed });

  if (q.isError && q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403)) return null;
  if (!q.data) return null;
  const parts = q.data;
  const plan = reservePlan(parts);
  const reason = (s: Suggested) => t(s.basis.scope === 'category_model' ? 'inv.panel.reasonModel' : 'inv.panel.reason', { jobs: s.basis.jobs, used: s.basis.used });
  const place = (s: Suggested, w: Near) => (
    <Flex key={w.id} justify="space-between" align="center" gap={8} data-testid="parts-warehouse">
      <Typography.Text>
        {w.name} <Tag>{t(`inv.kind.${w.kind}`)}</Tag>
        <Typography.Text type="secondary">
          {w.km === null ? t('inv.panel.kmUnknown') : t('inv.panel.km', { km: formatNumber(w.km) })} · {t('inv.panel.availableN', { n: w.available })}
        </Typography.Text>
      </Typography.Text>
      <Button size="small" disabled={w.available < s.qty || reserve.isPending} onClick={() => reserve.mutate([{ partId: s.partId, warehouseId: w.id, qty: s.qty }])} data-testid="parts-reserve-one">
        {t('inv.panel.reserve')}
      </Button>
    </Flex>
  );
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={t('inv.panel.title')}
      data-testid="parts-panel"
      extra={
        plan.length > 0 && (
          <Button type="primary" size="small" loading={reserve.isPending} onClick={() => reserve.mutate(plan)} data-testid="parts-reserve-all">
            {t('inv.panel.reserveAll')}
          </Button>
        )
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('inv.panel.suggested')}</Typography.Text>
        {parts.suggested.length === 0 && <Typography.Text type="secondary">{t('inv.panel.noSuggestion')}</Typography.Text>}
        {parts.suggested.map((s) => {
          const near = parts.nearest.find((n) => n.partId === s.partId)?.warehouses ?? [];
          return (
            <Flex key={s.partId} vertical gap={4} data-testid="parts-suggestion">
              <Typography.Text>
                {s.name} <Typography.Text type="secondary">{s.code}</Typography.Text> × {s.qty} {s.unit}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="parts-reason">
                {reason(s)}
              </Typography.Text>
              {near.length ? near.map((w) => place(s, w)) : <Typography.Text type="secondary">{t('inv.panel.noStock')}</Typography.Text>}
            </Flex>
          );
        })}
        <Typography.Text strong>{t('inv.panel.reserved')}</Typography.Text>
        <List
          size="small"
          dataSource={parts.reservations}
          locale={{ emptyText: t('inv.panel.none') }}
          renderItem={(r) => (
            <List.Item
              data-testid="parts-reservation"
              actions={r.state === 'active' ? [<Button key="r" size="small" type="link" onClick={() => release.mutate(r.id)} data-testid="parts-release">{t('inv.panel.release')}</Button>] : []}
            >
              <Space wrap>
                <Typography.Text>
                  {r.name} × {r.qty}
                </Typography.Text>
                <Typography.Text type="secondary">{r.warehouseName}</Typography.Text>
                <Tag color={STATE_COLOR[r.state]}>{t(`inv.panel.state.${r.state}`)}</Tag>
                {r.state === 'drawn' && <Typography.Text type="secondary">{t('inv.panel.drawnOf', { drawn: r.drawn, qty: r.qty })}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
        <Typography.Text strong>{t('inv.panel.used')}</Typography.Text>
        <List
          size="small"
          dataSource={parts.used}
          locale={{ emptyText: t('inv.panel.none') }}
          renderItem={(u) => (
            <List.Item data-testid="parts-used">
              <Space wrap>
                <Typography.Text>
                  {u.name} × {u.qty}
                </Typography.Text>
                {u.warehouseName && <Typography.Text type="secondary">{u.warehouseName}</Typography.Text>}
                <Tag color={STATE_COLOR[u.state]}>{t(`inv.panel.state.${u.state}`)}</Tag>
                {u.state === 'drawn' && u.drawn < u.qty && <Tag color="red">{t('inv.panel.short', { n: u.qty - u.drawn })}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      </Flex>
    </Card>
  );
}
