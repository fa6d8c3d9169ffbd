import { useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Flex, Segmented, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { formatDateTime } from '../i18n/format';
import { canDispatch } from './access';
import { AssignDialog, type AssignTarget } from './assign-dialog';
import { dispatchKeys } from './dispatch-api';
import DispatchMap from './dispatch-map';
import type { BoardEngineer, BoardTicket, Candidates } from './dispatch-types';
import { ImprovementPanel } from './improvement-panel';
import { MapLegend } from './map-legend';
import { QueueView } from './queue-view';
import { RecommendationPanel } from './recommendation-panel';
import { today } from './route-lines';
import { ScheduleBoard } from './schedule-board';
import { TicketList } from './ticket-list';
import { useBoard } from './use-board';
import { useQueue, waitingCount } from './use-queue';

// 派单地图: engineers, open field tickets and outlets on a map, the tickets to dispatch beside it and the
// selected ticket's recommendations. Pick a ticket (marker or list), then 派单 from the recommendations,
// click an engineer, or drag the ticket's marker onto an engineer. 优化未开工派单 proposes moves of jobs not
// started between engineers (日内优化) in a panel beside the map. 日程 (?view=schedule) puts the day's plans on a
// time axis, one row per engineer, in the map's place (schedule-board.tsx). 待派单 (?view=queue) lists the
// whole dispatch queue, desk work too, in the order it will be taken, with 派单 for each (queue-view.tsx).

export default function DispatchMapPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const board = useBoard();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('ticket');
  const view = params.get('view') === 'schedule' ? 'schedule' : params.get('view') === 'queue' ? 'queue' : 'map';
  const schedule = view === 'schedule';
  // the switch's count: the whole queue (the 待派单 view reads the same, unfiltered)
  const queue = useQueue();
  const waiting = queue.data ? waitingCount(queue.data) : 0;
  const date = params.get('date') ?? today();
  const [target, setTarget] = useState<AssignTarget | null>(null);
  // each click of 优化未开工派单 opens the panel afresh (a new key: the proposals read again)
  const [improving, setImproving] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const height = Math.max(420, window.innerHeight - 150);

  const select = (tk: BoardTicket) => setParams((p) => (p.set('ticket', tk.id), p), { replace: true });
  const setParam = (key: string, value: string | null) => setParams((p) => (value === null ? p.delete(key) : p.set(key, value), p), { replace: true });
  const selected = board.data?.tickets.find((tk) => tk.id === selectedId) ?? null;

  /** A click on an engineer with a ticket picked, or a drop: confirm, with the rules the person fails if any. */
  const offer = (tk: BoardTicket, e: BoardEngineer) => {
    const ranking = qc.getQueryData<Candidates>(dispatchKeys.candidates(tk.id));
    const reasons = ranking?.excluded.find((x) => x.userId === e.id)?.reasons ?? [];
    setTarget({ ticket: tk, person: { userId: e.id, name: e.name }, reasons, holder: ranking?.current });
  };

  if (board.isError) return <Alert type="error" showIcon title={errorMessage(board.error, t)} />;
  return (
    <Flex vertical gap={8} data-testid="dispatch-page">
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('dispatchMap.title')}
        </Typography.Title>
        <Space wrap>
          <Segmented
            aria-label={t('dispatchBoard.view.label')}
            value={view}
            options={[
              { value: 'map', label: t('dispatchBoard.view.map') },
              { value: 'schedule', label: t('dispatchBoard.view.schedule') },
              {
                value: 'queue',
                label: (
                  <Space size={4}>
                    {t('dispatchMap.queueView.view')}
                    <Badge count={waiting} overflowCount={999} size="small" showZero={false} data-testid="queue-count" />
                  </Space>
                ),
              },
            ]}
            onChange={(v) => setParam('view', v === 'map' ? null : v)}
            data-testid="dispatch-view"
          />
          {canDispatch(me) && (
            <Button onClick={() => setImproving((n) => (n ?? 0) + 1)} data-testid="improve-open">
              {t('dispatchMap.improve.open')}
            </Button>
          )}
          {view === 'map' && <MapLegend />}
          {board.dataUpdatedAt > 0 && <Typography.Text type="secondary">{t('dispatchMap.map.updated', { time: formatDateTime(new Date(board.dataUpdatedAt).toISOString()) })}</Typography.Text>}
        </Space>
      </Flex>
      <Typography.Text type="secondary" data-testid="dispatch-hint">
        {view === 'queue'
          ? t('dispatchMap.queueView.hint')
          : selected
            ? t(schedule ? 'dispatchBoard.picked' : 'dispatchMap.map.pickEngineer', { number: selected.number })
            : t(schedule ? 'dispatchBoard.hint' : 'dispatchMap.map.dragHint')}
      </Typography.Text>
      {view === 'queue' ? (
        <Flex gap={12} align="start" wrap>
          <div style={{ flex: '1 1 640px', minWidth: 0 }}>
            <QueueView now={now} />
          </div>
          {improving !== null && (
            <Card size="small" data-testid="improvement-card" style={{ flex: '0 1 400px', minWidth: 300 }}>
              <ImprovementPanel key={improving} onClose={() => setImproving(null)} />
            </Card>
          )}
        </Flex>
      ) : (
        <Flex gap={12} align="stretch" wrap>
          <div style={{ flex: '1 1 560px', minWidth: 320 }}>
            {board.data && schedule ? (
              <ScheduleBoard board={board.data} date={date} onDate={(d) => setParam('date', d === today() ? null : d)} selectedId={selectedId} now={now} onSelectTicket={select} onOffer={offer} />
            ) : board.data ? (
              <DispatchMap board={board.data} height={height} selectedId={selectedId} now={now} onSelectTicket={select} onEngineer={(e) => selected && offer(selected, e)} onDrop={offer} />
            ) : (
              <Skeleton active paragraph={{ rows: 10 }} />
            )}
          </div>
          <Flex vertical gap={12} style={{ flex: '0 1 400px', minWidth: 300, maxHeight: height, overflow: 'auto' }}>
            {improving !== null && (
              <Card size="small" data-testid="improvement-card">
                <ImprovementPanel key={improving} onClose={() => setImproving(null)} />
              </Card>
            )}
            <Card size="small" title={t('dispatchMap.map.ticketList')}>
              {board.data ? <TicketList tickets={board.data.tickets} selectedId={selectedId} now={now} onSelect={select} /> : <Skeleton active />}
            </Card>
            <Card size="small" data-testid="recommendation-card">
              {selected ? <RecommendationPanel key={selected.id} ticket={selected} /> : <Typography.Text type="secondary">{t('dispatchMap.rec.pick')}</Typography.Text>}
            </Card>
          </Flex>
        </Flex>
      )}
      <AssignDialog target={target} onClose={() => setTarget(null)} />
    </Flex>
  );
}
