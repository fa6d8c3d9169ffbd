import dayjs from 'dayjs';
import L from 'leaflet';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Marker, Polyline, Tooltip, useMap } from 'react-leaflet';
import { formatDateTime, formatRelative } from '../i18n/format';
import type { Board, BoardEngineer, BoardTicket } from './dispatch-types';
import { ClusterMarker } from './map-cluster-marker';
import { ClusterIndex, type MapPoint, ticketScore, ticketTone } from './map-clusters';
import { layoutOf, type ShownCluster, type Spread, useMapView } from './use-cluster-layout';

// The markers of the 派单地图: engineers coloured by status (faded when their position is stale), open
// field tickets by priority with their SLA urgency, and outlets. Markers closer than 40 px on screen are
// drawn as one cluster (点聚合, tickets and engineers apart; never the selected ticket). Ticket markers can
// be dragged onto an engineer: the drop is the marker nearest the dropped point within DROP_PX on screen;
// onto a cluster of engineers it zooms into the cluster, as the drop cannot choose a person there.

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

/** Of the things drawn at a point, the one nearest the screen point within DROP_PX; else null. */
export function nearestOnScreen<T>(map: L.Map, at: L.LatLng, things: T[], pointOf: (x: T) => [number, number] | null): T | null {
  const p = map.latLngToContainerPoint(at);
  let best: T | null = null;
  let bestD = DROP_PX;
  for (const x of things) {
    const point = pointOf(x);
    if (!point) continue;
    const d = map.latLngToContainerPoint(point).distanceTo(p);
    if (d <= bestD) [best, bestD] = [x, d];
  }
  return best;
}

/** The engineer (with a point) whose marker is nearest the screen point, within DROP_PX; else null. */
export const engineerAt = (map: L.Map, at: L.LatLng, engineers: BoardEngineer[]): BoardEngineer | null => nearestOnScreen(map, at, engineers, engineerPoint);

/** An engineer counts as available for a cluster's colour when on shift and 在线. */
const available = (e: BoardEngineer) => e.onShift && e.status === 'available';

/** A stable [lat, lng] while the numbers stay: react-leaflet moves a marker whenever its position array changes (mid-drag too). */
const usePoint = (lat: number, lng: number) => useMemo<[number, number]>(() => [lat, lng], [lat, lng]);

