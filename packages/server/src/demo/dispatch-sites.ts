import type { Deps } from '../platform/deps';
import { listTeamNames, type Actor } from '../modules/identity';
import { listTickets, updateTicket } from '../modules/tickets';
import type { Random } from './random';

// The demo's on-site tickets (the hardware team's 上门维修) get a site, so the dispatch map (派单地图) and
// the recommendations have travel to weigh: addresses around Shanghai, and a few in Hangzhou and Suzhou.

// Each street at about where it is (so an address and its point on the map agree), a visit within about
// a kilometre of it.
const PLACES: { city: string; streets: [name: string, lat: number, lng: number][]; weight: number }[] = [
  {
    city: '上海市',
    streets: [
      ['浦东新区世纪大道', 31.2302, 121.5262],
      ['徐汇区漕溪北路', 31.1925, 121.4369],
      ['静安区南京西路', 31.2292, 121.4555],
      ['闵行区莘庄工业区申富路', 31.1036, 121.3712],
      ['杨浦区国定路', 31.3018, 121.5073],
      ['长宁区延安西路', 31.2128, 121.4134],
    ],
    weight: 6,
  },
  { city: '杭州市', streets: [['西湖区文三路', 30.2789, 120.1402], ['滨江区江南大道', 30.2081, 120.2096], ['上城区解放路', 30.2531, 120.1727]], weight: 2 },
  { city: '苏州市', streets: [['工业园区星湖街', 31.2992, 120.7301], ['姑苏区人民路', 31.3102, 120.6183], ['高新区狮山路', 31.2951, 120.5748]], weight: 2 },
];
/** how far (degrees, about a kilometre) a number on the street may be from its point */
const ALONG = 0.008;

/** Gives sites to the hardware team's tickets (at most `limit`, newest first); returns how many. */
export async function giveDemoSites(deps: Deps, admin: Actor, rng: Random, limit = 400): Promise<number> {
  const teams = await deps.db.tenant(admin.tenantId, (q) => listTeamNames(q));
  const hardware = teams.find((t) => t.name === '硬件维修组');
  if (!hardware) return 0;
  const pool = PLACES.flatMap((p) => Array.from({ length: p.weight }, () => p));
  let n = 0;
  let cursor: string | undefined;
  while (n < limit) {
    const page = await listTickets(deps, admin, { team: [hardware.id], sort: '-created_at', limit: 100, cursor });
    for (const t of page.items) {
      if (n >= limit) break;
      const place = rng.pick(pool);
      const [street, sLat, sLng] = rng.pick(place.streets);
      const lat = round(sLat + (rng.next() - 0.5) * 2 * ALONG);
      const lng = round(sLng + (rng.next() - 0.5) * 2 * ALONG);
      const address = `${place.city}${street}${rng.int(1, 999)}号`;
      await updateTicket(deps, admin, t.id, { site: { lat, lng, address } });
      n++;
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return n;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
