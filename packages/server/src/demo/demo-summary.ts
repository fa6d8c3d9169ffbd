import type { Deps } from '../platform/deps';
import { ADMIN_NAME, CUSTOM_FIELDS } from './data';
import type { CreatedTenant } from './demo-tenant';
import type { DemoWorld } from './demo-world';

// What `gongdan demo load` prints when it is done.

export interface DemoSummary {
  tenant: { id: string; slug: string; name: string };
  password: string;
  signIn: { role: string; name: string; email: string }[];
  counts: {
    teams: number;
    users: number;
    organizations: number;
    contacts: number;
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

async function ticketsByStatus(deps: Deps, tenantId: string): Promise<Record<string, number>> {
  return deps.db.tenant(tenantId, async (q) =>
    Object.fromEntries((await q.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM tickets GROUP BY status ORDER BY status')).map((r) => [r.status, r.n])),
  );
}

export interface SummaryInput {
  created: CreatedTenant;
  password: string;
  /** Tickets asked for (sub-tasks not included). */
  tickets: number;
  start: number;
  /** Seconds since the load began, read last. */
  elapsedSeconds: () => number;
}

export async function summarize(world: DemoWorld, input: SummaryInput): Promise<DemoSummary> {
  const { people, customers, catalog, stats } = world;
  const { created } = input;
  const byStatus = await ticketsByStatus(world.deps, world.tenantId);
  const ticketCount = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const portalUsers = customers.portalUsers;
  return {
    tenant: { id: world.tenantId, slug: created.tenant.slug, name: created.tenant.name },
    password: input.password,
    signIn: [
      { role: 'admin', name: ADMIN_NAME, email: created.admin.email },
      ...people.staff.map((s) => ({ role: s.seed.role, name: s.user.name, email: s.user.email })),
      ...portalUsers.map((u) => ({ role: 'customer', name: u.name, email: u.email })),
    ],
    counts: {
      teams: people.teams.size,
      users: 1 + people.staff.length + portalUsers.length,
      organizations: customers.orgIds.size,
      contacts: customers.contacts.length,
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