function EngineerMarker({ e, lat, lng, onClick }: { e: BoardEngineer; lat: number; lng: number; onClick: (e: BoardEngineer) => void }) {
  const { t } = useTranslation();
  const point = usePoint(lat, lng);
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
  const kind = 'field' as const;
  return (
    <Marker position={point} icon={icon} zIndexOffset={500} eventHandlers={{ click: () => onClick(e) }} keyboard={false}>
      <Tooltip direction="top" offset={[0, -14]}>
        <div data-testid="engineer-tooltip">
          <strong>{e.name}</strong> · {t(`dispatchMap.status.${status}`)}
          <br />
          {t('dispatchMap.map.loadLine', { load: e.load[kind] ?? 0, capacity: e.capacity[kind] ?? 0 })}
          {e.today && ` · ${t('dispatchMap.map.todayLine', { given: e.today.given, limit: e.today.limit })}`}
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
  /** where it is drawn: its site, or its place in a spread-out cluster */
  lat: number;
  lng: number;
  selected: boolean;
  now: number;
  onSelect: (t: BoardTicket) => void;
  onDragStart: () => void;
  onDropAt: (t: BoardTicket, at: L.LatLng) => void;
  /** the name of whoever holds it, for the tooltip */
  holder?: string;
}

function TicketMarker({ ticket, lat, lng, selected, now, onSelect, onDragStart, onDropAt, holder }: TicketMarkerProps) {
  const { t } = useTranslation();
  const site = usePoint(lat, lng);
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
  return (
    <Marker
      position={site}
      icon={icon}
      draggable
      zIndexOffset={selected ? 1000 : 0}
      keyboard={false}
      eventHandlers={{
        click: () => onSelect(ticket),
        dragstart: onDragStart,
        dragend: (ev) => {
          const marker = ev.target as L.Marker;
          const at = marker.getLatLng();
          marker.setLatLng(site); // the ticket stays at its site; the drop only chooses the engineer
          onDropAt(ticket, at);
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
          {ticket.site?.address ? <div>{ticket.site.address}</div> : null}
          <div>
            {ticket.assignmentState ? t(`dispatchMap.state.${ticket.assignmentState}`) : t(ticket.queued ? 'dispatchMap.state.queued' : 'dispatchMap.map.unassigned')}
            {holder ? ` · ${holder}` : ''}
          </div>
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

/** The clusters and markers drawn during a drag: kept as they were when it started, so no target merges away under the hand. */
interface Drawn {
  tickets: ClusterIndex<BoardTicket>;
  engineers: ClusterIndex<BoardEngineer>;
  view: ReturnType<typeof useMapView>;
}

export function Markers({ board, selectedId, now, onSelectTicket, onEngineer, onDrop }: MarkersProps) {
  const { t } = useTranslation();
  const map = useMap();
  const outletIcon = useMemo(() => L.divIcon({ className: '', iconSize: [18, 18], iconAnchor: [9, 9], html: '<div class="gd-outlet" data-testid="outlet-marker"></div>' }), []);
  const [spread, setSpread] = useState<Spread | null>(null);
  const names = useMemo(() => new Map(board.engineers.map((e) => [e.id, e.name])), [board.engineers]);
  const [dragging, setDragging] = useState<Drawn | null>(null);
  const view = useMapView(() => setSpread(null));
  const ticketIndex = useMemo(() => {
    const points = board.tickets.flatMap((tk): MapPoint<BoardTicket>[] => (tk.site ? [{ id: tk.id, lat: tk.site.lat, lng: tk.site.lng, item: tk, score: ticketScore(tk.priority, urgency(tk.dueAt, now)) }] : []));
    return new ClusterIndex(points, new Set(selectedId ? [selectedId] : []));
  }, [board.tickets, now, selectedId]);
  const engineerIndex = useMemo(() => {
    const points = board.engineers.flatMap((e): MapPoint<BoardEngineer>[] => {
      const p = engineerPoint(e);
      return p ? [{ id: e.id, lat: p[0], lng: p[1], item: e, score: available(e) ? 1 : 0 }] : [];
    });
    return new ClusterIndex(points);
  }, [board.engineers]);
  const drawn: Drawn = dragging ?? { tickets: ticketIndex, engineers: engineerIndex, view };
  const ticketsShown = useMemo(() => drawn.tickets.at(drawn.view.bbox, drawn.view.zoom), [drawn.tickets, drawn.view]);
  const engineersShown = useMemo(() => drawn.engineers.at(drawn.view.bbox, drawn.view.zoom), [drawn.engineers, drawn.view]);
  const byId = useMemo(() => ({ tickets: new Map(board.tickets.map((x) => [x.id, x])), engineers: new Map(board.engineers.map((x) => [x.id, x])) }), [board]);
  const tickets = layoutOf(map, ticketsShown, spread?.kind === 'ticket' ? spread : null, byId.tickets);
  const engineers = layoutOf(map, engineersShown, spread?.kind === 'engineer' ? spread : null, byId.engineers);

  /** A cluster's click: zoom to where it splits, centred on it; at the highest zoom spread its markers around it. */
  const spreads = <T,>(index: ClusterIndex<T>, c: ShownCluster<T>) => index.expansionZoom(c.id) > map.getMaxZoom();
  const open = <T,>(kind: Spread['kind'], index: ClusterIndex<T>, c: ShownCluster<T>) => {
    if (spreads(index, c)) {
      setSpread({ kind, lat: c.lat, lng: c.lng, ids: c.members });
      map.panTo([c.lat, c.lng]);
    } else map.setView([c.lat, c.lng], index.expansionZoom(c.id));
  };
  const dropAt = (tk: BoardTicket, at: L.LatLng) => {
    const index = drawn.engineers;
    setDragging(null);
    type Target = { single: BoardEngineer; lat: number; lng: number } | { cluster: ShownCluster<BoardEngineer>; lat: number; lng: number };
    const targets: Target[] = [...engineers.singles.map((x) => ({ single: x.item, lat: x.lat, lng: x.lng })), ...engineers.clusters.map((c) => ({ cluster: c, lat: c.lat, lng: c.lng }))];
    const target = nearestOnScreen(map, at, targets, (x) => [x.lat, x.lng]);
    if (!target) return;
    if ('single' in target) onDrop(tk, target.single);
    else open('engineer', index, target.cluster);
  };

  return (
    <>
      {board.outlets.map((o) => (
        <Marker key={o.id} position={[o.lat, o.lng]} icon={outletIcon} keyboard={false}>
          <Tooltip direction="top">{t('dispatchMap.map.outlet', { name: o.name })}</Tooltip>
        </Marker>
      ))}
      {[...tickets.legs, ...engineers.legs].map((leg, i) => (
        <Polyline key={i} positions={leg} pathOptions={{ color: '#595959', weight: 1, dashArray: '3 3', interactive: false }} />
      ))}
      {tickets.clusters.map((c) => (
        <ClusterMarker key={`t:${c.members[0]}:${c.count}`} kind="ticket" lat={c.lat} lng={c.lng} count={c.count} members={c.members} tone={ticketTone(c.score)} names={c.sample.map((x) => `#${x.number}`)} spreads={spreads(drawn.tickets, c)} onClick={() => open('ticket', drawn.tickets, c)} />
      ))}
      {tickets.singles.map((x) => (
        <TicketMarker key={x.id} ticket={x.item} lat={x.lat} lng={x.lng} selected={x.id === selectedId} now={now} onSelect={onSelectTicket} onDragStart={() => setDragging(drawn)} onDropAt={dropAt} holder={x.item.assigneeId ? names.get(x.item.assigneeId) : undefined} />
      ))}
      {engineers.clusters.map((c) => (
        <ClusterMarker key={`e:${c.members[0]}:${c.count}`} kind="engineer" lat={c.lat} lng={c.lng} count={c.count} members={c.members} tone={c.score > 0 ? 'available' : 'none'} names={c.sample.map((x) => x.name)} spreads={spreads(drawn.engineers, c)} onClick={() => open('engineer', drawn.engineers, c)} />
      ))}
      {engineers.singles.map((x) => (
        <EngineerMarker key={x.id} e={x.item} lat={x.lat} lng={x.lng} onClick={onEngineer} />
      ))}
    </>
  );
}
