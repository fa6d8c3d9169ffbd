import 'leaflet/dist/leaflet.css';
import '../../dispatch/dispatch-map.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, MapContainer, ZoomControl, useMap, useMapEvents } from 'react-leaflet';
import { MapGround } from '../../dispatch/map-ground';
import { CHINA } from '../../dispatch/map-frame';
import { pickedPosition } from './site-geo';

// The small map of the 上门地址 input: the 派单地图's own base layer (China's provinces and cities as
// vector outlines, no tile server), or tiles when a URL is given. A click sets the position. Loaded
// lazily, so the ticket pages do not carry Leaflet until the map is opened.

interface Props {
  position: { lat: number; lng: number } | null;
  onPick: (p: { lat: number; lng: number }) => void;
  tileUrl?: string | null;
  attribution?: string | null;
  height?: number;
}

function Clicks({ onPick }: { onPick: Props['onPick'] }) {
  useMapEvents({ click: (e) => onPick(pickedPosition(e.latlng)) });
  return null;
}

function Follow({ position }: { position: Props['position'] }) {
  const map = useMap();
  const lat = position?.lat;
  const lng = position?.lng;
  useEffect(() => {
    if (lat === undefined || lng === undefined) return;
    if (!map.getBounds().contains([lat, lng])) map.setView([lat, lng], Math.max(map.getZoom(), 10));
  }, [lat, lng, map]);
  return null;
}

export default function SiteMap({ position, onPick, tileUrl, attribution, height = 260 }: Props) {
  const { t } = useTranslation();
  return (
    <div role="region" aria-label={t('site.mapAria')} data-testid="site-map" data-base-layer={tileUrl ? 'tiles' : 'vector'} style={{ height, cursor: 'crosshair' }}>
      <MapContainer
        className="gd-dispatch-map"
        style={{ height: '100%' }}
        {...(position ? { center: [position.lat, position.lng] as [number, number], zoom: 11 } : { bounds: CHINA })}
        zoomControl={false}
        attributionControl={false}
        minZoom={3}
        maxZoom={18}
      >
        <MapGround tileUrl={tileUrl} attribution={attribution} />
        <ZoomControl position="topleft" zoomInTitle={t('dispatchMap.map.zoomIn')} zoomOutTitle={t('dispatchMap.map.zoomOut')} />
        <Clicks onPick={onPick} />
        <Follow position={position} />
        {position && <CircleMarker center={[position.lat, position.lng]} radius={7} pathOptions={{ color: '#cf1322', weight: 2, fillColor: '#ff4d4f', fillOpacity: 0.9 }} interactive={false} />}
      </MapContainer>
    </div>
  );
}
