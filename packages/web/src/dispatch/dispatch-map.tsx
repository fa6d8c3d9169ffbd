import 'leaflet/dist/leaflet.css';
import './dispatch-map.css';
import { useTranslation } from 'react-i18next';
import { MapContainer, ZoomControl } from 'react-leaflet';
import { MapGround } from './map-ground';
import { MAX_ZOOM } from './map-clusters';
import { CHINA, FitOnce, OutOfView, ShowSelected } from './map-frame';
import { Markers, type MarkersProps } from './map-markers';
import { RouteLines } from './route-lines';

// The Leaflet map of the 派单地图: the shipped base layer (no tile server needed), or the tenant's tiles
// when MAP_TILE_URL is configured, under the engineers, tickets and outlets.

export default function DispatchMap(props: MarkersProps & { height: number }) {
  const { t } = useTranslation();
  const { board, height } = props;
  const tiles = board.map.tileUrl;
  return (
    <div role="region" aria-label={t('dispatchMap.map.aria')} data-testid="dispatch-map" data-base-layer={tiles ? 'tiles' : 'vector'} style={{ height }}>
      <MapContainer className="gd-dispatch-map" style={{ height: '100%' }} bounds={CHINA} zoomControl={false} attributionControl={false} minZoom={3} maxZoom={MAX_ZOOM} worldCopyJump={false}>
        <MapGround tileUrl={tiles} attribution={board.map.attribution} />
        <ZoomControl position="topleft" zoomInTitle={t('dispatchMap.map.zoomIn')} zoomOutTitle={t('dispatchMap.map.zoomOut')} />
        <FitOnce board={board} />
        <OutOfView board={board} />
        <ShowSelected board={board} selectedId={props.selectedId} />
        <RouteLines board={board} />
        <Markers {...props} />
      </MapContainer>
    </div>
  );
}
