import type { Deps } from '../platform/deps';
import { localTime } from '../modules/dispatch';
import { scheduleVisit } from '../modules/field';
import { tenantTimeZone, type Actor } from '../modules/identity';
import { createTicket, updateTicket } from '../modules/tickets';
import type { Catalog } from './demo-catalog';
import { staffByKey, type People } from './demo-people';

// The engineer's phone (/field) in the demo: 高峰 of the elevator team has visits today (with time
// windows booked with the customers, in the tenant's time zone) and one tomorrow, at sites around
// Shanghai — sign in as him on a phone and open /field. Loaded after the working day (18:00), "today" is
// the next day; a window of today already over when it is loaded is booked for the day after (a booking
// must still be to come).

const JOBS = [
  { day: 0, from: '09:00', to: '10:30', title: '万科中心 2 号客梯运行异响', address: '上海市浦东新区世纪大道 1 号', lat: 31.2397, lng: 121.5046, customer: '物业钱经理', priority: 'high' },
  { day: 0, from: '11:00', to: '12:00', title: '静安嘉里中心南区扶梯急停', address: '上海市静安区南京西路 1515 号', lat: 31.2243, lng: 121.4481, customer: '商场工程部孙主管', priority: 'urgent' },
  { day: 0, from: '14:00', to: '16:00', title: '徐汇滨江花园 5 号楼电梯年检前检查', address: '上海市徐汇区龙腾大道 2555 号', lat: 31.1712, lng: 121.4573, customer: '业委会李阿姨', priority: 'normal' },
  { day: 1, from: '09:30', to: '11:00', title: '杨浦创智天地 B 座电梯门机故障', address: '上海市杨浦区淞沪路 388 号', lat: 31.3042, lng: 121.5117, customer: '物业周经理', priority: 'high' },
] as const;

/** The instant of a wall-clock time on a local date in a time zone. */
function zoned(date: string, hhmm: string, timeZone: string): Date {
  const guess = new Date(`${date}T${hhmm}:00Z`);
  const local = localTime(guess, timeZone);
  const [h, m] = hhmm.split(':').map(Number);
  const dayShift = local.date === date ? 0 : local.date > date ? 1440 : -1440;
  return new Date(guess.getTime() - (local.minutes + dayShift - (h * 60 + m)) * 60_000);
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Creates the visits of the demo's field engineer; how many. */
export async function createDemoFieldDay(deps: Deps, admin: Actor, people: People, catalog: Catalog): Promise<number> {
  const engineer = staffByKey(people, 'eng-gao');
  const supervisor = staffByKey(people, 'sup-chen');
  const timeZone = await deps.db.tenant(admin.tenantId, (q) => tenantTimeZone(q));
  const now = localTime(deps.clock.now(), timeZone);
  const today = now.minutes < 18 * 60 ? now.date : addDays(now.date, 1);
  for (const j of JOBS) {
    const { ticket } = await createTicket(deps, supervisor.actor, {
      title: j.title,
      description: `<p>${j.title}，请按预约时间上门处理。联系人：${j.customer}</p>`,
      requester: { name: j.customer, phone: '13800138000' },
      priority: j.priority,
      channel: 'phone',
      categoryId: catalog.categoryIds.get('elevator'),
      teamId: people.teams.get('elevator'),
      site: { lat: j.lat, lng: j.lng, address: j.address },
      tags: ['上门'],
    });
    // the supervisor gives the booked job to 高峰 by hand, with the reason: a 处理人 set on the ticket is a
    // dispatch decision (the hard rules hold; off shift at load time, it is recorded as 强制派单)
    await updateTicket(deps, supervisor.actor, ticket.id, { assigneeId: engineer.user.id, transferReason: '客户预约上门，指定高峰负责' });
    // a window of today already over when the demo is loaded (a booking must still be to come) is tomorrow's
    let date = addDays(today, j.day);
    if (zoned(date, j.to, timeZone).getTime() <= deps.clock.now().getTime()) date = addDays(date, 1);
    await scheduleVisit(deps, admin, ticket.id, { windowStart: zoned(date, j.from, timeZone).toISOString(), windowEnd: zoned(date, j.to, timeZone).toISOString() });
  }
  return JOBS.length;
}
