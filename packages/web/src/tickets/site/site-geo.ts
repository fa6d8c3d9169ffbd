// 上门地址 (a ticket's site) without React: what the agent typed, checked and turned into the API's
// `site: {lat, lng, address?}`, and a click on the map turned into a position.

export interface Site {
  lat: number;
  lng: number;
  address?: string | null;
}

/** What the API takes (POST and PATCH /tickets). */
export interface SiteBody {
  lat: number;
  lng: number;
  address?: string;
}

/** What the input holds while the agent types: text, so "39." is not lost on the way. */
export interface SiteDraft {
  address?: string;
  lat?: string;
  lng?: string;
}

export type SiteIssue = 'needPosition' | 'needBoth' | 'notNumber' | 'lat' | 'lng' | 'zero' | 'address';

export const ADDRESS_MAX = 500;

const blank = (s?: string) => !s || !s.trim();
// a full-width minus or comma pasted from a document still reads as a number
const toNumber = (s: string) => Number(s.trim().replace(/[−－]/g, '-').replace(/，/g, ','));

/** Nothing typed at all: the site is simply not given. */
export const isEmptyDraft = (d?: SiteDraft | null) => !d || (blank(d.address) && blank(d.lat) && blank(d.lng));

/** Why the draft cannot be sent, or null when it can (or is empty). */
export function siteIssue(d?: SiteDraft | null): SiteIssue | null {
  if (isEmptyDraft(d) || !d) return null;
  if ((d.address?.trim().length ?? 0) > ADDRESS_MAX) return 'address';
  if (blank(d.lat) && blank(d.lng)) return 'needPosition';
  if (blank(d.lat) || blank(d.lng)) return 'needBoth';
  const lat = toNumber(d.lat!);
  const lng = toNumber(d.lng!);
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return 'notNumber';
  if (lat < -90 || lat > 90) return 'lat';
  if (lng < -180 || lng > 180) return 'lng';
  // the server takes (0, 0) for a ticket, but it is what an empty GPS fix or a forgotten field gives
  if (lat === 0 && lng === 0) return 'zero';
  return null;
}

/** The API's site for a valid, non-empty draft; undefined otherwise. */
export function siteBody(d?: SiteDraft | null): SiteBody | undefined {
  if (isEmptyDraft(d) || siteIssue(d) || !d) return undefined;
  const address = d.address?.trim();
  return { lat: toNumber(d.lat!), lng: toNumber(d.lng!), ...(address ? { address } : {}) };
}

export const draftOf = (s?: Site | null): SiteDraft => (s ? { address: s.address ?? '', lat: String(s.lat), lng: String(s.lng) } : {});

/** "39.9087, 116.3975" pasted into one field: both numbers, else null. */
export function splitPair(text: string): { lat: string; lng: string } | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,，\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text.replace(/[−－]/g, '-'));
  return m ? { lat: m[1], lng: m[2] } : null;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Where a click on the map lands, as the site's position: Leaflet gives the clicked point's latitude
 * and longitude, but a longitude past ±180 once the map has been dragged round the world, and more
 * digits than a street needs. Longitude is wrapped into −180..180, latitude kept within −90..90, both
 * rounded to 6 decimals (about 0.1 m).
 */
export function pickedPosition(clicked: { lat: number; lng: number }): { lat: number; lng: number } {
  let lng = ((((clicked.lng + 180) % 360) + 360) % 360) - 180;
  if (lng === -180 && clicked.lng > 0) lng = 180;
  const lat = Math.min(90, Math.max(-90, clicked.lat));
  return { lat: round6(lat), lng: round6(lng) };
}

/** The ticket's site, which the generated Ticket type does not name yet. */
export function siteOf(ticket: object): Site | null {
  return (ticket as { site?: Site | null }).site ?? null;
}

export const formatPosition = (s: { lat: number; lng: number }) => `${s.lat.toFixed(6).replace(/\.?0+$/, '')}, ${s.lng.toFixed(6).replace(/\.?0+$/, '')}`;
