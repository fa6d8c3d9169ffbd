import type { FeatureCollection, Point } from 'geojson';
import { useEffect, useState } from 'react';
import { CircleMarker, GeoJSON, Pane, Tooltip } from 'react-leaflet';
import baseLayerUrl from './base-layer/china-base.json?url';

// China's provinces as vector outlines and the major cities as labelled points, shipped with the console
// (base-layer/SOURCE.md): the map needs no tile server. Fetched once, only by the map page.

let cached: Promise<FeatureCollection> | null = null;
const loadBaseLayer = () =>
  (cached ??= fetch(baseLayerUrl).then((r) => {
    if (!r.ok) throw new Error(`base layer: HTTP ${r.status}`);
    return r.json() as Promise<FeatureCollection>;
  }));

const PROVINCE_STYLE = { color: '#8c9bb0', weight: 1, fillColor: '#eef2f7', fillOpacity: 1, className: 'gd-province' };

export function BaseLayer() {
  const [data, setData] = useState<FeatureCollection | null>(null);
  useEffect(() => {
    let live = true;
    loadBaseLayer()
      .then((d) => live && setData(d))
      .catch(() => {
        cached = null; // a later visit tries again; the markers show without outlines meanwhile
      });
    return () => {
      live = false;
    };
  }, []);
  if (!data) return null;
  const provinces = { ...data, features: data.features.filter((f) => f.properties?.kind === 'province') };
  const cities = data.features.filter((f) => f.properties?.kind === 'city');
  return (
    <Pane name="gd-base" style={{ zIndex: 250 }}>
      <GeoJSON data={provinces} style={() => PROVINCE_STYLE} interactive={false} />
      {cities.map((c) => {
        const [lng, lat] = (c.geometry as Point).coordinates;
        return (
          <CircleMarker key={String(c.properties?.name)} center={[lat, lng]} radius={2.5} pathOptions={{ color: '#5b6b82', weight: 1, fillColor: '#5b6b82', fillOpacity: 1, className: 'gd-city' }} interactive={false}>
            <Tooltip permanent direction="right" offset={[4, 0]} className="gd-city-label">
              {String(c.properties?.name)}
            </Tooltip>
          </CircleMarker>
        );
      })}
    </Pane>
  );
}
