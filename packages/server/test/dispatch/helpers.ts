import { randomUUID } from 'node:crypto';
import { DISPATCH_CONSUMER, startDispatch } from '../../src/modules/dispatch';
import { SLA_CONSUMER, startSla } from '../../src/modules/sla';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { createStaff } from '../collaboration/helpers';
import { drainUntilPassed } from '../support/outbox-settle';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// Shared fixtures of the dispatch tests: an app on simulated time with dispatch's consumer, people with
// profiles, policies and rules written straight into the tables (the profile endpoints are another helper's).

export interface DispatchWorld {
  t: TestApp;
  acme: TestTenant;
  outbox: OutboxDispatcher;
  dispatch: ReturnType<typeof startDispatch>;
  /** delivers what is in the outbox (dispatch's consumer included) */
  settle(): Promise<void>;
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** `at`: the simulated time the tenant is made at (its sign-ins last SESSION_TTL_HOURS from then). */
export async function dispatchWorld(name = '派单测试', o: { at?: Date; env?: Record<string, string> } = {}): Promise<DispatchWorld> {
  const t = await startTestApp({ clock: true, env: o.env });
  if (o.at) t.clock.set(o.at);
  const acme = await t.tenant(name);
  const outbox = new OutboxDispatcher(t.db, t.clock);
  const dispatch = startDispatch({ deps: t.deps, outbox, sweepMs: 0, statsMinutes: 0, log: { error: (obj, msg) => console.error(msg, obj) } });
  return {
    t,
    acme,
    outbox,
    dispatch,
    settle: () => drainUntilPassed(t.db, outbox, [DISPATCH_CONSUMER]),
    sql: (text, params) => t.db.tenant(acme.id, (q) => q.query(text, params)),
    async close() {
      await dispatch.close();
      await t.close();
    },
  };
}

/** The same with SLA's consumer too, first: its clocks exist when dispatch decides (the deadline term). */
export async function slaDispatchWorld(name: string): Promise<DispatchWorld> {
  const t = await startTestApp({ clock: true });
  const acme = await t.tenant(name);
  const outbox = new OutboxDispatcher(t.db, t.clock);
  const log = { error: (obj: unknown, msg: string) => console.error(msg, obj) };
  const sla = startSla({ deps: t.deps, outbox, sweepMs: 0, log });
  const dispatch = startDispatch({ deps: t.deps, outbox, sweepMs: 0, statsMinutes: 0, log });
  return {
    t,
    acme,
    outbox,
    dispatch,
    settle: () => drainUntilPassed(t.db, outbox, [SLA_CONSUMER, DISPATCH_CONSUMER]),
    sql: (text, params) => t.db.tenant(acme.id, (q) => q.query(text, params)),
    async close() {
      await dispatch.close();
      await sla.close();
      await t.close();
    },
  };
}

/** An SLA policy whose targets give each priority listed its minutes to reach the site (上门), with wall-clock first-response and resolution targets. */
export async function onSiteSlaPolicy(w: DispatchWorld, name: string, onSite: Record<string, number>, o: { firstResponse?: number; resolution?: number } = {}) {
  const target = (minutes: number) => ({ first_response: { minutes: o.firstResponse ?? 30, business: false }, on_site: { minutes, business: false }, resolution: { minutes: o.resolution ?? 1440, business: false } });
  const res = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/sla/policies', { name, targets: Object.fromEntries(Object.entries(onSite).map(([priority, minutes]) => [priority, target(minutes)])) });
  if (res.statusCode !== 201) throw new Error(res.body);
}

export async function team(w: DispatchWorld, name: string): Promise<string> {
  const res = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/teams', { name });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

export interface PersonSpec {
  role?: 'agent' | 'engineer';
  teamIds?: string[];
  skills?: Record<string, number>;
  certifications?: { name: string; expires: string }[];
  capacity?: Record<string, number>;
  home?: [number, number];
  status?: 'available' | 'busy' | 'away' | 'off_shift';
  shift?: { days: number[]; start: string; end: string; followsCalendar?: boolean } | null;
}

export async function person(w: DispatchWorld, name: string, s: PersonSpec = {}) {
  const staff = await createStaff(w.t, w.acme.adminToken, name, s.role ?? 'engineer', s.teamIds ? { teamIds: s.teamIds } : {});
  const now = w.t.clock.now();
  await w.sql(
    `INSERT INTO dispatch_profiles (user_id, tenant_id, skills, certifications, capacity, home_lat, home_lng, status, shift, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
    [staff.id, w.acme.id, JSON.stringify(s.skills ?? {}), JSON.stringify(s.certifications ?? []), JSON.stringify(s.capacity ?? {}), s.home?.[0] ?? null, s.home?.[1] ?? null, s.status ?? 'available', s.shift ? JSON.stringify(s.shift) : null, now],
  );
  return staff;
}

export async function policy(w: DispatchWorld, p: { scope?: 'tenant' | 'team' | 'category'; scopeId?: string | null; mode: string; target?: 'person' | 'outlet'; acceptTimeoutS?: number | null; batchWindowS?: number; overflowTeamId?: string; overflowThreshold?: number; weights?: Record<string, number> }) {
  const now = w.t.clock.now();
  await w.sql(
    `INSERT INTO dispatch_policies (id, tenant_id, scope, scope_id, mode, weights, batch_window_s, accept_timeout_s, overflow_team_id, overflow_threshold, created_at, updated_at, target)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12)`,
    [randomUUID(), w.acme.id, p.scope ?? 'tenant', p.scopeId ?? null, p.mode, JSON.stringify(p.weights ?? {}), p.batchWindowS ?? 30, p.acceptTimeoutS ?? null, p.overflowTeamId ?? null, p.overflowThreshold ?? null, now, p.target ?? 'person'],
  );
}

/** An active 服务网点 at a place; `people` work from it (their profile's outlet). */
export async function outlet(w: DispatchWorld, name: string, at: [number, number], people: { id: string }[] = []): Promise<string> {
  const id = randomUUID();
  const now = w.t.clock.now();
  await w.sql(`INSERT INTO dispatch_outlets (id, tenant_id, name, address, lat, lng, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`, [id, w.acme.id, name, `${name}地址`, at[0], at[1], now]);
  if (people.length) await w.sql('UPDATE dispatch_profiles SET outlet_id = $1 WHERE user_id = ANY($2::uuid[])', [id, people.map((p) => p.id)]);
  return id;
}

export async function rule(w: DispatchWorld, name: string, conditions: Record<string, unknown>, requirements: Record<string, unknown>, position = 0) {
  const now = w.t.clock.now();
  await w.sql(`INSERT INTO dispatch_rules (id, tenant_id, name, position, conditions, requirements, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`, [
    randomUUID(), w.acme.id, name, position, JSON.stringify(conditions), JSON.stringify(requirements), now,
  ]);
}

let seq = 0;
export async function ticket(w: DispatchWorld, body: Record<string, unknown> = {}, token = w.acme.adminToken) {
  const res = await w.t.api(token, 'POST', '/api/v1/tickets', { title: `电梯故障报修 ${++seq}`, description: '电梯停在三楼，门打不开', requester: { email: `kehu${seq}@example.cn` }, ...body });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; number: number; assigneeId: string | null };
}

export async function dispatchOf(w: DispatchWorld, ticketId: string, token = w.acme.adminToken) {
  const res = await w.t.api(token, 'GET', `/api/v1/tickets/${ticketId}/dispatch`);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json();
}

export async function liveAssignments(w: DispatchWorld) {
  return w.sql<{ ticket_id: string; user_id: string; kind: string; state: string; mode: string }>(
    `SELECT ticket_id, user_id, kind, state, mode FROM dispatch_assignments WHERE state IN ('offered', 'accepted', 'started') ORDER BY offered_at, id`,
  );
}

export async function eventKinds(w: DispatchWorld, ticketId: string): Promise<string[]> {
  const res = await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${ticketId}/events?limit=500`);
  return res.json().items.map((e: { kind: string }) => e.kind);
}

export const SHANGHAI: [number, number] = [31.23, 121.47];
