import { Button } from 'antd';
import L from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap, useMapEvents } from 'react-leaflet';
import type { Board } from './dispatch-types';
import { densestGroup } from './map-clusters';
import { engineerPoint } from './map-markers';

// How the 派单地图 is framed: once, on the densest group of points (one ticket in 广州 no longer frames half of
// China around the 上海 team), with a small control telling how many points are out of view and showing all.

export const CHINA: L.LatLngBoundsExpression = [
  [18, 73],
  [53.5, 135],
];

const boardPoints = (board: Board) =>
  [...board.engineers.map(engineerPoint), ...board.tickets.map((t) => (t.site ? ([t.site.lat, t.site.lng] as [number, number]) : null)), ...board.outlets.map((o) => [o.lat, o.lng] as [number, number])].filter(
    (p): p is [number, number] => !!p,
  );

// zoom 12 at most keeps a district's streets' worth of context around a few points; clusters keep a
// crowded city readable at any zoom
const frame = (map: L.Map, points: [number, number][]) => (points.length ? map.fitBounds(L.latLngBounds(points).pad(0.25), { maxZoom: 12 }) : map.fitBounds(CHINA));

/** Frames the densest group of the board's points once (China when there are none); later refetches leave the view alone. */
export function FitOnce({ board }: { board: Board }) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    frame(map, densestGroup(boardPoints(board)));
  }, [board, map]);
  return null;
}

/** "N 个在视野外 · 显示全部" while some of the board's points are outside the view. */
export function OutOfView({ board }: { board: Board }) {
  const { t } = useTranslation();
  const map = useMap();
  const points = useMemo(() => boardPoints(board), [board]);
  const [bounds, setBounds] = useState(() => map.getBounds());
  useMapEvents({ moveend: () => setBounds(map.getBounds()) });
  // FitOnce may have framed the map before the listener was there
  useEffect(() => setBounds(map.getBounds()), [map]);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    L.DomEvent.disableClickPropagation(box.current);
    L.DomEvent.disableScrollPropagation(box.current);
  });
  const outside = points.filter((p) => !bounds.contains(p)).length;
  if (!outside) return null;
  return (
    <div ref={box} className="gd-out-of-view" data-testid="out-of-view" data-count={outside}>
      {t('dispatchMap.cluster.outOfView', { count: outside })}
      <Button type="link" size="small" onClick={() => frame(map, points)} data-testid="show-all">
        {t('dispatchMap.cluster.showAll')}
      </Button>
    </div>
  );
}

/** Brings the picked ticket into view (picked in the list, or from the URL) when its site is off the map. */
export function ShowSelected({ board, selectedId }: { board: Board; selectedId: string | null }) {
  const map = useMap();
  const site = board.tickets.find((tk) => tk.id === selectedId)?.site ?? null;
  const lat = site?.lat;
  const lng = site?.lng;
  useEffect(() => {
    if (lat === undefined || lng === undefined) return;
    if (!map.getBounds().pad(-0.05).contains([lat, lng])) map.panTo([lat, lng]);
  }, [selectedId, lat, lng, map]);
  return null;
}
