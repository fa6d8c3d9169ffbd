import type { DispatchProfile, DispatchStatus, ProfileBody } from './dispatch-api';

// The 派单档案 drawer's form values and the one PUT body they make. Field names follow the API's paths
// (area.center.0, shift.start, capacity.field, certifications.1.expires), so the server's field errors
// land under the right inputs as they are. Skills are left out: they are edited in the matrix.

export const WORK_KINDS = ['ticket', 'chat', 'field'] as const;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const AREA_KINDS = ['none', 'radius', 'polygon'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

type Num = number | null | undefined;
export interface ProfileValues {
  certifications: { name: string; expires: string | null }[];
  regions: string[];
  areaKind: AreaKind;
  area: { center: [Num, Num]; km: Num };
  languages: string[];
  productLines: string[];
  allDay: boolean;
  shift: { days: number[]; start: string; end: string; followsCalendar: boolean };
  capacity: Record<(typeof WORK_KINDS)[number], Num>;
  home: { lat: Num; lng: Num };
  outletId: string | null;
  status: DispatchStatus;
}

type Radius = { kind: 'radius'; center: [number, number]; km: number };
const isRadius = (a: unknown): a is Radius => !!a && typeof a === 'object' && (a as { kind?: unknown }).kind === 'radius';
const isPolygon = (a: unknown) => !!a && typeof a === 'object' && (a as { kind?: unknown }).kind === 'polygon';

/** The form's values for a profile as the API gives it. */
export function toValues(p: DispatchProfile): ProfileValues {
  const radius = isRadius(p.area) ? p.area : null;
  return {
    certifications: p.certifications.map((c) => ({ name: c.name, expires: c.expires })),
    regions: [...p.regions],
    areaKind: radius ? 'radius' : isPolygon(p.area) ? 'polygon' : 'none',
    area: { center: radius ? [radius.center[0], radius.center[1]] : [null, null], km: radius?.km ?? null },
    languages: [...p.languages],
    productLines: [...p.productLines],
    allDay: !p.shift,
    // a new shift follows the working calendar (法定节假日休, 调休上班) unless unticked
    shift: p.shift ? { days: [...p.shift.days], start: p.shift.start, end: p.shift.end, followsCalendar: p.shift.followsCalendar } : { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', followsCalendar: true },
    capacity: { ticket: p.capacity.ticket ?? null, chat: p.capacity.chat ?? null, field: p.capacity.field ?? null },
    home: { lat: p.home?.lat ?? null, lng: p.home?.lng ?? null },
    outletId: p.outletId,
    status: p.status,
  };
}

const words = (xs: string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];
const given = (n: Num): n is number => typeof n === 'number' && Number.isFinite(n);

/** The PUT body: every field of the drawer (a polygon drawn elsewhere is sent back as it was). */
export function toBody(v: ProfileValues, before: DispatchProfile): ProfileBody {
  // the server merges capacity per kind: a kind emptied is sent as null (the tenant default), not left out
  const capacity: Record<(typeof WORK_KINDS)[number], number | null> = { ticket: null, chat: null, field: null };
  for (const k of WORK_KINDS) if (given(v.capacity?.[k])) capacity[k] = v.capacity[k] as number;
  const area =
    v.areaKind === 'radius'
      ? { kind: 'radius' as const, center: [v.area.center[0], v.area.center[1]] as [number, number], km: v.area.km as number }
      : v.areaKind === 'polygon'
        ? (before.area as ProfileBody['area'])
        : null;
  return {
    certifications: (v.certifications ?? []).map((c) => ({ name: c.name.trim(), expires: c.expires || null })),
    regions: words(v.regions),
    area,
    languages: words(v.languages),
    productLines: words(v.productLines),
    shift: v.allDay ? null : { days: [...v.shift.days].sort((a, b) => a - b), start: v.shift.start.trim(), end: v.shift.end.trim(), followsCalendar: !!v.shift.followsCalendar },
    capacity,
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
  'languages',
  'productLines',
  'shift.days',
  'shift.start',
  'shift.end',
  ...WORK_KINDS.map((k) => `capacity.${k}`),
  'home.lat',
  'home.lng',
  'outletId',
  'status',
];
