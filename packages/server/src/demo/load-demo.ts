import { z } from 'zod';
import { fixedClock, type Clock } from '../platform/clock';
import type { Deps } from '../platform/deps';
import { AppError, invalid } from '../platform/errors';
import { createCategory, createCustomField, createTicketType } from '../modules/catalog';
import { createContact, createOrganization, type RequesterInput } from '../modules/customers';
import { createTeam, createTenant, createUser, systemActor, type Actor, type UserRow, createApiKey } from '../modules/identity';
import { addComment, createTicket, linkTickets, type Channel, type LinkKind, type Priority, type Status, updateTicket } from '../modules/tickets';
import {
  ADMIN_NAME,
  CATEGORIES,
  CONTACTS,
  CUSTOM_FIELDS,
  DEVICE_MODELS,
  ELEVATORS,
  ORGANIZATIONS,
  STAFF,
  TEAMS,
  TICKET_TYPES,
  type CategoryKey,
  type ContactSeed,
  type OrgKey,
  type OrgSeed,
  type TeamKey,
  type Tier,
  type TypeKey,
} from './data';
import { DAY, HOUR, MINUTE, seededRandom, type Random } from './random';
import { TEMPLATES, type Template } from './templates';

// `gongdan demo load`: a tenant that looks used — staff, customers, catalog and two months of tickets.
// Everything goes through the use cases (events, search index, notifications are real); a fixed
// clock is moved along a simulated timeline so timestamps spread over the last 60 days.

export { DEMO_DEFAULTS } from './defaults';
export const DEMO_TENANT_NAME = '演示租户 · 华南工单服务中心';

export interface DemoOptions {
  slug: string;
  tickets: number;
  adminEmail: string;
  password: string;
  seed: number;
  /** End of the simulated period (default: now). */
  now?: Date;
}

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

interface Contact {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  org?: OrgSeed;
  english: boolean;
  portalUserId?: string;
  device?: (typeof ELEVATORS)[number];
}

interface Staff {
  user: UserRow;
  actor: Actor;
  seed: { key: string; role: string; teams: TeamKey[] };
}

interface TicketState {
  id?: string;
  number?: number;
  requesterId?: string;
  requesterName: string;
  template: Template;
  createdAt: number;
}

interface Action {
  at: number;
  seq: number;
  what: string;
  run: () => Promise<void>;
}

const ZH_EXTRAS = ['今天下午 3 点以后都有人在。', '上次来的工程师留的电话打不通。', '旁边那台同型号的设备是好的。', '门口保安处登记一下就可以进来。'];
const EN_EXTRAS = ['Someone will be at reception all afternoon.', 'The same issue happened last month as well.', 'Please call before you come.'];
const ZH_NEW_NAMES = ['刘建华', '陈晓燕', '杨光', '黄丽', '林志明', '何雪', '郭伟', '宋佳', '谢磊', '韩梅梅', '冯涛', '曾小红', '董明', '袁媛', '邓磊'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Who enters tickets arriving by a channel without a person at our end. */
const GATEWAYS: Partial<Record<Channel, string>> = { email: '邮件接入', wechat: '微信公众号', web: '网页表单', iot: 'IoT 告警网关' };
const BUMP: Record<Priority, Priority> = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };
const SHANGHAI = 8 * HOUR;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const html = (s: string) => `<p>${escapeHtml(s)}</p>`;
const fill = (s: string, ctx: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => ctx[k] ?? m);
/** YYYY-MM-DD in China time. */
const localDate = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 10);

function wechatOpenId(rng: Random): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  return `o${rng.pick(['X', '6', 'p', 'Q'])}${Array.from({ length: 26 }, () => rng.pick([...abc])).join('')}`;
}

function userActor(tenantId: string, u: UserRow): Actor {
  return { tenantId, type: 'user', id: u.id, name: u.name, role: u.role, scope: u.scope, teamIds: u.team_ids ?? [], contactId: u.contact_id };
}

