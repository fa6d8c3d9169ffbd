import { AttributionControl, TileLayer } from 'react-leaflet';
import { BaseLayer } from './base-layer';

/** What a map of the console is drawn on: the configured tiles (MAP_TILE_URL) with their attribution, else the shipped base layer. */
export function MapGround({ tileUrl, attribution }: { tileUrl?: string | null; attribution?: string | null }) {
  if (!tileUrl) return <BaseLayer />;
  return (
    <>
      <TileLayer url={tileUrl} attribution={attribution ?? undefined} />
      <AttributionControl prefix={false} />
    </>
  );
}
