import { createDemoKnowledge } from './demo-knowledge';
import { fixedClock, type Clock } from '../platform/clock';
import type { Deps } from '../platform/deps';
import { CATEGORIES, CUSTOM_FIELDS, ORGANIZATIONS, TEAMS, TICKET_TYPES } from './data';
import { creationTimes } from './creation-times';
import { alarmIntake } from './demo-alarms';
import { createCatalog } from './demo-catalog';
import { createDemoCalendars } from './calendars';
import { createDemoSlaPolicies } from './sla';
import { createChannels, demoDomain } from './demo-channels';
import { createCustomers, createErpActor } from './demo-customers';
import { scheduleLinks } from './demo-links';
import { createPeople, staffByKey } from './demo-people';
import { createDispatchProfiles } from './dispatch-profiles';
import { scheduleRoutine } from './demo-routine';
import { summarize, type DemoSummary } from './demo-summary';
import { createDemoTenant, userActor } from './demo-tenant';
import type { DemoStats, DemoWorld, TicketState } from './demo-world';
import { draftTicket } from './draft-ticket';
import { DAY, HOUR, MINUTE, seededRandom } from './random';
import { simulateTicket } from './simulate-ticket';
import { createTimeline } from './timeline';
import { giveDemoSites } from './dispatch-sites';
import { createAutomationDefaults } from './automation';
import { createDemoWebhook } from './demo-webhooks';
import { createDemoFieldDay } from './demo-field';
import { createDemoPortal } from './demo-portal';
import { createDemoInventory } from './demo-inventory';
import { createDemoAssets } from './demo-assets';
import { createDemoMaintenance } from './demo-maintenance';

// `gongdan demo load`: a tenant that looks used — staff, customers, devices, channels, catalog and two
// months of tickets. Everything goes through the use cases (events, search index, notifications,
// intelligence are real); a fixed clock is moved along a simulated timeline so timestamps spread over
// the last 60 days. The same seed gives the same data: the random draws happen in a fixed order.

export { DEMO_DEFAULTS } from './defaults';
export { DEMO_TENANT_NAME } from './demo-tenant';
export { creationTimes } from './creation-times';
export type { DemoSummary } from './demo-summary';

export interface DemoOptions {
  /** The tenant to fill: created, or an existing one holding nothing but its administrators. */
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

  const demoTenant = await createDemoTenant(deps, opts);
  const tenantId = demoTenant.tenant.id;
  const admin = userActor(tenantId, demoTenant.admin);
  log(`tenant ${demoTenant.tenant.slug} (${tenantId})${demoTenant.created ? '' : ', existing'}`);

  const domain = demoDomain(opts.slug);
  const people = await createPeople(deps, admin, { tenantId, domain, password: opts.password });
  log(`${TEAMS.length} teams, ${people.staff.length + 1} staff`);

  const customers = await createCustomers(deps, admin, rng, opts.password);
  const erp = await createErpActor(deps, admin);
  log(`assets: ${await createDemoAssets(deps, admin, customers.orgIds)} created (国贸大厦 and its lifts, 深圳湾一号 towers)`);
  log(`${ORGANIZATIONS.length} organizations, ${customers.contacts.length} contacts, ${customers.portalUsers.length} portal users, ${customers.assets} devices`);

  const catalog = await createCatalog(deps, admin);
  log(`${CATEGORIES.length} categories, ${TICKET_TYPES.length} ticket types, ${CUSTOM_FIELDS.length} custom fields`);
  log(`calendars: ${(await createDemoCalendars(deps, admin)).join(', ') || 'existing'}`);
  log(`SLA policies: ${(await createDemoSlaPolicies(deps, admin)).join(', ') || 'existing'}`);
  log(`knowledge base: ${await createDemoKnowledge(deps, admin, staffByKey(people, 'sup-li').actor)} published articles`);

  const channels = await createChannels(deps, admin, { slug: opts.slug, people, catalog });
  log(`channels: mail to ${channels.mailbox}, web form, chat, IoT`);
  log(`self-service portal: ${(await createDemoPortal(deps, admin, { catalog, webFormId: channels.webFormId })) ?? 'existing settings kept'}`);
  log(`maintenance: ${await createDemoMaintenance(deps, admin, { orgIds: customers.orgIds, now: end })} contracts, a monthly plan and telemetry rules for the Otis lifts`);
  log(`automation: ${await createAutomationDefaults(deps, tenantId)} default rules created`);
  log(`webhook: ${await createDemoWebhook(deps, admin)} (switched off)`);

  const stats: DemoStats = { subtasks: 0, links: 0, replies: 0, notes: 0, english: 0 };
  const world: DemoWorld = {
    deps, rng, tenantId, end, people, customers, catalog, erp, admin,
    alarms: alarmIntake(deps, admin, demoTenant.tenant.slug), lastAlarm: new Map(), timeline: createTimeline(), stats,
  };
  const tickets: TicketState[] = [];
  const created = creationTimes(rng, opts.tickets, start, end);
  for (const createdAt of created) {
    const draft = draftTicket(world, createdAt);
    if (draft.english) stats.english++;
    tickets.push(simulateTicket(world, draft));
  }
  scheduleLinks(world, tickets);
  const routine = scheduleRoutine(world, start, created);
  try {
    await world.timeline.play((ms) => clock.set(new Date(ms)), end, log);
  } finally {
    await routine.close();
  }
  log(`${await giveDemoSites(deps, admin, rng)} on-site tickets with a site`);
  const dispatch = await createDispatchProfiles(deps, admin, people, catalog, seededRandom(opts.seed + 16));
  log(`dispatch: ${dispatch.profiles} profiles, ${dispatch.outlets} outlets, rules and a scored policy`);
  log(`field: ${await createDemoFieldDay(deps, admin, people, catalog)} visits of 高峰 (/field)`);
  log(`inventory: ${await createDemoInventory(deps, admin, { people, catalog, rng: seededRandom(opts.seed + 19) })}`);

  return summarize(world, {
    tenant: demoTenant,
    password: opts.password,
    channels,
    tickets: opts.tickets,
    start,
    elapsedSeconds: () => Math.round((performance.now() - t0) / 100) / 10,
  });
}