/** Targets by age: recent tickets are mostly still being worked on, old ones mostly done. */
function targetStatus(rng: Random, ageMs: number): Status {
  if (ageMs < DAY) return rng.weighted<Status>({ new: 45, open: 25, pending: 12, on_hold: 3, resolved: 15 });
  if (ageMs < 7 * DAY) return rng.weighted<Status>({ new: 8, open: 22, pending: 18, on_hold: 10, resolved: 28, closed: 14 });
  return rng.weighted<Status>({ open: 4, pending: 4, on_hold: 4, resolved: 18, closed: 70 });
}

export async function loadDemo(makeDeps: (clock: Clock) => Deps, opts: DemoOptions, progress: (msg: string) => void = () => {}): Promise<DemoSummary> {
  const t0 = performance.now();
  const log = (msg: string) => progress(`${msg} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const rng = seededRandom(opts.seed);
  const end = (opts.now ?? new Date()).getTime() - 5 * MINUTE;
  const start = end - 60 * DAY;
  const clock = fixedClock(new Date(start - 3 * HOUR));
  const deps = makeDeps(clock);
  const at = (ms: number) => clock.set(new Date(ms));

  // tenant and administrator
  if (!z.email().safeParse(opts.adminEmail).success) throw invalid('adminEmail', `"${opts.adminEmail}" is not an email address`, 'invalid_email');
  let created;
  try {
    created = await createTenant(deps.db, { name: DEMO_TENANT_NAME, slug: opts.slug, adminEmail: opts.adminEmail, adminPassword: opts.password, adminName: ADMIN_NAME });
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONFLICT')
      throw new AppError('CONFLICT', `A tenant with slug "${opts.slug}" already exists; give another --tenant-slug or use an empty database`, { field: 'tenantSlug' });
    if (err instanceof AppError && err.field === 'adminPassword') throw new AppError(err.code, err.message, { field: 'password' });
    if (err instanceof AppError && err.field === 'slug') throw new AppError(err.code, err.message, { field: 'tenantSlug' });
    throw err;
  }
  const tenantId = created.tenant.id;
  const admin = userActor(tenantId, created.admin);
  const domain = `${opts.slug}.example.com`;
  log(`tenant ${opts.slug} (${tenantId})`);

  // skill groups, then staff in them
  const teams = new Map<TeamKey, string>();
  for (const t of TEAMS) teams.set(t.key, (await createTeam(deps, admin, { name: t.name, description: t.description, skills: t.skills })).id);
  const staffRows = await Promise.all(
    STAFF.map((s) =>
      createUser(deps, admin, {
        email: `${s.login}@${domain}`,
        name: s.name,
        role: s.role,
        phone: s.phone,
        password: opts.password,
        locale: s.locale ?? 'zh-CN',
        teamIds: s.teams.map((k) => teams.get(k)!),
      }),
    ),
  );
  const staff: Staff[] = staffRows.map((u, i) => ({ user: u, actor: userActor(tenantId, u), seed: STAFF[i] }));
  const byKey = (key: string) => staff.find((s) => s.seed.key === key)!;
  const members = (team: TeamKey, roles: string[]) => staff.filter((s) => s.seed.teams.includes(team) && roles.includes(s.seed.role));
  const supervisorOf = (team: TeamKey) => (['frontline', 'vip'].includes(team) ? byKey('sup-li') : byKey('sup-chen'));
  log(`${TEAMS.length} teams, ${staff.length + 1} staff`);

  // customers: organizations, contacts with several identities, elevators as devices, portal users
  const orgIds = new Map<OrgKey, string>();
  for (const o of ORGANIZATIONS) orgIds.set(o.key, (await createOrganization(deps, admin, { name: o.name, tier: o.tier, domain: o.domain })).id);
  const contacts: Contact[] = [];
  for (const c of CONTACTS) {
    const org = ORGANIZATIONS.find((o) => o.key === c.org);
    const email = c.email ? (c.email.includes('@') ? c.email : `${c.email}@${org!.domain}`) : undefined;
    const identities: { kind: 'email' | 'phone' | 'wechat'; value: string }[] = [];
    if (email) identities.push({ kind: 'email', value: email });
    if (c.phone) identities.push({ kind: 'phone', value: c.phone });
    if (c.wechat) identities.push({ kind: 'wechat', value: wechatOpenId(rng) });
    const view = await createContact(deps, admin, { name: c.name, organizationId: org ? orgIds.get(org.key)! : null, identities });
    contacts.push({ id: view.id, name: c.name, email, phone: c.phone, org, english: !!c.english });
  }
  for (const e of ELEVATORS) {
    const org = ORGANIZATIONS.find((o) => o.key === e.org)!;
    const view = await createContact(deps, admin, {
      name: `${e.building}${e.car}号梯（${e.device}）`,
      organizationId: orgIds.get(org.key)!,
      identities: [{ kind: 'device', value: e.device }],
      notes: 'IoT 网关自动上报的电梯设备',
    });
    contacts.push({ id: view.id, name: view.name, org, english: false, device: e });
  }
  const portalSeeds = CONTACTS.filter((c) => c.portal);
  const portalRows = await Promise.all(
    portalSeeds.map((seed) => {
      const c = contacts.find((x) => x.name === seed.name)!;
      return createUser(deps, admin, { email: c.email!, name: c.name, role: 'customer', password: opts.password, contactId: c.id, locale: c.english ? 'en-US' : 'zh-CN' });
    }),
  );
  portalRows.forEach((u) => (contacts.find((c) => c.id === u.contact_id)!.portalUserId = u.id));
  const erpKey = await createApiKey(deps, admin, { name: 'ERP 系统集成', role: 'agent' });
  const apiActor: Actor = { tenantId, type: 'api_key', id: erpKey.id, name: erpKey.name, role: 'agent', scope: 'all', teamIds: [], contactId: null, credentialId: erpKey.id };
  log(`${ORGANIZATIONS.length} organizations, ${contacts.length} contacts, ${portalRows.length} portal users`);

  // catalog: category tree, ticket types, custom fields
  const categoryIds = new Map<CategoryKey, string>();
  const typeIds = new Map<TypeKey, string>();
  for (const [i, c] of CATEGORIES.entries())
    categoryIds.set(c.key, (await createCategory(deps, admin, { nameZh: c.zh, nameEn: c.en, parentId: c.parent ? categoryIds.get(c.parent)! : null, position: i })).id);
  for (const t of TICKET_TYPES) typeIds.set(t.key, (await createTicketType(deps, admin, { key: t.key, nameZh: t.zh, nameEn: t.en })).id);
  for (const [i, f] of CUSTOM_FIELDS.entries())
    await createCustomField(deps, admin, {
      ticketTypeId: f.type ? typeIds.get(f.type)! : null,
      key: f.key,
      kind: f.kind,
      labelZh: f.zh,
      labelEn: f.en,
      required: f.required ?? false,
      options: (f.options ?? []).map((o) => ({ value: o.value, labelZh: o.label_zh, labelEn: o.label_en })),
      position: i,
    });
  log(`${CATEGORIES.length} categories, ${TICKET_TYPES.length} ticket types, ${CUSTOM_FIELDS.length} custom fields`);

  // the simulated timeline
  const actions: Action[] = [];
  let seq = 0;
  const schedule = (ms: number, what: string, run: () => Promise<void>) => actions.push({ at: ms, seq: seq++, what, run });
  const stats = { subtasks: 0, links: 0, replies: 0, notes: 0, english: 0 };
  const tickets: TicketState[] = [];

  const times = creationTimes(rng, opts.tickets, start, end);
  const zhTemplates = TEMPLATES.filter((t) => t.lang === 'zh');
  const enTemplates = TEMPLATES.filter((t) => t.lang === 'en');
  const weightsOf = (list: Template[]) => Object.fromEntries(list.map((t) => [t.key, t.weight]));
  const chineseContacts = contacts.filter((c) => !c.english && !c.device);

  for (const createdAt of times) {
    const english = rng.chance(0.2);
    const pool = english ? enTemplates : zhTemplates;
    const templateKey = rng.weighted(weightsOf(pool));
    const template = pool.find((t) => t.key === templateKey)!;
    if (english) stats.english++;
    let channel = rng.weighted<Channel>(template.channels);

    // who asks
    let contact: Contact | undefined;
    let newcomer: RequesterInput | undefined;
    const elevator = template.category === 'trapped' || template.category === 'noise' ? rng.pick(ELEVATORS) : undefined;
    if (channel === 'iot' && elevator) contact = contacts.find((c) => c.device === elevator);
    else if (template.requesters === 'english') contact = rng.pick(contacts.filter((c) => c.english));
    else if (template.requesters === 'consumer' || template.requesters === 'any') {
      if (rng.chance(0.2)) {
        const name = rng.pick(ZH_NEW_NAMES);
        newcomer = rng.chance(0.5) ? { name, phone: `13${rng.int(0, 9)}${rng.digits(8)}` } : { name, identities: [{ kind: 'wechat', value: wechatOpenId(rng) }] };
      } else contact = rng.pick(template.requesters === 'consumer' ? chineseContacts.filter((c) => !c.org) : chineseContacts);
    } else {
      const orgKey = elevator?.org ?? rng.pick(template.requesters as OrgKey[]);
      contact = rng.pick(chineseContacts.filter((c) => c.org?.key === orgKey));
    }
    if (channel === 'iot' && !contact?.device) channel = 'phone';
    const requesterName = contact?.name ?? newcomer!.name!;
    const org = contact?.org;
    const tier: Tier = org?.tier ?? 'standard';
    const portal = !!contact?.portalUserId && (channel === 'web' || rng.chance(0.15)) && channel !== 'iot';
    if (portal) channel = 'portal';

    // who handles it
    const team = template.team;
    const fieldService = !!template.field && ['hardware', 'network', 'elevator'].includes(team);
    const handlers = fieldService ? members(team, ['engineer']) : members(team, ['agent']);
    let assignee = english && !fieldService && rng.chance(0.6) ? byKey('agent-emily') : rng.pick(handlers.length ? handlers : [supervisorOf(team)]);
    if (!fieldService && rng.chance(0.08)) assignee = supervisorOf(team);
    const engineer = fieldService ? assignee : rng.pick(members(team === 'vip' || team === 'frontline' ? 'hardware' : team, ['engineer']).concat(staff.filter((s) => s.seed.role === 'engineer')));
    let priority = rng.weighted<Priority>(template.priority);
    if (tier !== 'standard' && rng.chance(0.4)) priority = BUMP[priority];
    if (channel === 'iot') priority = template.category === 'trapped' ? 'urgent' : priority;

    // the words
    const building = elevator?.building ?? (org?.buildings ? rng.pick(org.buildings) : '1 号楼');
    const floor = rng.int(2, 28);
    const month = new Date(createdAt + SHANGHAI).getUTCMonth();
    const amount = String(rng.pick([39, 99, 128, 299, 468, 599, 1280, 2350, 4999]));
    const modelKey = elevator?.model ?? (template.fields?.device_model ? rng.pick(template.fields.device_model) : 'other');
    const model = DEVICE_MODELS.find((m) => m.value === modelKey)!;
    const ctx: Record<string, string> = {
      name: requesterName,
      phone: contact?.phone ?? newcomer?.phone ?? `138${rng.digits(8)}`,
      email: contact?.email ?? 'finance@example.com',
      org: org?.name ?? '',
      place: org ? rng.pick(org.places) : english ? 'office' : '家里',
      building,
      car: String(elevator?.car ?? rng.int(1, 6)),
      device: elevator?.device ?? `ELV-${rng.digits(4)}`,
      floor: String(floor),
      floor2: String(floor + 1),
      people: String(rng.int(1, 5)),
      order: `DD${localDate(createdAt).replace(/-/g, '')}${rng.digits(6)}`,
      invoice: `INV-${rng.digits(8)}`,
      amount,
      month: String(month + 1),
      monthEn: MONTHS_EN[month],
      date: localDate(createdAt - rng.int(1, 10) * DAY),
      count: String(rng.int(2, 8)),
      eng: engineer.user.name,
      agent: assignee.user.name,
      time: `${rng.int(14, 18)}:${rng.pick(['00', '30'])}`,
      digits: rng.digits(10),
      model: english ? model.label_en : model.label_zh,
      extra: english ? rng.pick(EN_EXTRAS) : rng.pick(ZH_EXTRAS),
      askFor: english ? 'a screenshot and the order number' : rng.pick(['故障设备', '报错界面', '设备铭牌']),
    };
    const say = (list: string[]) => fill(rng.pick(list), ctx);

    // custom fields and tags
    const f = template.fields ?? {};
    const customFields: Record<string, unknown> = {};
    if (f.device_model) customFields.device_model = modelKey;
    if (f.fault_date) customFields.fault_date = localDate(createdAt - rng.int(0, 2) * DAY);
    if (f.onsite) customFields.onsite = f.onsite === 'either' ? rng.pick(['yes', 'no']) : f.onsite;
    if (f.order_no && (template.titles.some((t) => t.includes('{order}')) || rng.chance(0.7))) customFields.order_no = ctx.order;
    if (f.severity) customFields.severity = rng.weighted({ general: 6, serious: 3, major: 1 });
    if (f.compensation && rng.chance(0.3)) customFields.compensation = rng.pick([50, 100, 200, 500]);
    if (f.callback_time && rng.chance(0.4)) customFields.callback_time = rng.pick(['工作日 9:00-18:00', '下午 2 点以后', '随时可以', '中午 12 点到 1 点']);
    const tags = [...template.tags];
    if (tier !== 'standard') tags.push('vip');
    if (channel === 'iot') tags.push('iot-告警');
    if (rng.chance(0.1)) tags.push(rng.pick(['回访', '重复报修', '夜间']));

    const state: TicketState = { requesterName, template, createdAt };
    tickets.push(state);
    const age = end - createdAt;
    const target = targetStatus(rng, age);

    // creation: who enters it depends on the channel
    const frontline = rng.pick(members(tier !== 'standard' ? 'vip' : 'frontline', ['agent']));
    const creator: Actor =
      channel === 'portal'
        ? { tenantId, type: 'user', id: contact!.portalUserId!, name: contact!.name, role: 'customer', scope: 'own', teamIds: [], contactId: contact!.id }
        : channel === 'phone'
          ? frontline.actor
          : channel === 'api'
            ? apiActor
            : systemActor(tenantId, GATEWAYS[channel] ?? '接入网关');
    const assignAtCreate = channel === 'phone' && target !== 'new' && (assignee.seed.role !== 'engineer' ? rng.chance(0.5) : rng.chance(0.3));
    const requester: RequesterInput | undefined = channel === 'portal' ? undefined : contact ? { id: contact.id } : newcomer;
    schedule(createdAt, `create ${template.key}`, async () => {
      const { ticket } = await createTicket(deps, creator, {
        title: say(template.titles),
        description: html(say(template.descriptions)),
        requester,
        priority: channel === 'portal' ? undefined : priority,
        channel,
        typeId: typeIds.get(template.type),
        categoryId: categoryIds.get(template.category),
        tags,
        customFields,
        ...(channel === 'iot' ? { teamId: teams.get(team) } : {}),
        ...(assignAtCreate ? { teamId: teams.get(team), assigneeId: assignee.user.id, status: 'open' as const } : {}),
      });
      state.id = ticket.id;
      state.number = ticket.number;
      state.requesterId = ticket.requesterId ?? undefined;
    });

    // the customer, as the contact writing back (portal user, or mail/WeChat/phone relayed by the channel)
    const customer = (): Actor => ({
      tenantId,
      type: 'user',
      id: contact?.portalUserId ?? null,
      name: requesterName,
      role: 'customer',
      scope: 'own',
      teamIds: [],
      contactId: state.requesterId!,
    });
    const customerChannel: Channel = channel === 'portal' ? 'portal' : channel === 'iot' || channel === 'api' ? 'phone' : channel;
    const id = () => state.id!;

    if (target === 'new') continue;

    // the rest of the story, as offsets from creation; squeezed to fit young tickets
    const steps: { off: number; what: string; run: () => Promise<void> }[] = [];
    let off = 0;
    const quick = priority === 'urgent' ? 0.1 : priority === 'high' ? 0.4 : priority === 'low' ? 2.5 : 1;
    // our side answers faster for urgent work; customers and the close-out take their own time
    const next = (minMs: number, maxMs: number, ours = true) => (off += rng.between(minMs, maxMs) * (ours ? quick : 1));
    const step = (what: string, run: () => Promise<void>) => steps.push({ off, what, run });
    let current = assignee;

    if (!assignAtCreate) {
      next(5 * MINUTE, 90 * MINUTE);
      const triager = rng.chance(0.6) ? supervisorOf(team) : frontline;
      const bumped = tier !== 'standard' && priority !== 'urgent' && rng.chance(0.15) ? BUMP[priority] : undefined;
      step('triage', async () => {
        await updateTicket(deps, triager.actor, id(), { teamId: teams.get(team), assigneeId: assignee.user.id, status: 'open', ...(bumped ? { priority: bumped } : {}) }, 'web');
      });
    }
    next(10 * MINUTE, 3 * HOUR);
    const firstReply = say(template.replies);
    const replier = current;
    step('first reply', async () => {
      await addComment(deps, replier.actor, id(), { body: html(firstReply), channel: customerChannel === 'portal' ? 'web' : customerChannel });
      stats.replies++;
    });

    if (rng.chance(0.35)) {
      next(5 * MINUTE, 2 * HOUR);
      const other = current.seed.role === 'engineer' ? supervisorOf(team) : fieldService ? engineer : rng.chance(0.5) ? supervisorOf(team) : engineer;
      const author = current;
      if (other.user.id !== author.user.id) {
        const body = html(fill(rng.pick(template.notes), { ...ctx, mention: `@${other.user.name}` }));
        step('internal note', async () => {
          await addComment(deps, author.actor, id(), { body, internal: true, mentions: [other.user.id] });
          stats.notes++;
        });
      }
    }

    // field work split into sub-tasks
    const subtasks: { state: TicketState; assignee: Staff }[] = [];
    if (template.subtasks && fieldService && rng.chance(0.35)) {
      next(20 * MINUTE, 2 * HOUR);
      const sup = supervisorOf(team);
      for (const title of rng.shuffle(template.subtasks).slice(0, rng.int(1, 2))) {
        const who = rng.pick(members(team, ['engineer']));
        const sub: TicketState = { requesterName, template, createdAt: 0 };
        subtasks.push({ state: sub, assignee: who });
        step('sub-task', async () => {
          const { ticket } = await createTicket(deps, sup.actor, {
            title: `【子任务】${title}（#${state.number}）`,
            description: html(`${title}：${fill(template.descriptions[0], ctx)}`),
            requester: { id: state.requesterId! },
            priority,
            channel: 'web',
            status: 'open',
            typeId: typeIds.get(template.type),
            categoryId: categoryIds.get(template.category),
            teamId: teams.get(team),
            assigneeId: who.user.id,
            parentId: id(),
            tags: ['子任务'],
            customFields: customFields.device_model ? { device_model: customFields.device_model } : {},
          });
          sub.id = ticket.id;
          stats.subtasks++;
        });
      }
    }

    // handed over to a colleague, with the reason on the timeline
    if (rng.chance(0.1)) {
      const others = (fieldService ? members(team, ['engineer']) : handlers).filter((s) => s.user.id !== current.user.id);
      if (others.length) {
        next(30 * MINUTE, 6 * HOUR);
        const to = rng.pick(others);
        const reason = english ? 'Handing over: the customer prefers an afternoon visit.' : rng.pick(['原工程师休假，转交处理', '客户在另一个片区，转给就近工程师', '需要更熟悉该型号的同事处理']);
        const sup = supervisorOf(team);
        step('reassign', async () => {
          await updateTicket(deps, sup.actor, id(), { assigneeId: to.user.id, transferReason: reason });
        });
        current = to;
      }
    }

    const ask = () => {
      next(30 * MINUTE, 5 * HOUR);
      const who = current;
      const body = html(say(template.askInfo));
      step('ask for information', async () => {
        await addComment(deps, who.actor, id(), { body, status: 'pending' });
        stats.replies++;
      });
    };
    const customerWrites = (text: string) => {
      next(20 * MINUTE, 20 * HOUR, false);
      const body = html(text);
      step('customer reply', async () => {
        await addComment(deps, customer(), id(), { body, channel: customerChannel });
        stats.replies++;
      });
    };
    const hold = () => {
      next(30 * MINUTE, 4 * HOUR);
      const who = current;
      const body = html(say(template.holdNotes));
      step('on hold', async () => {
        await addComment(deps, who.actor, id(), { body, internal: true, status: 'on_hold' });
        stats.notes++;
      });
    };
    const resolve = (withSubtasks = true) => {
      for (const s of withSubtasks ? subtasks : []) {
        next(30 * MINUTE, 8 * HOUR);
        step('sub-task done', async () => {
          await addComment(deps, s.assignee.actor, s.state.id!, { body: html(english ? 'Done.' : '已完成，现场照片已上传。'), status: 'resolved' });
        });
      }
      next(HOUR, 2 * DAY);
      const who = current;
      const body = html(say(template.resolutions));
      step('resolve', async () => {
        await addComment(deps, who.actor, id(), { body, status: 'resolved' });
        stats.replies++;
      });
    };

    switch (target) {
      case 'open':
        if (rng.chance(0.5)) customerWrites(say(template.customerReplies));
        break;
      case 'pending':
        ask();
        break;
      case 'on_hold':
        hold();
        break;
      case 'resolved':
      case 'closed': {
        if (rng.chance(0.35)) {
          ask();
          customerWrites(say(template.customerReplies));
        }
        if (rng.chance(0.12)) hold();
        resolve();
        if (target === 'closed') {
          if (rng.chance(0.08)) {
            // reopened: the problem came back
            customerWrites(english ? 'Unfortunately the problem is back.' : '问题又出现了，麻烦再看一下。');
            resolve(false);
          }
          const byCustomer = !!contact?.portalUserId && rng.chance(0.6);
          if (byCustomer) next(2 * HOUR, 2 * DAY, false);
          else next(3 * DAY, 3 * DAY + 30 * MINUTE, false);
          const closer: () => Actor = byCustomer ? customer : () => systemActor(tenantId, '自动关闭（已解决 3 天）');
          step('close', async () => {
            await updateTicket(deps, closer(), id(), { status: 'closed' }, contact?.portalUserId ? 'portal' : 'web');
          });
        }
        break;
      }
    }

    const room = Math.max(0, age - 2 * MINUTE);
    const scale = off > room ? room / off : 1;
    for (const s of steps) schedule(createdAt + Math.max(1000, s.off * scale), s.what, s.run);
  }

  // related and duplicate tickets of the same kind reported close together
  for (let i = 1; i < tickets.length; i++) {
    const b = tickets[i];
    if (!rng.chance(0.06)) continue;
    const a = tickets.slice(Math.max(0, i - 15), i).reverse().find((x) => x.template.key === b.template.key && b.createdAt - x.createdAt < 5 * DAY);
    if (!a) continue;
    const kind: LinkKind = rng.chance(0.3) ? 'duplicate_of' : 'related';
    const linker = supervisorOf(b.template.team);
    schedule(Math.min(b.createdAt + rng.between(10 * MINUTE, 3 * HOUR), end), 'link', async () => {
      await linkTickets(deps, linker.actor, b.id!, { targetId: a.id!, kind });
      stats.links++;
    });
  }

  actions.sort((x, y) => x.at - y.at || x.seq - y.seq);
  let done = 0;
  const total = actions.filter((a) => a.what.startsWith('create')).length;
  for (const a of actions) {
    at(Math.min(a.at, end));
    try {
      await a.run();
    } catch (err) {
      const e = err as Error;
      throw new Error(`demo: "${a.what}" at ${new Date(a.at).toISOString()} failed: ${e.message}`, { cause: err });
    }
    if (a.what.startsWith('create') && ++done % 100 === 0) log(`${done}/${total} tickets`);
  }

  const byStatus = await deps.db.tenant(tenantId, async (q) =>
    Object.fromEntries((await q.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM tickets GROUP BY status ORDER BY status')).map((r) => [r.status, r.n])),
  );
  const ticketCount = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return {
    tenant: { id: tenantId, slug: created.tenant.slug, name: created.tenant.name },
    password: opts.password,
    signIn: [
      { role: 'admin', name: ADMIN_NAME, email: created.admin.email },
      ...staff.map((s) => ({ role: s.seed.role, name: s.user.name, email: s.user.email })),
      ...portalRows.map((u) => ({ role: 'customer', name: u.name, email: u.email })),
    ],
    counts: {
      teams: teams.size,
      users: 1 + staff.length + portalRows.length,
      organizations: orgIds.size,
      contacts: contacts.length,
      categories: categoryIds.size,
      ticketTypes: typeIds.size,
      customFields: CUSTOM_FIELDS.length,
      tickets: ticketCount,
      chineseTickets: opts.tickets - stats.english,
      englishTickets: stats.english,
      subtasks: stats.subtasks,
      links: stats.links,
      replies: stats.replies,
      internalNotes: stats.notes,
      byStatus,
    },
    period: { from: new Date(start).toISOString(), to: new Date(end).toISOString() },
    seconds: Math.round((performance.now() - t0) / 100) / 10,
  };
}

/**
 * When tickets arrive: over 60 days (China time), fewer at weekends and at night, a busier last two
 * days so the open queue looks alive; stratified so weeks come out even. Oldest first.
 */
export function creationTimes(rng: Random, n: number, start: number, end: number): number[] {
  const firstMidnight = Math.floor((start + SHANGHAI) / DAY) * DAY - SHANGHAI;
  const days: { midnight: number; weight: number }[] = [];
  for (let m = firstMidnight; m < end; m += DAY) {
    const weekday = new Date(m + SHANGHAI).getUTCDay();
    days.push({ midnight: m, weight: (weekday === 0 || weekday === 6 ? 0.45 : 1) * (end - m < 2 * DAY ? 2.5 : 1) });
  }
  const total = days.reduce((a, d) => a + d.weight, 0);
  const hourWeights: Record<string, number> = {};
  for (let h = 0; h < 24; h++) hourWeights[String(h)] = h >= 9 && h <= 18 ? 10 : h >= 7 && h <= 21 ? 4 : 0.6;
  const out: number[] = [];
  for (let i = 0; out.length < n && i < n * 50; i++) {
    // the (i mod n)-th of n equal slices of the weighted days, a random point in it
    let x = (((i % n) + rng.next()) / n) * total;
    const day = days.find((d) => (x -= d.weight) < 0) ?? days[days.length - 1];
    const t = day.midnight + Number(rng.weighted(hourWeights)) * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
    if (t > start && t < end - 10 * MINUTE) out.push(t);
  }
  return out.sort((a, b) => a - b);
}
