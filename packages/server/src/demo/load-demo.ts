import { fixedClock, type Clock } from '../platform/clock';
import type { Deps } from '../platform/deps';
import { CATEGORIES, CUSTOM_FIELDS, ORGANIZATIONS, TEAMS, TICKET_TYPES } from './data';
import { creationTimes } from './creation-times';
import { createCatalog } from './demo-catalog';
import { createCustomers, createErpActor } from './demo-customers';
import { scheduleLinks } from './demo-links';
import { createPeople } from './demo-people';
import { summarize, type DemoSummary } from './demo-summary';
import { createDemoTenant, userActor } from './demo-tenant';
import type { DemoStats, DemoWorld, TicketState } from './demo-world';
import { draftTicket } from './draft-ticket';
import { DAY, HOUR, MINUTE, seededRandom } from './random';
import { simulateTicket } from './simulate-ticket';
import { createTimeline } from './timeline';

// `gongdan demo load`: a tenant that looks used — staff, customers, catalog and two months of tickets.
// Everything goes through the use cases (events, search index, notifications are real); a fixed
// clock is moved along a simulated timeline so timestamps spread over the last 60 days.
// The same seed gives the same data: the random draws happen in a fixed order across the steps.

export { DEMO_DEFAULTS } from './defaults';
export { DEMO_TENANT_NAME } from './demo-tenant';
export { creationTimes } from './creation-times';
export type { DemoSummary } from './demo-summary';

export interface DemoOptions {
  slug: string;
  tickets: number;
  adminEmail: string;
  password: string;
  seed: number;
  /** End of the simulated period (default: now). */
  now?: Date;
}

export async function loadDemo(makeDeps: (clock: Clock) => Deps, opts: DemoOptions, progress: (msg: string) => void = () => {}): Promise<DemoSummary> {
  const t0 = performance.now();
  const log = (msg: string) => progress(`${msg} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const rng = seededRandom(opts.seed);
  const end = (opts.now ?? new Date()).getTime() - 5 * MINUTE;
  const start = end - 60 * DAY;
  const clock = fixedClock(new Date(start - 3 * HOUR));
  const deps = makeDeps(clock);

  const created = await createDemoTenant(deps, opts);
  const tenantId = created.tenant.id;
  const admin = userActor(tenantId, created.admin);
  log(`tenant ${opts.slug} (${tenantId})`);

  const people = await createPeople(deps, admin, { tenantId, domain: `${opts.slug}.example.com`, password: opts.password });
  log(`${TEAMS.length} teams, ${people.staff.length + 1} staff`);

  const customers = await createCustomers(deps, admin, rng, opts.password);
  const erp = await createErpActor(deps, admin);
  log(`${ORGANIZATIONS.length} organizations, ${customers.contacts.length} contacts, ${customers.portalUsers.length} portal users`);

  const catalog = await createCatalog(deps, admin);
  log(`${CATEGORIES.length} categories, ${TICKET_TYPES.length} ticket types, ${CUSTOM_FIELDS.length} custom fields`);

  const stats: DemoStats = { subtasks: 0, links: 0, replies: 0, notes: 0, english: 0 };
  const world: DemoWorld = { deps, rng, tenantId, end, people, customers, catalog, erp, timeline: createTimeline(), stats };
  const tickets: TicketState[] = [];
  for (const createdAt of creationTimes(rng, opts.tickets, start, end)) {
    const draft = draftTicket(world, createdAt);
    if (draft.english) stats.english++;
    tickets.push(simulateTicket(world, draft));
  }
  scheduleLinks(world, tickets);
  await world.timeline.play((ms) => clock.set(new Date(ms)), end, log);

  return summarize(world, {
    created,
    password: opts.password,
    tickets: opts.tickets,
    start,
    elapsedSeconds: () => Math.round((performance.now() - t0) / 100) / 10,
  });
}
