import Supercluster from 'supercluster';

// 点聚合 on the 派单地图, without Leaflet: the points of one kind (tickets, or engineers) in a supercluster
// index; what to draw for a view (bbox + zoom); how a ticket cluster is coloured; where the leaves of a
// cluster that cannot be split go on screen (spiderfy); and the densest group of points to frame first.

/** Markers closer than this on screen become one cluster. */
export const CLUSTER_PX = 40;
/** The map's highest zoom: points still together there are spread out by a click, not zoomed into. */
export const MAX_ZOOM = 18;

/** A point to cluster: its id, where, the thing drawn, and its weight (the cluster keeps the highest). */
export interface MapPoint<T> {
  id: string;
  lat: number;
  lng: number;
  item: T;
  score: number;
}

export type Shown<T> =
  | { kind: 'single'; id: string; lat: number; lng: number; item: T }
  | { kind: 'cluster'; id: number; lat: number; lng: number; count: number; score: number; members: string[]; sample: T[] };

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

type Props<T> = { id: string; item: T; score: number };
type ClusterProps = { score: number };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** One kind of marker clustered; the ids in `apart` (the selected ticket …) are always drawn on their own. */
export class ClusterIndex<T> {
  private readonly index: Supercluster<Props<T>, ClusterProps>;
  private readonly apart: MapPoint<T>[];

  constructor(points: MapPoint<T>[], apart: ReadonlySet<string> = new Set(), radius = CLUSTER_PX) {
    // extent 256: supercluster's zoom is then Leaflet's (256 px tiles), so the radius is in screen pixels
    this.index = new Supercluster<Props<T>, ClusterProps>({
      radius,
      extent: 256,
      maxZoom: MAX_ZOOM,
      map: (p) => ({ score: p.score }),
      reduce: (acc, p) => {
        acc.score = Math.max(acc.score, p.score);
      },
    });
    this.apart = points.filter((p) => apart.has(p.id));
    this.index.load(
      points
        .filter((p) => !apart.has(p.id))
        .map((p) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] }, properties: { id: p.id, item: p.item, score: p.score } })),
    );
  }

  /** What to draw in the bbox at the zoom: single points and clusters (with their members' ids and the first few items). */
  at(bbox: Bbox, zoom: number, sampleSize = 3): Shown<T>[] {
    const [w, s, e, n] = bbox;
    const box: Bbox = e - w >= 360 ? [-180, clamp(s, -85, 85), 180, clamp(n, -85, 85)] : [clamp(w, -180, 180), clamp(s, -85, 85), clamp(e, -180, 180), clamp(n, -85, 85)];
    const shown: Shown<T>[] = this.index.getClusters(box, Math.round(zoom)).map((f) => {
      const [lng, lat] = f.geometry.coordinates as [number, number];
      if ('cluster' in f.properties && f.properties.cluster) {
        const leaves = this.leaves(f.properties.cluster_id);
        return { kind: 'cluster' as const, id: f.properties.cluster_id, lat, lng, count: f.properties.point_count, score: f.properties.score, members: leaves.map((l) => l.id), sample: leaves.slice(0, sampleSize).map((l) => l.item) };
      }
      const p = f.properties as Props<T>;
      return { kind: 'single' as const, id: p.id, lat, lng, item: p.item };
    });
    return [...shown, ...this.apart.map((p) => ({ kind: 'single' as const, id: p.id, lat: p.lat, lng: p.lng, item: p.item }))];
  }

  /** The zoom at which the cluster splits; above MAX_ZOOM when its points are at one place. */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }

  leaves(clusterId: number): { id: string; item: T }[] {
    return this.index.getLeaves(clusterId, Infinity).map((f) => ({ id: f.properties.id, item: f.properties.item }));
  }
}

// A ticket cluster takes the colour of its most urgent ticket: overdue, then due soon, then by priority.
const PRIORITY_SCORE: Record<string, number> = { low: 1, normal: 2, high: 3, urgent: 4 };
const URGENCY_SCORE: Record<string, number> = { soon: 5, overdue: 6 };
const TONES = ['none', 'low', 'normal', 'high', 'urgent', 'soon', 'overdue'] as const;
export type TicketTone = (typeof TONES)[number];

export const ticketScore = (priority: string, urgency: string): number => URGENCY_SCORE[urgency] ?? PRIORITY_SCORE[priority] ?? 0;
export const ticketTone = (score: number): TicketTone => TONES[clamp(Math.round(score), 0, TONES.length - 1)];

/**
 * Screen offsets (px) for n markers at one place: a circle around it, wide enough that neighbours are
 * `spacing` apart along it (a ticket pill is 52 px wide), starting at the top and going clockwise.
 */
export function spreadOffsets(n: number, spacing = 56, minRadius = 36): [number, number][] {
  if (n <= 0) return [];
  if (n === 1) return [[0, 0]];
  const r = Math.max(minRadius, (n * spacing) / (2 * Math.PI));
  return Array.from({ length: n }, (_, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [Math.round(r * Math.cos(a)), Math.round(r * Math.sin(a))];
  });
}

/**
 * The densest group of points: those in the biggest cluster at a country-wide zoom (about 85 km apart at
 * zoom 6), so one far-away ticket does not frame half of China. All the points when no group has two.
 */
export function densestGroup(points: [number, number][], zoom = 6): [number, number][] {
  if (points.length < 3) return points;
  const index = new ClusterIndex(points.map(([lat, lng], i) => ({ id: String(i), lat, lng, item: i, score: 0 })));
  const clusters = index.at([-180, -85, 180, 85], zoom).filter((s) => s.kind === 'cluster');
  if (!clusters.length) return points;
  const biggest = clusters.reduce((a, b) => (b.count > a.count ? b : a));
  return biggest.members.map((id) => points[Number(id)]);
}
