import type L from 'leaflet';
import { useEffect, useState } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import { type Bbox, type Shown, spreadOffsets } from './map-clusters';

// The Leaflet side of 点聚合: the view the clusters are computed for (read again on zoomend / moveend), and
// where each marker is drawn once a cluster at the highest zoom has been spread out (spiderfy).

export interface MapView {
  bbox: Bbox;
  zoom: number;
}

/** The map's view, a little wider than the screen so that markers just outside are there when panning. onReset: a zoom or a click on the map begins. */
export function useMapView(onReset: () => void): MapView {
  const map = useMap();
  const read = (): MapView => {
    const b = map.getBounds().pad(0.2);
    return { bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: map.getZoom() };
  };
  const [view, setView] = useState(read);
  const update = () => setView(read());
  // the first framing (FitOnce) may have moved the map before these listeners were there
  useEffect(update, [map]);
  useMapEvents({ zoomstart: onReset, click: onReset, zoomend: update, moveend: update });
  return view;
}

/** A cluster spread out: its members around its point on screen. */
export interface Spread {
  kind: 'ticket' | 'engineer';
  lat: number;
  lng: number;
  ids: string[];
}

export interface Placed<T> {
  id: string;
  item: T;
  lat: number;
  lng: number;
}

export type ShownCluster<T> = Extract<Shown<T>, { kind: 'cluster' }>;

export interface Layout<T> {
  singles: Placed<T>[];
  clusters: ShownCluster<T>[];
  /** from the spread cluster's point to each of its markers */
  legs: [number, number][][];
}

/** What to draw: the clusters and single markers, the spread cluster's members fanned out around it instead. */
export function layoutOf<T>(map: L.Map, shown: Shown<T>[], spread: Spread | null, byId: Map<string, T>): Layout<T> {
  const inSpread = new Set(spread?.ids ?? []);
  const singles: Placed<T>[] = [];
  const clusters: ShownCluster<T>[] = [];
  for (const s of shown) {
    if (s.kind === 'single') {
      if (!inSpread.has(s.id)) singles.push({ id: s.id, item: s.item, lat: s.lat, lng: s.lng });
    } else if (!s.members.every((id) => inSpread.has(id))) clusters.push(s);
  }
  const legs: [number, number][][] = [];
  if (spread) {
    const zoom = map.getZoom();
    const centre = map.project([spread.lat, spread.lng], zoom);
    const items = spread.ids.flatMap((id) => (byId.has(id) ? [{ id, item: byId.get(id)! }] : []));
    spreadOffsets(items.length).forEach(([dx, dy], i) => {
      const at = map.unproject(centre.add([dx, dy]), zoom);
      singles.push({ ...items[i], lat: at.lat, lng: at.lng });
      legs.push([
        [spread.lat, spread.lng],
        [at.lat, at.lng],
      ]);
    });
  }
  return { singles, clusters, legs };
}
