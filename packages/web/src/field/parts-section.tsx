import { useQuery } from '@tanstack/react-query';
import { Button, Card, InputNumber, message, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { formatNumber } from '../i18n/format';
import { fieldApi } from './field-api';
import type { UsageLine } from './offline-queue';
import { partChoices, reserveChoices, type PartChoice, type ReserveChoice } from './parts-choices';
import { useFieldQueue, useOnSent } from './use-field-queue';

/**
 * 备件: the parts suggested for the job, those used (the server's, then those still in the queue), and
 * 记录用料: a part from the job's reservations, the van or the suggestions, queued like any step.
 */
export function PartsSection({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const queue = useFieldQueue();
  const q = useQuery({ queryKey: ['field', 'parts', ticketId], queryFn: () => fieldApi.parts(ticketId), retry: false });
  const van = useQuery({ queryKey: ['field', 'van-stock'], queryFn: () => fieldApi.vanStock(), retry: false });
  const { refetch: refetchParts } = q;
  const { refetch: refetchVan } = van;
  const refetch = useCallback(() => void (refetchParts(), refetchVan()), [refetchParts, refetchVan]);
  useOnSent(refetch);
  const missing = isApiError(q.error) && q.error.status === 404;
  const waiting = queue.pending.filter((s) => s.ticketId === ticketId && s.kind === 'parts_usage');
  const choices = partChoices(q.data, van.data);
  const toReserve = reserveChoices(q.data);
  const record = (line: UsageLine) => void queue.enqueue({ ticketId, kind: 'parts_usage', lines: [line] });
  const active = q.data?.reservations.filter((r) => r.state === 'active') ?? [];
  return (
    <Card size="small" className="gd-field-card" title={t('fieldApp.parts.title')} data-testid="job-parts">
      {missing && <Typography.Text type="secondary">{t('fieldApp.parts.unavailable')}</Typography.Text>}
      {q.data?.suggested.map((p) => (
        <div key={p.partId} className="gd-field-step">
          {t('fieldApp.parts.suggested')} {p.code} {p.name} × {p.qty}
        </div>
      ))}
      {q.data && !q.data.suggested.length && <Typography.Text type="secondary">{t('fieldApp.parts.none')}</Typography.Text>}
      {toReserve.length > 0 && <ReserveButton ticketId={ticketId} lines={toReserve} onDone={refetch} />}
      {active.map((r) => (
        <div key={r.id} className="gd-field-step" data-testid="part-reserved">
          {t('fieldApp.parts.reservedAt', { code: r.code, name: r.name, qty: r.qty - r.drawn, unit: r.unit, warehouse: r.warehouseName })}
        </div>
      ))}
      {choices.length > 0 && <UsageForm choices={choices} onRecord={record} />}
      <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
        {t('fieldApp.parts.used')}
      </Typography.Text>
      {q.data?.used.map((u) => (
        <div key={u.id} className="gd-field-step" data-testid="part-used">
          {u.code} {u.name} × {u.qty} {u.unit}
          {u.warehouseName ? `（${u.warehouseName}）` : ''} <Tag color={u.state === 'drawn' ? 'green' : 'blue'}>{t(`fieldApp.parts.state.${u.state}`)}</Tag>
        </div>
      ))}
      {waiting.map((s) =>
        (s.lines ?? []).map((l, i) => (
          <div key={`${s.opId}-${i}`} className="gd-field-step" data-testid="part-waiting">
            {l.code} {l.name} × {l.qty} <Tag color="gold">{t('fieldApp.notSent')}</Tag>
          </div>
        )),
      )}
      {!q.data?.used.length && !waiting.length && <Typography.Text type="secondary">{t('fieldApp.parts.noneUsed')}</Typography.Text>}
    </Card>
  );
}

/** 一键预占: the suggested parts in the nearest warehouses that have them (online: the stock is the server's). */
function ReserveButton({ ticketId, lines, onDone }: { ticketId: string; lines: ReserveChoice[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const where = (l: ReserveChoice) => (l.km === null ? l.warehouseName : t('fieldApp.parts.nearestKm', { warehouse: l.warehouseName, km: formatNumber(l.km) }));
  const reserve = async () => {
    setBusy(true);
    try {
      await fieldApi.reserve(ticketId, lines.map(({ partId, warehouseId, qty }) => ({ partId, warehouseId, qty })));
      void message.success(t('fieldApp.parts.reservedOk'));
    } catch (e) {
      const short = isApiError(e) && e.code === 'STOCK_INSUFFICIENT';
      void message.error(isApiError(e) && e.status === 0 ? t('fieldApp.needsNetwork') : short ? t('fieldApp.parts.short') : String((e as Error).message));
    } finally {
      setBusy(false);
      onDone();
    }
  };
  return (
    <div style={{ marginTop: 8 }}>
      {lines.map((l) => (
        <div key={l.partId} className="gd-field-step" data-testid="part-to-reserve">
          {l.code} {l.name} × {l.qty} · {where(l)}
        </div>
      ))}
      <Button block loading={busy} onClick={() => void reserve()} data-testid="parts-reserve">
        {t('fieldApp.parts.reserve')}
      </Button>
    </div>
  );
}

function UsageForm({ choices, onRecord }: { choices: PartChoice[]; onRecord: (line: UsageLine) => void }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<string | undefined>(undefined);
  const [qty, setQty] = useState<number | null>(1);
  const chosen = choices.find((c) => c.key === key) ?? choices[0];
  const label = (c: PartChoice) =>
    `${c.code} ${c.name} · ${t(`fieldApp.parts.source.${c.source}`, { warehouse: c.warehouseName ?? '', qty: c.qty, unit: c.unit })}`;
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 8 }} data-testid="usage-form">
      <Select value={chosen.key} onChange={setKey} options={choices.map((c) => ({ value: c.key, label: label(c) }))} style={{ width: '100%' }} data-testid="usage-part" />
      <Space.Compact style={{ width: '100%' }}>
        <InputNumber min={1} max={100_000} precision={0} value={qty} onChange={setQty} addonBefore={t('fieldApp.parts.qty')} style={{ width: '100%' }} data-testid="usage-qty" />
        <Button
          type="primary"
          disabled={!qty}
          data-testid="usage-record"
          onClick={() => {
            onRecord({ partId: chosen.partId, warehouseId: chosen.warehouseId, qty: qty!, code: chosen.code, name: chosen.name });
            setQty(1);
          }}
        >
          {t('fieldApp.parts.record')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
