import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Flex, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { formatDateTime } from '../i18n/format';
import { durationWords } from './countdown';
import { SLA_KEYS, slaApi } from './sla-api';
import { SlaCountdown } from './sla-countdown';
import { SLA_METRICS, type SlaClock } from './sla-types';

// The ticket's SLA in the side column: the policy that applies and each clock (首次响应, 下次响应, 解决时限,
// 上门时限) with its target, business or calendar time on which calendar, due time and live countdown.
// Read again whenever the ticket changes (`version`: the page's live events and its own changes).

const order = (c: SlaClock) => SLA_METRICS.indexOf(c.metric);

export function ClockLine({ clock, now }: { clock: SlaClock; now?: () => number }) {
  const { t } = useTranslation();
  const facts = [
    `${t('sla.panel.target')} ${durationWords(clock.targetMinutes, t)}`,
    t(clock.business ? 'sla.panel.business' : 'sla.panel.calendarTime'),
    ...(clock.business ? [clock.calendarName ?? t('sla.panel.defaultCalendar')] : []),
  ];
  const when = clock.achievedAt
    ? t('sla.panel.achievedAt', { time: formatDateTime(clock.achievedAt) })
    : clock.dueAt
      ? `${t('sla.panel.dueAt')} ${formatDateTime(clock.dueAt)}`
      : t('sla.panel.dueUnknown');
  return (
    <Flex vertical gap={2} data-testid={`sla-clock-${clock.metric}`}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{t(`sla.metric.${clock.metric}`)}</Typography.Text>
        <SlaCountdown clock={clock} now={now} testId={`sla-countdown-${clock.metric}`} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {facts.join(' · ')}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`sla-due-${clock.metric}`}>
        {when}
        {clock.pausedMinutes > 0 ? ` · ${t('sla.panel.pausedFor', { time: durationWords(clock.pausedMinutes, t) })}` : ''}
      </Typography.Text>
      {clock.escalationLevel > 0 && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`sla-escalated-${clock.metric}`}>
          {t('sla.panel.escalated', { level: clock.escalationLevel })}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function SlaPanel({ ticketId, version, now }: { ticketId: string; version: number; now?: () => number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: SLA_KEYS.ticket(ticketId), queryFn: () => slaApi.ticket(ticketId) });
  useEffect(() => {
    if (version > 0) void qc.invalidateQueries({ queryKey: SLA_KEYS.ticket(ticketId) });
  }, [version, qc, ticketId]);

  // a server without SLA, or a user it does not show SLA to: nothing
  if (q.isError && q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403)) return null;
  const clocks = [...(q.data?.clocks ?? [])].sort((a, b) => order(a) - order(b));
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={t('sla.panel.title')}
      loading={q.isPending}
      extra={q.data?.policy && <Typography.Text type="secondary" ellipsis style={{ maxWidth: 200 }} data-testid="sla-policy">{t('sla.panel.policy', { name: q.data.policy.name })}</Typography.Text>}
      data-testid="sla-panel"
    >
      {q.isError ? (
        <Typography.Text type="danger">{t('sla.panel.loadFailed')}</Typography.Text>
      ) : clocks.length ? (
        <Flex vertical gap={10}>
          {clocks.map((c) => (
            <ClockLine key={c.metric} clock={c} now={now} />
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary" data-testid="sla-none">
          {t('sla.panel.none')}
        </Typography.Text>
      )}
    </Card>
  );
}
