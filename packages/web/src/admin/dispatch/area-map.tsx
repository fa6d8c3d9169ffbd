import 'leaflet/dist/leaflet.css';
import '../../dispatch/dispatch-map.css';
import L from 'leaflet';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Circle, CircleMarker, MapContainer, Polygon, Polyline, Tooltip, ZoomControl, useMap, useMapEvents } from 'react-leaflet';
import { MapGround } from '../../dispatch/map-ground';
import { pickedPosition } from '../../tickets/site/site-geo';
import type { LatLngPair } from './profile-values';

// The small map of the 派单档案's 服务范围: a radius's circle or a polygon as it is drawn, a click picking a
// point (the centre, or the next vertex). Loaded lazily, so the admin pages carry Leaflet only once a map is shown.

export interface AreaMapProps {
  /** where the map opens when there is nothing to show yet */
  start: LatLngPair;
  /** a radius: its centre, and the circle when km is given */
  circle?: { center: LatLngPair; km: number | null } | null;
  /** a polygon's vertices in order */
  points?: LatLngPair[];
  /** frame the polygon (one loaded, not one being drawn: the view stays put under the admin's clicks) */
  fitPoints?: boolean;
  /** places to draw by: the tenant's 服务网点 and the person's home base (no tile server draws streets) */
  landmarks?: { at: LatLngPair; label: string }[];
  /** a click on the map, rounded to 6 decimals */
  onPick: (p: LatLngPair) => void;
  tileUrl?: string | null;
  attribution?: string | null;
  height?: number;
}

const SHAPE = { color: '#1677ff', weight: 2, fillOpacity: 0.15 };
const VERTEX = { color: '#1677ff', weight: 2, fillColor: '#fff', fillOpacity: 1 };
const LANDMARK = { color: '#13a8a8', weight: 1, fillColor: '#13a8a8', fillOpacity: 0.9 };
// the class names (Leaflet's own option: pathOptions only restyle) tell what is drawn from the base layer's outlines
const shape = { pathOptions: SHAPE, className: 'gd-area-shape', interactive: false };
const vertex = { pathOptions: VERTEX, className: 'gd-area-vertex', interactive: false };

function Clicks({ onPick }: { onPick: AreaMapProps['onPick'] }) {
  useMapEvents({
    click: (e) => {
      const p = pickedPosition(e.latlng);
      onPick([p.lat, p.lng]);
    },
  });
  return null;
}

/** Frames `bounds` whenever they change, once the map has a size (a drawer still opening has none). */
function Frame({ bounds }: { bounds: L.LatLngBounds | null }) {
  const map = useMap();
  const [sized, setSized] = useState(() => map.getSize().x > 0 && map.getSize().y > 0);
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      map.invalidateSize();
      setSized(map.getSize().x > 0 && map.getSize().y > 0);
    });
    ro.observe(map.getContainer());
    return () => ro.disconnect();
  }, [map]);
  const key = bounds?.toBBoxString() ?? '';
  useEffect(() => {
    if (bounds && sized) map.fitBounds(bounds, { padding: [16, 16], maxZoom: 15 });
    // bounds is a new object on every render: its box (key) is what says it changed
  }, [key, sized, map]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}

/** An empty map follows its start (the outlets may load after the map opened on 上海). */
function Recentre({ start, empty }: { start: LatLngPair; empty: boolean }) {
  const map = useMap();
  const [lat, lng] = start;
  useEffect(() => {
    if (empty) map.setView([lat, lng], map.getZoom());
    // only a new start moves the view: clearing a polygon leaves it where the admin is
  }, [lat, lng, map]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}

export default function AreaMap({ start, circle, points = [], fitPoints, landmarks = [], onPick, tileUrl, attribution, height = 260 }: AreaMapProps) {
  const { t } = useTranslation();
  const center = circle?.center ?? null;
  const km = circle?.km ?? null;
  const bounds = center && km ? L.latLng(center).toBounds(km * 2000) : fitPoints && points.length ? L.latLngBounds(points) : null;
  return (
    <div role="region" aria-label={t('dispatch.profile.mapAria')} data-testid="profile-area-map" data-base-layer={tileUrl ? 'tiles' : 'vector'} style={{ height, cursor: 'crosshair' }}>
      <MapContainer className="gd-dispatch-map" style={{ height: '100%' }} center={center ?? points[0] ?? start} zoom={11} zoomControl={false} attributionControl={false} minZoom={3} maxZoom={18}>
        <MapGround tileUrl={tileUrl} attribution={attribution} />
        <ZoomControl position="topleft" zoomInTitle={t('dispatchMap.map.zoomIn')} zoomOutTitle={t('dispatchMap.map.zoomOut')} />
        <Clicks onPick={onPick} />
        <Frame bounds={bounds} />
        <Recentre start={start} empty={!center && !points.length} />
        {center && km ? <Circle center={center} radius={km * 1000} {...shape} /> : null}
        {center && <CircleMarker center={center} radius={5} {...vertex} />}
        {points.length >= 3 ? <Polygon positions={points} {...shape} /> : points.length === 2 ? <Polyline positions={points} {...shape} /> : null}
        {landmarks.map((l) => (
          <CircleMarker key={`${l.label}@${l.at.join(',')}`} center={l.at} radius={4} pathOptions={LANDMARK} className="gd-area-landmark" interactive={false}>
            <Tooltip permanent direction="right" offset={[4, 0]} className="gd-city-label">
              {l.label}
            </Tooltip>
          </CircleMarker>
        ))}
        {points.map((p, i) => (
          <CircleMarker key={i} center={p} radius={4} {...vertex} />
        ))}
      </MapContainer>
    </div>
  );
}
