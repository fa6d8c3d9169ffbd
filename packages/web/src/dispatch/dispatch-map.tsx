import 'leaflet/dist/leaflet.css';
import './dispatch-map.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AttributionControl, MapContainer, TileLayer, useMap, ZoomControl } from 'react-leaflet';
import { BaseLayer } from './base-layer';
import type { Board } from './dispatch-types';
import { engineerPoint, Markers, type MarkersProps } from './map-markers';
import { RouteLines } from './route-lines';

// The Leaflet map of the 派单地图: the shipped base layer (no tile server needed), or the tenant's tiles
// when MAP_TILE_URL is configured, under the engineers, tickets and outlets.

const CHINA: L.LatLngBoundsExpression = [
  [18, 73],
  [53.5, 135],
];

/** Frames the board's points once (China when there are none); later refetches leave the view alone. */
function FitOnce({ board }: { board: Board }) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    const points = [...board.engineers.map(engineerPoint), ...board.tickets.map((t) => (t.site ? ([t.site.lat, t.site.lng] as [number, number]) : null)), ...board.outlets.map((o) => [o.lat, o.lng] as [number, number])].filter(
      (p): p is [number, number] => !!p,
    );
    if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.25), { maxZoom: 10 }); // zoom 10 keeps the neighbouring outlines and cities in view
    else map.fitBounds(CHINA);
  }, [board, map]);
  return null;
}

export default function DispatchMap(props: MarkersProps & { height: number }) {
  const { t } = useTranslation();
  const { board, height } = props;
  const tiles = board.map.tileUrl;
  return (
    <div role="region" aria-label={t('dispatchMap.map.aria')} data-testid="dispatch-map" data-base-layer={tiles ? 'tiles' : 'vector'} style={{ height }}>
      <MapContainer className="gd-dispatch-map" style={{ height: '100%' }} bounds={CHINA} zoomControl={false} attributionControl={false} minZoom={3} maxZoom={18} worldCopyJump={false}>
        {tiles ? (
          <>
            <TileLayer url={tiles} attribution={board.map.attribution ?? undefined} />
            <AttributionControl prefix={false} />
          </>
        ) : (
          <BaseLayer />
        )}
        <ZoomControl position="topleft" zoomInTitle={t('dispatchMap.map.zoomIn')} zoomOutTitle={t('dispatchMap.map.zoomOut')} />
        <FitOnce board={board} />
        <RouteLines board={board} />
        <Markers {...props} />
      </MapContainer>
    </div>
  );
}
