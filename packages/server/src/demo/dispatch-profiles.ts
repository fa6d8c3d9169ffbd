import type { Deps } from '../platform/deps';
import { createOutlet, createRule, putPolicy, reportLocation, updateProfile } from '../modules/dispatch';
import type { Actor } from '../modules/identity';
import type { Catalog } from './demo-catalog';
import type { People } from './demo-people';
import { DAY, MINUTE, type Random } from './random';

// 智能派单 in the demo: profiles of the engineers and agents (skills, certifications — some expiring
// soon — regions, shifts, capacity, homes), five outlets, live positions around Shanghai (and one in Shenzhen), two rules
// and a scored tenant policy. Loaded once, after the tickets, at the demo's "now".

const OUTLETS = [
  { key: 'pudong', name: '浦东服务网点', address: '上海市浦东新区张江路 88 号', lat: 31.2036, lng: 121.5907 },
  { key: 'xuhui', name: '徐汇服务网点', address: '上海市徐汇区漕溪北路 331 号', lat: 31.1886, lng: 121.4365 },
  { key: 'jingan', name: '静安服务网点', address: '上海市静安区南京西路 1266 号', lat: 31.2288, lng: 121.4497 },
  { key: 'hangzhou', name: '杭州服务网点', address: '浙江省杭州市西湖区文三路 90 号', lat: 30.2741, lng: 120.1551 },
  { key: 'shenzhen', name: '深圳南山服务网点', address: '广东省深圳市南山区科技南十二路 18 号', lat: 22.5286, lng: 113.9512 },
] as const;

type OutletKey = (typeof OUTLETS)[number]['key'];
interface Seed {
  skills: Record<string, number>;
  certs?: [name: string, daysLeft: number | null][];
  regions: string[];
  outlet?: OutletKey;
  home: [number, number];
  night?: boolean;
  /** on-site jobs in hand (default 8) */
  field?: number;
  /** 产品线 of the devices they service (a ticket on a device of a product line goes to those who have it) */
  productLines?: string[];
}

