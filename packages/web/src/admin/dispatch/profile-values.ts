import type { DispatchProfile, DispatchStatus, Outlet, ProfileBody } from './dispatch-api';

// The 派单档案 drawer's form values and the one PUT body they make. Field names follow the API's paths
// (area.center.0, shift.start, capacity.field, certifications.1.expires), so the server's field errors
// land under the right inputs as they are. Skills are left out: they are edited in the matrix.

export const WORK_KINDS = ['ticket', 'chat', 'field'] as const;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const AREA_KINDS = ['none', 'radius', 'polygon'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A polygon's vertices, as the API bounds them. */
export const POLYGON_MIN = 3;
export const POLYGON_MAX = 200;
/** The form path of a polygon's points (the API's field too, so its errors land there). */
export const AREA_POINTS = ['area', 'points'];
/** Where an empty area map opens when the person has no home base and the tenant no outlet: 上海. */
export const SHANGHAI: LatLngPair = [31.23, 121.47];

type Num = number | null | undefined;
/** [lat, lng], the API's order for an area's points. */
export type LatLngPair = [number, number];
export interface ProfileValues {
  certifications: { name: string; expires: string | null }[];
  regions: string[];
  areaKind: AreaKind;
  /** both kinds' values are kept while the admin switches between them; toBody sends the chosen one */
  area: { center: [Num, Num]; km: Num; points: LatLngPair[] };
  languages: string[];
  productLines: string[];
  allDay: boolean;
  shift: { days: number[]; start: string; end: string; followsCalendar: boolean };
  capacity: Record<(typeof WORK_KINDS)[number], Num>;
  dailyLimit: Record<(typeof WORK_KINDS)[number], Num>;
  home: { lat: Num; lng: Num };
  outletId: string | null;
  status: DispatchStatus;
}

type Radius = { kind: 'radius'; center: [number, number]; km: number };
const isRadius = (a: unknown): a is Radius => !!a && typeof a === 'object' && (a as { kind?: unknown }).kind === 'radius';
type Polygon = { kind: 'polygon'; points: LatLngPair[] };
const isPolygon = (a: unknown): a is Polygon => !!a && typeof a === 'object' && (a as { kind?: unknown }).kind === 'polygon' && Array.isArray((a as { points?: unknown }).points);

/** The form's values for a profile as the API gives it. */
export function toValues(p: DispatchProfile): ProfileValues {
  const radius = isRadius(p.area) ? p.area : null;
  const polygon = isPolygon(p.area) ? p.area : null;
  return {
    certifications: p.certifications.map((c) => ({ name: c.name, expires: c.expires })),
    regions: [...p.regions],
    areaKind: radius ? 'radius' : polygon ? 'polygon' : 'none',
    area: { center: radius ? [radius.center[0], radius.center[1]] : [null, null], km: radius?.km ?? null, points: polygon ? polygon.points.map(([lat, lng]) => [lat, lng]) : [] },
    languages: [...p.languages],
    productLines: [...p.productLines],
    allDay: !p.shift,
    // a new shift follows the working calendar (法定节假日休, 调休上班) unless unticked
    shift: p.shift ? { days: [...p.shift.days], start: p.shift.start, end: p.shift.end, followsCalendar: p.shift.followsCalendar } : { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', followsCalendar: true },
    capacity: perKind(p.capacity),
    dailyLimit: perKind(p.dailyLimit),
    home: { lat: p.home?.lat ?? null, lng: p.home?.lng ?? null },
    outletId: p.outletId,
    status: p.status,
  };
}

const perKind = (x: Partial<Record<(typeof WORK_KINDS)[number], number>> | undefined) => ({ ticket: x?.ticket ?? null, chat: x?.chat ?? null, field: x?.field ?? null });
/** A kind emptied is sent as null (the server merges per kind: null removes it — the tenant default, or no limit), not left out. */
export const orNull = (x: Partial<Record<(typeof WORK_KINDS)[number], Num>> | undefined) => {
  const out: Record<(typeof WORK_KINDS)[number], number | null> = { ticket: null, chat: null, field: null };
  for (const k of WORK_KINDS) {
    const v = x?.[k];
    if (given(v)) out[k] = v;
  }
  return out;
};
const words = (xs: string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];
const given = (n: Num): n is number => typeof n === 'number' && Number.isFinite(n);

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** What is wrong with a polygon's points for the API, or null. */
export const pointsIssue = (points: LatLngPair[] | undefined): 'tooFew' | 'tooMany' | null =>
  (points?.length ?? 0) < POLYGON_MIN ? 'tooFew' : (points?.length ?? 0) > POLYGON_MAX ? 'tooMany' : null;

/** Where an empty area map opens: the person's home base, else their outlet, else the tenant's first outlet, else 上海. */
export function areaStart(p: Pick<DispatchProfile, 'home' | 'outletId'> | null, outlets: Pick<Outlet, 'id' | 'lat' | 'lng'>[] = []): LatLngPair {
  if (p?.home) return [p.home.lat, p.home.lng];
  const outlet = outlets.find((o) => o.id === p?.outletId) ?? outlets[0];
  return outlet ? [outlet.lat, outlet.lng] : SHANGHAI;
}

/** What the 服务范围 map is drawn by: the tenant's outlets and the person's home base. */
export function areaLandmarks(p: Pick<DispatchProfile, 'home'> | null, outlets: Pick<Outlet, 'name' | 'lat' | 'lng'>[] = [], homeLabel: string): { at: LatLngPair; label: string }[] {
  const marks = outlets.map((o) => ({ at: [o.lat, o.lng] as LatLngPair, label: o.name }));
  return p?.home ? [{ at: [p.home.lat, p.home.lng], label: homeLabel }, ...marks] : marks;
}

/** The PUT body: every field of the drawer; of the area, only the kind chosen. */
export function toBody(v: ProfileValues): ProfileBody {
  const area =
    v.areaKind === 'radius'
      ? { kind: 'radius' as const, center: [v.area.center[0], v.area.center[1]] as [number, number], km: v.area.km as number }
      : v.areaKind === 'polygon'
        ? { kind: 'polygon' as const, points: (v.area.points ?? []).map(([lat, lng]) => [round6(lat), round6(lng)] as LatLngPair) }
        : null;
  return {
    certifications: (v.certifications ?? []).map((c) => ({ name: c.name.trim(), expires: c.expires || null })),
    regions: words(v.regions),
    area,
    languages: words(v.languages),
    productLines: words(v.productLines),
    shift: v.allDay ? null : { days: [...v.shift.days].sort((a, b) => a - b), start: v.shift.start.trim(), end: v.shift.end.trim(), followsCalendar: !!v.shift.followsCalendar },
    capacity: orNull(v.capacity),
    dailyLimit: orNull(v.dailyLimit),
    home: given(v.home?.lat) || given(v.home?.lng) ? { lat: v.home.lat as number, lng: v.home.lng as number } : null,
    outletId: v.outletId ?? null,
    status: v.status,
  };
}

/** The form's field paths for the server's errors, the most specific first. */
export const knownFields = (certs: number): string[] => [
  ...Array.from({ length: certs }, (_, i) => [`certifications.${i}.name`, `certifications.${i}.expires`]).flat(),
  'certifications',
  'regions',
  'area.center.0',
  'area.center.1',
  'area.km',
  'area.points',
  'languages',
  'productLines',
  'shift.days',
  'shift.start',
  'shift.end',
  ...WORK_KINDS.map((k) => `capacity.${k}`),
  ...WORK_KINDS.map((k) => `dailyLimit.${k}`),
  'home.lat',
  'home.lng',
  'outletId',
  'status',
];
