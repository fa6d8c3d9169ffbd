import type { Deps } from '../platform/deps';
import { listCalendars } from '../modules/calendars';
import type { Actor } from '../modules/identity';
import { listPolicies, savePolicy, type Targets } from '../modules/sla';

// SLA 策略 in the demo: VIP customers on the 7×24 hotline calendar first, then the standard policy on
// the office calendar (工作日 with 午休 and the 2026 holidays; urgent tickets in calendar time). Looked up
// by name; a missing calendar leaves the policy on the tenant's default (7×24 when there is none).
// A second run leaves existing policies alone.

const OFFICE = '工作日 9:00–18:00（午休 12:00–13:30）';
const HOTLINE = '7×24 热线';
const wall = (minutes: number) => ({ minutes, business: false });
const work = (minutes: number) => ({ minutes, business: true });
/** 450 working minutes a day on the office calendar */
const DAY = 450;

const STANDARD: Targets = {
  urgent: { first_response: wall(15), next_response: wall(30), resolution: wall(240), on_site: wall(240) },
  high: { first_response: work(60), next_response: work(120), resolution: work(DAY), on_site: work(DAY) },
  normal: { first_response: work(120), next_response: work(240), resolution: work(2 * DAY), on_site: work(2 * DAY) },
  low: { first_response: work(DAY), next_response: work(DAY), resolution: work(5 * DAY), on_site: work(5 * DAY) },
};
const VIP: Targets = {
  urgent: { first_response: work(10), next_response: work(20), resolution: work(180), on_site: work(180) },
  high: { first_response: work(30), next_response: work(60), resolution: work(360), on_site: work(360) },
  normal: { first_response: work(60), next_response: work(120), resolution: work(720), on_site: work(720) },
  low: { first_response: work(120), next_response: work(240), resolution: work(1440), on_site: work(1440) },
};

export async function createDemoSlaPolicies(deps: Deps, admin: Actor): Promise<string[]> {
  const calendars = new Map((await listCalendars(deps, admin)).map((c) => [c.name, c.id]));
  const existing = new Set((await listPolicies(deps, admin)).items.map((p) => p.name));
  const policies = [
    { name: 'VIP 客户 7×24', description: 'VIP、SVIP 与大客户：热线全天候计时', conditions: { tiers: ['vip', 'svip', 'key_account'] }, calendarId: calendars.get(HOTLINE) ?? null, targets: VIP },
    { name: '标准服务', description: '工作日计时（午休与法定节假日不计），紧急工单 7×24 计时', conditions: {}, calendarId: calendars.get(OFFICE) ?? null, targets: STANDARD },
  ];
  const made: string[] = [];
  for (const p of policies) {
    if (existing.has(p.name)) continue;
    await savePolicy(deps, admin, null, { ...p, active: true, warnRemaining: 0.3 });
    made.push(p.name);
  }
  return made;
}