const ENGINEERS: Record<string, Seed> = {
  'eng-wu': { skills: { 打印机: 5, 电脑: 4, 上门维修: 4 }, certs: [['电工证', 400]], regions: ['上海市/浦东新区', '上海市/黄浦区'], outlet: 'pudong', home: [31.2231, 121.5443] },
  'eng-zheng': { skills: { 打印机: 3, 电脑: 5 }, certs: [['电工证', 12]], regions: ['上海市/徐汇区', '上海市/闵行区'], outlet: 'xuhui', home: [31.1702, 121.4204] },
  'eng-he': { skills: { 网络: 5, VPN: 4, 交换机: 4 }, certs: [['华为 HCIP', 200]], regions: ['上海市'], outlet: 'jingan', home: [31.2415, 121.4352], night: true },
  'eng-ma': { skills: { 网络: 3, 'Wi-Fi': 5, 交换机: 2 }, certs: [['华为 HCIA', -10]], regions: ['浙江省/杭州市', '上海市'], outlet: 'hangzhou', home: [30.2875, 120.1426] },
  // the day shift's only certified elevator engineer: his visits of the week (年检, 维保) are open at once, and
  // an urgent 困人 must still find room with him (docs/DISPATCH.md's example)
  'eng-gao': { skills: { 电梯维修: 5, 困人救援: 5, 年检: 4 }, certs: [['特种设备作业证', 500], ['电工证', 25]], regions: ['上海市'], outlet: 'pudong', home: [31.2397, 121.4998], field: 14, productLines: ['电梯', '扶梯'] },
  'eng-lin': { skills: { 电梯维修: 3, 困人救援: 4, 年检: 3 }, certs: [['特种设备作业证', 20]], regions: ['上海市/静安区', '上海市/普陀区'], outlet: 'jingan', home: [31.2492, 121.3975], night: true, productLines: ['电梯', '扶梯'] },
  // Shenzhen: the lifts of 深圳湾一号 (their maintenance visits are his)
  'eng-huang': { skills: { 电梯维修: 4, 困人救援: 4, 年检: 4 }, certs: [['特种设备作业证', 300]], regions: ['广东省/深圳市'], outlet: 'shenzhen', home: [22.5402, 113.9347], productLines: ['电梯', '扶梯'] },
};
const AGENT_SKILLS: Record<string, Record<string, number>> = {
  'agent-zhang': { 咨询: 4, 账号: 3, 发票: 2 },
  'agent-liu': { 咨询: 3, 退款: 4, 配送: 3 },
  'agent-zhao': { 咨询: 4, 投诉处理: 4, VIP: 3 },
  'agent-sun': { VIP: 5, 投诉处理: 5 },
  'agent-zhou': { 咨询: 2, 配送: 4 },
  'agent-emily': { English: 5, VIP: 4, 咨询: 3 },
};

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function createDispatchProfiles(deps: Deps, admin: Actor, people: People, catalog: Catalog, rng: Random): Promise<{ outlets: number; profiles: number }> {
  const now = deps.clock.now().getTime();
  const outletIds = new Map<OutletKey, string>();
  for (const o of OUTLETS) outletIds.set(o.key, (await createOutlet(deps, admin, { name: o.name, address: o.address, lat: o.lat, lng: o.lng, active: true })).id);

  let profiles = 0;
  for (const s of people.staff) {
    const eng = ENGINEERS[s.seed.key];
    const agentSkills = AGENT_SKILLS[s.seed.key];
    if (eng) {
      await updateProfile(deps, admin, s.user.id, {
        skills: eng.skills,
        certifications: (eng.certs ?? []).map(([name, left]) => ({ name, expires: left === null ? null : day(now + left * DAY) })),
        regions: eng.regions,
        area: { kind: 'radius', center: eng.home, km: eng.regions.includes('上海市') ? 40 : 25 },
        languages: ['zh'],
        productLines: eng.productLines ?? [],
        // day shifts follow the demo's working calendar (法定节假日休, 调休上班); the night rota works every day
        shift: eng.night ? { days: [1, 2, 3, 4, 5, 6, 7], start: '20:00', end: '08:00' } : { days: [1, 2, 3, 4, 5, 6], start: '08:00', end: '18:00', followsCalendar: true },
        capacity: { field: eng.field ?? 8, ticket: 6 },
        home: { lat: eng.home[0], lng: eng.home[1] },
        outletId: eng.outlet ? outletIds.get(eng.outlet)! : null,
        status: rng.next() < 0.2 ? 'busy' : 'available',
      });
      // a phone fix a few minutes old, within a few kilometres of home
      const at = new Date(now - Math.floor(rng.next() * 10) * MINUTE).toISOString();
      const lat = eng.home[0] + (rng.next() - 0.5) * 0.05;
      const lng = eng.home[1] + (rng.next() - 0.5) * 0.05;
      await reportLocation(deps, () => {}, s.actor, { lat, lng, accuracy: 10 + Math.round(rng.next() * 40), at });
      profiles++;
    } else if (agentSkills) {
      await updateProfile(deps, admin, s.user.id, {
        skills: agentSkills,
        languages: s.seed.key === 'agent-emily' ? ['en', 'zh'] : ['zh'],
        shift: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
        capacity: { ticket: 8, chat: 3 },
      });
      profiles++;
    }
  }

  const elevator = catalog.categoryIds.get('elevator')!;
  const trapped = catalog.categoryIds.get('trapped')!;
  await createRule(deps, admin, {
    name: '电梯困人：持证且救援等级高',
    enabled: true,
    conditions: { categoryIds: [trapped] },
    requirements: { skill: '困人救援', level: 4, certification: '特种设备作业证', onSite: true },
  });
  await createRule(deps, admin, {
    name: '电梯故障需持证维修',
    enabled: true,
    conditions: { categoryIds: [elevator] },
    requirements: { skill: '电梯维修', level: 3, certification: '特种设备作业证', onSite: true },
  });
  await putPolicy(deps, admin, {
    scope: 'tenant',
    scopeId: null,
    mode: 'scored',
    target: 'person',
    weights: { travel: 3, load: 2, speed: 1, firstFix: 1, skillFit: 1, tier: 1, preferred: 1, fairness: 1 },
    batchWindowS: 30,
    acceptTimeoutS: 600,
    overflowTeamId: null,
    overflowThreshold: null,
    speedKmh: 30,
    positionStaleMin: 30,
    defaultCapacity: { ticket: 8, chat: 2, field: 5 },
    // 每日上限: at most 8 on-site visits a day each, the dispatch map's 今日 n/8
    defaultDailyLimit: { field: 8 },
    autoImprove: false,
  });
  return { outlets: OUTLETS.length, profiles };
}
