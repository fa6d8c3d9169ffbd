import dayjs from 'dayjs';
import L from 'leaflet';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Marker, Tooltip, useMap } from 'react-leaflet';
import { formatDateTime, formatRelative } from '../i18n/format';
import type { Board, BoardEngineer, BoardTicket } from './dispatch-types';

// The markers of the 派单地图: engineers coloured by status (faded when their position is stale), open
// field tickets by priority with their SLA urgency, and outlets. Ticket markers can be dragged onto an
// engineer: the drop is the engineer nearest the dropped point within DROP_PX on screen.

export const DROP_PX = 36;
/** due within this, a ticket is drawn urgent (red ring) */
export const DUE_SOON_MS = 2 * 60 * 60 * 1000;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where an engineer is drawn: the last reported position, else the home base; null: not on the map. */
export const engineerPoint = (e: BoardEngineer): [number, number] | null => (e.position ? [e.position.lat, e.position.lng] : e.home ? [e.home.lat, e.home.lng] : null);

export type Urgency = 'overdue' | 'soon' | 'ok' | 'none';
export function urgency(dueAt: string | null, now: number): Urgency {
  if (!dueAt) return 'none';
  const left = Date.parse(dueAt) - now;
  return left <= 0 ? 'overdue' : left <= DUE_SOON_MS ? 'soon' : 'ok';
}

/** The engineer (with a point) whose marker is nearest the screen point, within DROP_PX; else null. */
export function engineerAt(map: L.Map, at: L.LatLng, engineers: BoardEngineer[]): BoardEngineer | null {
  const p = map.latLngToContainerPoint(at);
  let best: BoardEngineer | null = null;
  let bestD = DROP_PX;
  for (const e of engineers) {
    const point = engineerPoint(e);
    if (!point) continue;
    const d = map.latLngToContainerPoint(point).distanceTo(p);
    if (d <= bestD) [best, bestD] = [e, d];
  }
  return best;
}

function EngineerMarker({ e, onClick }: { e: BoardEngineer; onClick: (e: BoardEngineer) => void }) {
  const { t } = useTranslation();
  const point = engineerPoint(e);
  const stale = !e.position || e.position.stale;
  // outside their shift a person is 下班 whatever status they last set
  const status = e.onShift ? e.status : 'off_shift';
  const icon = useMemo(
    () =>
      L.divIcon({
        className: '',
        iconSize: [30, 30],
        iconAnchor: [15, 15],
        html: `<div class="gd-eng gd-eng-${status}${stale ? ' gd-stale' : ''}" data-testid="engineer-marker" data-user-id="${esc(e.id)}" data-status="${status}" data-stale="${stale}" role="img" aria-label="${esc(`${t('dispatchMap.map.engineers')} ${e.name}，${t(`dispatchMap.status.${status}`)}`)}">${esc(e.name.slice(-2))}</div>`,
      }),
    [e.id, e.name, status, stale, t],
  );
  if (!point) return null;
  const kind = 'field' as const;
  return (
    <Marker position={point} icon={icon} zIndexOffset={500} eventHandlers={{ click: () => onClick(e) }} keyboard={false}>
      <Tooltip direction="top" offset={[0, -14]}>
        <div data-testid="engineer-tooltip">
          <strong>{e.name}</strong> · {t(`dispatchMap.status.${status}`)}
          <br />
          {t('dispatchMap.map.loadLine', { load: e.load[kind] ?? 0, capacity: e.capacity[kind] ?? 0 })}
          <br />
          {e.currentJob ? t('dispatchMap.map.currentJob', { number: e.currentJob.number, title: e.currentJob.title }) : t('dispatchMap.map.noJob')}
          <br />
          {!e.position ? t('dispatchMap.map.atHome') : e.position.stale ? t('dispatchMap.map.stale', { time: formatRelative(e.position.reportedAt) }) : t('dispatchMap.map.positionAt', { time: formatRelative(e.position.reportedAt) })}
        </div>
      </Tooltip>
    </Marker>
  );
}

interface TicketMarkerProps {
  ticket: BoardTicket;
  selected: boolean;
  now: number;
  engineers: BoardEngineer[];
  onSelect: (t: BoardTicket) => void;
  onDrop: (t: BoardTicket, e: BoardEngineer) => void;
}

