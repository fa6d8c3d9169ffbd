import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Collapse, Flex, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { Ticket } from '../api/types';
import { useMe } from '../auth/auth-context';
import { dispatchApi, dispatchKeys } from '../dispatch/dispatch-api';
import type { Assignment } from '../dispatch/dispatch-types';
import { decisionSummary, historyText, queuedText, recommendationTitle, stateLabel } from '../dispatch/dispatch-words';
import { RecommendationPanel } from '../dispatch/recommendation-panel';
import { formatDateTime } from '../i18n/format';
import { DispatchResponse } from './dispatch-panel-response';

// The ticket's dispatch (派单) in the side column: where the work is, its assignment state and why the
// person got it in words, 接单 / 拒单 for the person offered it, the recommendations for staff who
// dispatch, and the history of assignments.

const STATE_COLOR: Record<string, string> = { offered: 'gold', accepted: 'green', started: 'blue', queued: 'orange' };

export function ticketSite(ticket: Ticket): { lat: number; lng: number; address?: string | null } | null {
  const site = (ticket as Ticket & { site?: { lat: number; lng: number; address?: string | null } | null }).site;
  return site ?? null;
}

export function DispatchPanel({ ticket, version }: { ticket: Ticket; version: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: dispatchKeys.ticket(ticket.id), queryFn: () => dispatchApi.ticket(ticket.id) });
  // a change on the ticket (live or by this page) may be a dispatch step: read again
  useEffect(() => {
    if (version > 0) void qc.invalidateQueries({ queryKey: ['dispatch'] });
  }, [version, qc]);
  const [historyOpen, setHistoryOpen] = useState(false);
  const site = ticketSite(ticket);

  // a server without dispatch, or a ticket it does not dispatch: nothing to show
  if (q.isError && q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403)) return null;
  if (!q.data) return null;
  const { current, history, need, queued } = q.data;
  // not on-site work and never dispatched (a queued email ticket, say): the assignee field says it all
  if (!site && need.kind !== 'field' && !current && !history.length) return null;
  const shown: Assignment | null = current ?? history[0] ?? null;
  const state = current?.state ?? (queued ? 'queued' : 'none');
  const staff = me.role === 'admin' || me.role === 'supervisor' || me.role === 'agent';
  return (
    <Card size="small" style={{ marginTop: 12 }} title={t('dispatchMap.panel.title')} data-testid="dispatch-panel">
      <Flex vertical gap={8}>
        <Space wrap>
          <Tag color={STATE_COLOR[state]} data-testid="dispatch-state">
            {stateLabel(current, !!queued, t)}
          </Tag>
          {current && <Typography.Text>{current.userName}</Typography.Text>}
          {queued && (
            <Typography.Text type="secondary" data-testid="dispatch-queued">
              {queuedText(queued, t)}
            </Typography.Text>
          )}
        </Space>
        {site?.address && (
          <Typography.Text data-testid="dispatch-site">
            {t('app.labelValue', { label: t('dispatchMap.panel.site'), value: site.address })}
          </Typography.Text>
        )}
        {shown && (
          <Typography.Paragraph style={{ margin: 0 }} type={current ? undefined : 'secondary'} data-testid="dispatch-why">
            {current ? '' : t('dispatchMap.panel.last')}
            {decisionSummary(shown, need, t)}
          </Typography.Paragraph>
        )}
        {current?.state === 'offered' && current.respondBy && <Typography.Text type="secondary">{t('dispatchMap.panel.respondBy', { time: formatDateTime(current.respondBy) })}</Typography.Text>}
        {current?.state === 'offered' && current.userId === me.id && <DispatchResponse ticketId={ticket.id} />}
        {staff && (
          <Collapse
            size="small"
            defaultActiveKey={current ? [] : ['rec']}
            items={[{ key: 'rec', label: recommendationTitle(need.kind, t), children: <RecommendationPanel ticket={ticket} titled={false} /> }]}
            data-testid="dispatch-recommendations"
          />
        )}
        <Button type="link" size="small" style={{ alignSelf: 'start', padding: 0 }} onClick={() => setHistoryOpen((o) => !o)} data-testid="dispatch-history-toggle">
          {t('app.withCount', { label: t('dispatchMap.panel.history'), count: history.length })}
        </Button>
        {historyOpen &&
          (history.length ? (
            <List size="small" dataSource={history} data-testid="dispatch-history" renderItem={(a) => <List.Item>{historyText(a, t)}</List.Item>} />
          ) : (
            <Typography.Text type="secondary">{t('dispatchMap.panel.noHistory')}</Typography.Text>
          ))}
      </Flex>
    </Card>
  );
}
