import { Alert, Button, Drawer, Empty, Flex, Grid, List, Select, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Priority } from '../api/types';
import { errorMessage } from '../common/api-errors';
import { CloseIcon } from '../common/quiet-icons';
import { formatDateTime, formatNumber } from '../i18n/format';
import { PriorityTag } from '../tickets/ticket-tags';
import { queueReasonText, spanText } from './dispatch-words';
import { RecommendationPanel } from './recommendation-panel';
import { useQueue, waitingCount, type DispatchQueue, type QueueItem } from './use-queue';

// 待派单: the tickets waiting in dispatch's queue in the order dispatch takes them (most urgent, then the
// longest waiting; 顺序 is the place in the ticket's team's queue), why each waits in words, how long it
// has waited (kept current by `now`) and its deadline, red once past. 派单 opens the recommendations
// (RecommendationPanel, with its confirmation dialog) for that ticket in a drawer. A team filter above;
// the table needs a wide screen (xl: no sideways scrolling at 1440 px beside the menu); narrower, a list.

/** How long a ticket has waited, in words: "不到 1 分钟", "25 分钟", "2 小时 5 分钟". */
export function waitedText(enqueuedAt: string, now: number, t: TFunction): string {
  const minutes = Math.floor((now - Date.parse(enqueuedAt)) / 60_000);
  return minutes < 1 ? t('dispatchMap.queueView.justNow') : spanText(minutes, t);
}

const isPast = (iso: string | null, now: number) => !!iso && Date.parse(iso) <= now;

function DueText({ dueAt, now }: { dueAt: string | null; now: number }) {
  const { t } = useTranslation();
  if (!dueAt) return <Typography.Text type="secondary">{t('dispatchMap.queueView.noDue')}</Typography.Text>;
  return isPast(dueAt, now) ? (
    <Tooltip title={t('dispatchMap.queueView.overdue')}>
      <Typography.Text type="danger" data-testid="queue-overdue">
        {formatDateTime(dueAt)}
      </Typography.Text>
    </Tooltip>
  ) : (
    <Typography.Text>{formatDateTime(dueAt)}</Typography.Text>
  );
}

function ReasonText({ item, now }: { item: QueueItem; now: number }) {
  const { t } = useTranslation();
  const batch = item.batchUntil && !isPast(item.batchUntil, now) ? t('dispatchMap.queueView.batchUntil', { time: formatDateTime(item.batchUntil) }) : null;
  return (
    <span data-testid="queue-reason">
      {queueReasonText(item.reason, t)}
      {batch && <Typography.Text type="secondary">{` · ${batch}`}</Typography.Text>}
    </span>
  );
}

const teamLabel = (name: string | null, t: TFunction) => name ?? t('dispatchMap.queueView.noTeam');

/** The team filter's options: every team with tickets waiting, with how many. */
function teamOptions(data: DispatchQueue | undefined, t: TFunction) {
  const all = { value: '', label: t('dispatchMap.queueView.allTeams') };
  const teams = (data?.teams ?? []).filter((x) => x.teamId).map((x) => ({ value: x.teamId!, label: t('dispatchMap.queueView.teamOption', { team: teamLabel(x.teamName, t), count: x.waiting }) }));
  return [all, ...teams];
}

