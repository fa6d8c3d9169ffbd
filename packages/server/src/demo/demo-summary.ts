import { getModels } from '../modules/intelligence';
import { ticketCountsByStatus } from '../modules/tickets';
import { CUSTOM_FIELDS } from './data';
import type { DemoChannels } from './demo-channels';
import type { DemoTenant } from './demo-tenant';
import type { DemoWorld } from './demo-world';

// What `gongdan demo load` reports when it is done (demo-summary-text.ts words it for people).

export interface DemoSummary {
  tenant: { id: string; slug: string; name: string };
  /** Password of the demo's accounts. */
  password: string;
  /** password null: an administrator who existed before the demo keeps their own. */
  signIn: { role: string; name: string; email: string; password: string | null }[];
  channels: DemoChannels;
  /** The models as trained at the end, measured on held-back tickets. */
  models: { target: string; accuracy: number | null; macroF1: number | null; heldOut: number }[];
  counts: {
    teams: number;
    users: number;
    organizations: number;
    contacts: number;
    devices: number;
    categories: number;
    ticketTypes: number;
    customFields: number;
    tickets: number;
    chineseTickets: number;
    englishTickets: number;
    subtasks: number;
    links: number;
    replies: number;
    internalNotes: number;
    byStatus: Record<string, number>;
  };
  period: { from: string; to: string };
  seconds: number;
}

export interface SummaryInput {
  tenant: DemoTenant;
  password: string;
  channels: DemoChannels;
  /** Tickets asked for (sub-tasks not included). */
  tickets: number;
  start: number;
  /** Seconds since the load began, read last. */
  elapsedSeconds: () => number;
}

export async function summarize(world: DemoWorld, input: SummaryInput): Promise<DemoSummary> {
  const { people, customers, catalog, stats } = world;
  const { tenant } = input;
  const byStatus = await world.deps.db.tenant(world.tenantId, (q) => ticketCountsByStatus(q));
  const ticketCount = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const portalUsers = customers.portalUsers;
  const models = (await getModels(world.deps, world.admin)).models.map((m) => ({ target: m.target, accuracy: m.accuracy, macroF1: m.macroF1, heldOut: m.heldOut }));
  return {
    tenant: tenant.tenant,
    password: input.password,
    signIn: [
      { role: 'admin', name: tenant.admin.name, email: tenant.admin.email, password: tenant.created ? input.password : null },
      ...people.staff.map((s) => ({ role: s.seed.role, name: s.user.name, email: s.user.email, password: input.password })),
      ...portalUsers.map((u) => ({ role: 'customer', name: u.name, email: u.email, password: input.password })),
    ],
    channels: input.channels,
    models,
    counts: {
      teams: people.teams.size,
      users: 1 + people.staff.length + portalUsers.length,
      organizations: customers.orgIds.size,
      contacts: customers.contacts.length,
      devices: customers.assets,
      categories: catalog.categoryIds.size,
      ticketTypes: catalog.typeIds.size,
      customFields: CUSTOM_FIELDS.length,
      tickets: ticketCount,
      chineseTickets: input.tickets - stats.english,
      englishTickets: stats.english,
      subtasks: stats.subtasks,
      links: stats.links,
      replies: stats.replies,
      internalNotes: stats.notes,
      byStatus,
    },
    period: { from: new Date(input.start).toISOString(), to: new Date(world.end).toISOString() },
    seconds: input.elapsedSeconds(),
  };
}
