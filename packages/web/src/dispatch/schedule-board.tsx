import './schedule-board.css';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Empty, Flex, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../common/api-errors';
import { dispatchApi, dispatchKeys } from './dispatch-api';
import type { Board, BoardEngineer, BoardTicket } from './dispatch-types';
import { today } from './route-lines';
import { daySpan, hourTicks, xOf } from './schedule-axis';
import { ScheduleRow } from './schedule-row';

// 日程 (调度看板): the day of every engineer of the board on one time axis, beside the 派单地图's list and
// recommendations — the stored day plans (路线规划, the routes the map draws) as bars. The routes are read
// with the board's other dispatch queries (a dispatch step on any ticket reads them again, use-board.ts)
// and every minute; nothing is planned by looking, only by 规划团队日程 on a row without a plan.

/** px per hour of the axis: wide enough for "#2051 电梯困人" in an hour's visit */
const HOUR_PX = 88;
const HEAD_PX = 200;
const LEGEND = ['travel', 'visit', 'late', 'sla', 'break', 'now'] as const;

export interface ScheduleBoardProps {
  board: Board;
  date: string;
  onDate: (date: string) => void;
  selectedId: string | null;
  now: number;
  onSelectTicket: (t: BoardTicket) => void;
  /** a ticket dropped on an engineer's row: confirm and assign, as a drop on the map */
  onOffer: (t: BoardTicket, e: BoardEngineer) => void;
}

export function ScheduleBoard({ board, date, onDate, selectedId, now, onSelectTicket, onOffer }: ScheduleBoardProps) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: dispatchKeys.routes(date), queryFn: () => dispatchApi.routes(date), refetchInterval: 60_000, retry: false });
  const routes = useMemo(() => q.data?.items ?? [], [q.data]);
  const routeOf = useMemo(() => new Map(routes.map((r) => [r.userId, r])), [routes]);
  const ticketById = useMemo(() => new Map(board.tickets.map((tk) => [tk.id, tk])), [board.tickets]);
  const span = useMemo(() => daySpan(date, routes), [date, routes]);
  const ticks = hourTicks(span);
  const hours = (span.end - span.start) / 3_600_000;
  const nowX = date === today(new Date(now)) && now >= span.start && now <= span.end ? xOf(span, now) : null;

  const selected = selectedId ? ticketById.get(selectedId) : undefined;
  const drop = (ticketId: string, e: BoardEngineer) => {
    const tk = ticketById.get(ticketId);
    if (tk && tk.assigneeId !== e.id) onOffer(tk, e); // a bar dropped back on its own row changes nothing
  };

  return (
    <Flex vertical gap={8} data-testid="schedule-board">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <DatePicker
            value={dayjs(date)}
            allowClear={false}
            aria-label={t('dispatchBoard.date')}
            onChange={(d) => d && onDate(d.format('YYYY-MM-DD'))}
            data-testid="schedule-date"
          />
          <Button onClick={() => onDate(today())} disabled={date === today(new Date(now))}>
            {t('dispatchBoard.today')}
          </Button>
        </Space>
        <Space wrap size={12} className="gd-sched-legend" aria-hidden>
          {LEGEND.map((k) => (
            <span key={k}>
              <i className={`gd-sched-key gd-key-${k}`} />
              {t(`dispatchBoard.legend.${k}`)}
            </span>
          ))}
        </Space>
      </Flex>
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error, t)} />}
      {!board.engineers.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatchBoard.noEngineers')} />
      ) : (
        <div className="gd-sched" role="region" aria-label={t('dispatchBoard.aria')} aria-busy={q.isPending}>
          <div className="gd-sched-grid" style={{ minWidth: HEAD_PX + hours * HOUR_PX, ['--gd-head' as string]: `${HEAD_PX}px`, ['--gd-hours' as string]: hours }}>
            <div className="gd-sched-row gd-sched-axis">
              <div className="gd-sched-head">{t('dispatchBoard.engineer')}</div>
              <div className="gd-sched-track">
                {ticks.map((tick) => (
                  <span key={tick.at} className="gd-sched-hour" style={{ left: `${tick.x}%` }}>
                    {`${String(tick.hour).padStart(2, '0')}:00`}
                  </span>
                ))}
              </div>
            </div>
            {board.engineers.map((e) => (
              <ScheduleRow
                key={e.id}
                engineer={e}
                route={routeOf.get(e.id)}
                span={span}
                date={date}
                ticketById={ticketById}
                selectedId={selectedId}
                nowX={nowX}
                onSelectTicket={onSelectTicket}
                onDropTicket={drop}
                offering={selected && selected.assigneeId !== e.id ? selected : null}
                onOffer={onOffer}
              />
            ))}
          </div>
        </div>
      )}
      {routes.length === 0 && q.isSuccess && <Typography.Text type="secondary">{t('dispatchBoard.noPlans')}</Typography.Text>}
    </Flex>
  );
}