export function QueueView({ now }: { now: number }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [teamId, setTeamId] = useState<string | null>(null);
  const [picked, setPicked] = useState<QueueItem | null>(null);
  const q = useQueue(teamId);
  // the filter's counts come from the whole queue, whichever team is shown
  const whole = useQueue(null);

  const columns: ColumnsType<QueueItem> = [
    {
      key: 'position',
      title: <Tooltip title={t('dispatchMap.queueView.positionHint')}>{t('dispatchMap.queueView.column.position')}</Tooltip>,
      width: 56,
      render: (_, i) => <span data-testid="queue-position">{formatNumber(i.position)}</span>,
    },
    { key: 'number', title: t('dispatchMap.queueView.column.number'), width: 84, render: (_, i) => <Link to={`/tickets/${i.number}`}>#{i.number}</Link> },
    { key: 'title', title: t('dispatchMap.queueView.column.title'), ellipsis: true, render: (_, i) => <span data-testid="queue-title">{i.title}</span> },
    { key: 'priority', title: t('dispatchMap.queueView.column.priority'), width: 72, render: (_, i) => <PriorityTag priority={i.priority as Priority} /> },
    { key: 'team', title: t('dispatchMap.queueView.column.team'), width: 100, ellipsis: true, render: (_, i) => teamLabel(i.teamName, t) },
    { key: 'kind', title: t('dispatchMap.queueView.column.kind'), width: 64, render: (_, i) => <Tag data-testid="queue-kind">{t(`dispatchMap.queueView.kind.${i.kind}`)}</Tag> },
    { key: 'reason', title: t('dispatchMap.queueView.column.reason'), width: '22%', render: (_, i) => <ReasonText item={i} now={now} /> },
    { key: 'waited', title: t('dispatchMap.queueView.column.waited'), width: 100, render: (_, i) => <span data-testid="queue-waited">{waitedText(i.enqueuedAt, now, t)}</span> },
    { key: 'due', title: t('dispatchMap.queueView.column.due'), width: 150, render: (_, i) => <DueText dueAt={i.dueAt} now={now} /> },
    {
      key: 'action',
      title: t('dispatchMap.queueView.column.action'),
      width: 72,
      render: (_, i) => (
        <Button size="small" type="primary" onClick={() => setPicked(i)} data-testid="queue-assign" aria-label={`${t('dispatchMap.queueView.assign')} #${i.number}`}>
          {t('dispatchMap.queueView.assign')}
        </Button>
      ),
    },
  ];

  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error, t)} />;
  const items = q.data?.items ?? [];
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatchMap.queueView.empty')} />;
  return (
    <Flex vertical gap={8} data-testid="queue-view">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8}>
          <Typography.Text>{t('dispatchMap.queueView.team')}</Typography.Text>
          <Select
            aria-label={t('dispatchMap.queueView.team')}
            value={teamId ?? ''}
            options={teamOptions(whole.data, t)}
            onChange={(v: string) => setTeamId(v || null)}
            style={{ minWidth: 200 }}
            data-testid="queue-team"
          />
        </Flex>
        {whole.data && <Typography.Text type="secondary" data-testid="queue-summary">{t('dispatchMap.queueView.summary', { count: waitingCount(whole.data) })}</Typography.Text>}
      </Flex>
      {q.data?.truncated && <Alert type="info" showIcon title={t('dispatchMap.queueView.truncated', { count: items.length })} />}
      {!q.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : !screens.xl ? (
        <List
          dataSource={items}
          locale={{ emptyText: empty }}
          pagination={items.length > 50 ? { pageSize: 50, simple: true } : false}
          renderItem={(i) => (
            <List.Item data-testid="queue-row" actions={[<Button key="assign" size="small" type="primary" onClick={() => setPicked(i)} data-testid="queue-assign">{t('dispatchMap.queueView.assign')}</Button>]}>
              <List.Item.Meta
                title={
                  <Flex gap={6} align="center" wrap>
                    <span>
                      <span data-testid="queue-position">{formatNumber(i.position)}</span>.
                    </span>
                    <Link to={`/tickets/${i.number}`}>#{i.number}</Link>
                    <span data-testid="queue-title">{i.title}</span>
                    <PriorityTag priority={i.priority as Priority} />
                  </Flex>
                }
                description={
                  <Flex vertical gap={2}>
                    <ReasonText item={i} now={now} />
                    <span>
                      {teamLabel(i.teamName, t)} · <span data-testid="queue-kind">{t(`dispatchMap.queueView.kind.${i.kind}`)}</span> · <span data-testid="queue-waited">{waitedText(i.enqueuedAt, now, t)}</span> ·{' '}
                      <DueText dueAt={i.dueAt} now={now} />
                    </span>
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<QueueItem>
          rowKey="ticketId"
          size="small"
          tableLayout="fixed"
          columns={columns}
          dataSource={items}
          locale={{ emptyText: empty }}
          pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          onRow={() => ({ 'data-testid': 'queue-row' }) as never}
        />
      )}
      <Drawer
        open={!!picked}
        onClose={() => setPicked(null)}
        title={picked ? t('dispatchMap.queueView.assignTitle', { number: picked.number, title: picked.title }) : null}
        size={screens.md === false ? '100%' : 560}
        destroyOnHidden
        closeIcon={<CloseIcon />}
        data-testid="queue-assign-drawer"
      >
        {picked && <RecommendationPanel key={picked.ticketId} ticket={{ id: picked.ticketId, number: picked.number, title: picked.title }} />}
      </Drawer>
    </Flex>
  );
}