function TicketMarker({ ticket, selected, now, engineers, onSelect, onDrop }: TicketMarkerProps) {
  const { t } = useTranslation();
  const map = useMap();
  const u = urgency(ticket.dueAt, now);
  const icon = useMemo(
    () =>
      L.divIcon({
        className: '',
        iconSize: [52, 20],
        iconAnchor: [26, 10],
        html: `<div class="gd-tk gd-tk-${ticket.priority} gd-due-${u}${selected ? ' gd-selected' : ''}${ticket.assigneeId ? ' gd-assigned' : ''}" data-testid="ticket-marker" data-ticket-id="${esc(ticket.id)}" data-number="${ticket.number}" data-urgency="${u}" role="img" aria-label="${esc(`${t('dispatchMap.map.tickets')} #${ticket.number}`)}"><span>${ticket.number}</span></div>`,
      }),
    [ticket.id, ticket.number, ticket.priority, ticket.assigneeId, u, selected, t],
  );
  if (!ticket.site) return null;
  const site: [number, number] = [ticket.site.lat, ticket.site.lng];
  return (
    <Marker
      position={site}
      icon={icon}
      draggable
      zIndexOffset={selected ? 1000 : 0}
      keyboard={false}
      eventHandlers={{
        click: () => onSelect(ticket),
        dragend: (ev) => {
          const marker = ev.target as L.Marker;
          const e = engineerAt(map, marker.getLatLng(), engineers);
          marker.setLatLng(site); // the ticket stays at its site; the drop only chooses the engineer
          if (e) onDrop(ticket, e);
        },
      }}
    >
      <Tooltip direction="top" offset={[0, -12]}>
        <div data-testid="ticket-tooltip">
          <strong>#{ticket.number}</strong> {ticket.title}
          <br />
          {t(`priority.${ticket.priority}`)}
          {ticket.skill ? ` · ${t('dispatchMap.map.needs', { skill: ticket.skill, level: ticket.level ?? 1 })}` : ''}
          {` · ${t('dispatchMap.map.onSite', { n: ticket.onSiteMinutes })}`}
          {ticket.bookedWindow ? <div>{t('dispatchMap.map.booked', { from: formatDateTime(ticket.bookedWindow.start), to: dayjs(ticket.bookedWindow.end).format('HH:mm') })}</div> : null}
          {u === 'overdue' ? (
            <div>{t('dispatchMap.map.overdue')}</div>
          ) : ticket.dueAt ? (
            <div>{`${u === 'soon' ? `${t('dispatchMap.map.dueSoon')} · ` : ''}${t('dispatchMap.map.due', { time: formatDateTime(ticket.dueAt) })}`}</div>
          ) : null}
          {ticket.site.address ? <div>{ticket.site.address}</div> : null}
          <div>{ticket.assignmentState ? t(`dispatchMap.state.${ticket.assignmentState}`) : t(ticket.queued ? 'dispatchMap.state.queued' : 'dispatchMap.map.unassigned')}</div>
        </div>
      </Tooltip>
    </Marker>
  );
}

export interface MarkersProps {
  board: Board;
  selectedId: string | null;
  now: number;
  onSelectTicket: (t: BoardTicket) => void;
  onEngineer: (e: BoardEngineer) => void;
  onDrop: (t: BoardTicket, e: BoardEngineer) => void;
}

export function Markers({ board, selectedId, now, onSelectTicket, onEngineer, onDrop }: MarkersProps) {
  const { t } = useTranslation();
  const outletIcon = useMemo(() => L.divIcon({ className: '', iconSize: [18, 18], iconAnchor: [9, 9], html: '<div class="gd-outlet" data-testid="outlet-marker"></div>' }), []);
  return (
    <>
      {board.outlets.map((o) => (
        <Marker key={o.id} position={[o.lat, o.lng]} icon={outletIcon} keyboard={false}>
          <Tooltip direction="top">{t('dispatchMap.map.outlet', { name: o.name })}</Tooltip>
        </Marker>
      ))}
      {board.tickets.map((tk) => (
        <TicketMarker key={tk.id} ticket={tk} selected={tk.id === selectedId} now={now} engineers={board.engineers} onSelect={onSelectTicket} onDrop={onDrop} />
      ))}
      {board.engineers.map((e) => (
        <EngineerMarker key={e.id} e={e} onClick={onEngineer} />
      ))}
    </>
  );
}
