// Distances, areas and where a person is: plain geometry on WGS-84 degrees, no I/O.
import type { Area, DecisionContext, LatLng, Person } from './types';

const EARTH_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle (haversine) distance in km. */
export function travelKm(a: LatLng, b: LatLng): number {
  const dLat = (b[0] - a[0]) * RAD;
  const dLng = (b[1] - a[1]) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * RAD) * Math.cos(b[0] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * Ray casting on [lat, lng] vertices (open or closed ring). Service areas are city-sized, so treating
 * degrees as planar is accurate enough; a point exactly on an edge may fall either way.
 */
export function pointInPolygon(p: LatLng, points: LatLng[]): boolean {
  let inside = false;
  const [y, x] = p;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [yi, xi] = points[i];
    const [yj, xj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function inArea(p: LatLng, area: Area): boolean {
  return area.kind === 'radius' ? travelKm(area.center, p) <= area.km : pointInPolygon(p, area.points);
}

/** The person's fresh reported position, else their home base, else null (position unknown). */
export function personPosition(p: Person, ctx: DecisionContext): LatLng | null {
  const pos = p.position;
  if (pos && ctx.now.getTime() - pos.reportedAt.getTime() <= ctx.positionStaleMs) return pos.at;
  return p.home;
}

/** Travel minutes between two points: the context's road-time provider, else straight line at speedKmh. */
export function travelMinutesBetween(from: LatLng, to: LatLng, ctx: DecisionContext, km = travelKm(from, to)): number {
  if (ctx.travelMinutes) return ctx.travelMinutes(from, to);
  return ctx.speedKmh > 0 ? (km / ctx.speedKmh) * 60 : Number.POSITIVE_INFINITY;
}
