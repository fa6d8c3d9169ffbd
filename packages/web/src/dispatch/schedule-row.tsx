import { Button, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../i18n/format';
import type { BoardEngineer, BoardTicket, DayRoute } from './dispatch-types';
import { PlanTeamButton } from './plan-team-button';
import { STATUS_COLOR } from './recommendation-panel';
import { routeBars, type Span, type VisitBar } from './schedule-axis';
import { carriesTicket, droppedTicket, startTicketDrag } from './schedule-drag';

// One engineer's row of the 日程 board: at its head the name, status, load and the day's visits and km;
// on the track the stored day plan — the way between visits (路上), each visit (现场) as a button that
// selects its ticket, red when the plan expects it after its deadline (超时) with a tick at the deadline
// (时限), the break (午休). A ticket dropped on the row is offered to the engineer.

const pct = (x: number) => `${x}%`;
/** A time of the day (the board's date is shown once, in its picker). */
const clock = (iso: string) => dayjs(iso).format('HH:mm');

export interface ScheduleRowProps {
  engineer: BoardEngineer;
  route: DayRoute | undefined;
  span: Span;
  date: string;
  ticketById: Map<string, BoardTicket>;
  selectedId: string | null;
  /** the now line's place, on today's board */
  nowX: number | null;
  onSelectTicket: (t: BoardTicket) => void;
  onDropTicket: (ticketId: string, e: BoardEngineer) => void;
  /** the selected ticket, when it could be offered to this engineer: the name offers it (as a click on the map's marker) */
  offering: BoardTicket | null;
  onOffer: (t: BoardTicket, e: BoardEngineer) => void;
}

export function ScheduleRow({ engineer: e, route, span, date, ticketById, selectedId, nowX, onSelectTicket, onDropTicket, offering, onOffer }: ScheduleRowProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const status = e.onShift ? e.status : 'off_shift';
  const planned = !!route && route.stops.length > 0;
  const bars = route ? routeBars(route, span) : null;

  const dragOver = (ev: DragEvent) => {
    if (!carriesTicket(ev)) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = 'move';
    setOver(true);
  };
  const drop = (ev: DragEvent) => {
    setOver(false);
    const id = droppedTicket(ev);
    if (!id) return;
    ev.preventDefault();
    onDropTicket(id, e);
  };

  const label = (id: string) => {
    const tk = ticketById.get(id);
    return tk ? `#${tk.number} ${tk.title}` : id.slice(0, 8);
  };
  const barText = (b: VisitBar) => {
    const words = { name: e.name, ticket: label(b.ticketId), from: clock(b.startAt), to: clock(b.endAt), arrive: clock(b.arriveAt), km: formatNumber(Math.round(b.travelKm * 10) / 10), due: b.slaDueAt ? formatDateTime(b.slaDueAt) : '' };
    return t(b.late ? 'dispatchBoard.barLate' : 'dispatchBoard.bar', words) + (b.cutEnd || b.cutStart ? `（${t('dispatchBoard.cut')}）` : '');
  };

  return (
    <div className={`gd-sched-row${over ? ' gd-drop' : ''}`} data-testid="schedule-row" data-user-id={e.id} data-planned={planned} onDragOver={dragOver} onDragLeave={() => setOver(false)} onDrop={drop}>
      <div className="gd-sched-head">
        <div>
          {offering ? (
            <Button type="link" size="small" style={{ padding: 0, fontWeight: 600 }} onClick={() => onOffer(offering, e)} aria-label={t('dispatchBoard.offer', { number: offering.number, name: e.name })} data-testid="schedule-offer">
              {e.name}
            </Button>
          ) : (
            <Typography.Text strong>{e.name}</Typography.Text>
          )}{' '}
          <Tag color={STATUS_COLOR[status]}>{t(`dispatchMap.status.${status}`)}</Tag>
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dispatchBoard.load', { load: e.load.field, capacity: e.capacity.field })}
          {e.today && ` · ${t('dispatchMap.map.todayLine', { given: e.today.given, limit: e.today.limit })}`}
          {planned && ` · ${t('dispatchBoard.summary', { visits: route.stops.length, km: formatNumber(Math.round(route.km * 10) / 10) })}`}
        </Typography.Text>
        {!planned && (
          <div data-testid="schedule-unplanned">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dispatchBoard.unplanned')}
            </Typography.Text>{' '}
            <PlanTeamButton userId={e.id} date={date} />
          </div>
        )}
        {route && route.unplanned.length > 0 && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t('dispatchBoard.unplannedJobs', { count: route.unplanned.length })}
          </Typography.Text>
        )}
      </div>
      <div className="gd-sched-track">
        {bars?.break && (
          <div className="gd-sched-break" style={{ left: pct(bars.break.left), width: pct(bars.break.width) }} title={t('dispatchBoard.breakAt', { from: clock(route!.break!.startAt), to: clock(route!.break!.endAt) })} data-testid="schedule-break">
            {t('dispatchBoard.legend.break')}
          </div>
        )}
        {bars?.travel.map((s, i) => <div key={i} className="gd-sched-travel" style={{ left: pct(s.left), width: pct(s.width) }} aria-hidden />)}
        {bars?.visits.map((b) => {
          const tk = ticketById.get(b.ticketId);
          const text = barText(b);
          return (
            <button
              type="button"
              key={b.ticketId}
              className={`gd-sched-visit${b.late ? ' gd-late' : ''}${b.ticketId === selectedId ? ' gd-selected' : ''}${b.cutEnd ? ' gd-cut-end' : ''}${b.cutStart ? ' gd-cut-start' : ''}`}
              style={{ left: pct(b.left), width: pct(b.width) }}
              aria-label={text}
              title={text}
              aria-pressed={b.ticketId === selectedId}
              data-testid="schedule-visit"
              data-ticket-id={b.ticketId}
              data-late={b.late}
              draggable={!!tk}
              onDragStart={(ev) => startTicketDrag(ev, b.ticketId)}
              onClick={() => tk && onSelectTicket(tk)}
            >
              {label(b.ticketId)}
            </button>
          );
        })}
        {bars?.visits.map((b) => (b.slaX === null ? null : <span key={`sla-${b.ticketId}`} className={`gd-sched-sla${b.late ? ' gd-late' : ''}`} style={{ left: pct(b.slaX) }} aria-hidden data-testid="schedule-sla" />))}
        {nowX !== null && <div className="gd-sched-now" style={{ left: pct(nowX) }} aria-hidden />}
      </div>
    </div>
  );
}
