import type { Deps } from '../platform/deps';
import { listTeamNames, type Actor } from '../modules/identity';
import { listTickets, updateTicket } from '../modules/tickets';
import type { Random } from './random';

// The demo's on-site tickets (the hardware team's 上门维修) get a site, so the dispatch map (派单地图) and
// the recommendations have travel to weigh: addresses around Shanghai, and a few in Hangzhou and Suzhou.

const PLACES: { city: string; center: [number, number]; spread: number; streets: string[]; weight: number }[] = [
  { city: '上海市', center: [31.23, 121.47], spread: 0.12, streets: ['浦东新区世纪大道', '徐汇区漕溪北路', '静安区南京西路', '闵行区莘庄工业区申富路', '杨浦区国定路', '长宁区延安西路'], weight: 6 },
  { city: '杭州市', center: [30.27, 120.15], spread: 0.08, streets: ['西湖区文三路', '滨江区江南大道', '上城区解放路'], weight: 2 },
  { city: '苏州市', center: [31.3, 120.62], spread: 0.07, streets: ['工业园区星湖街', '姑苏区人民路', '高新区狮山路'], weight: 2 },
];

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
      const lat = round(place.center[0] + (rng.next() - 0.5) * 2 * place.spread);
      const lng = round(place.center[1] + (rng.next() - 0.5) * 2 * place.spread);
      const address = `${place.city}${rng.pick(place.streets)}${rng.int(1, 999)}号`;
      await updateTicket(deps, admin, t.id, { site: { lat, lng, address } });
      n++;
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return n;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
