import type { RequesterInput } from '../modules/customers';
import { systemActor, type Actor } from '../modules/identity';
import type { Channel, Priority, Status } from '../modules/tickets';
import { ELEVATORS, type CategoryKey, type OrgKey, type TeamKey, type Tier } from './data';
import type { Contact } from './demo-customers';
import type { Alarm } from './demo-alarms';
import { staffByKey, supervisorOf, teamMembers, type Staff } from './demo-people';
import type { DemoWorld } from './demo-world';
import { DAY, HOUR, type Random } from './random';
import { ticketFields, ticketWords } from './ticket-content';
import { wordTicket } from './ticket-wording';
import { TEMPLATES, type Template } from './templates';

// Deciding one ticket before anything is written: what kind, who asks and how, who handles it,
// what it says and where its story ends. The order of the random draws is part of the seed's
// output — keep it.

/** Who enters tickets arriving by a channel without a person at our end. */
const GATEWAYS: Partial<Record<Channel, string>> = { email: '邮件接入', wechat: '微信公众号', web: '网页表单' };
/** Channels whose tickets arrive without category and team: the intelligence stage sets them, or a person at triage. */
export const UNSORTED_CHANNELS: Channel[] = ['email', 'wechat', 'web', 'portal', 'iot'];

/**
 * Labels people plausibly file a ticket under by mistake (a neighbouring category, the parent, the
 * other team that could have taken it). Real ticket data has a few per cent of these; a model learns
 * around them and is measured against them.
 */
const MISFILED_CATEGORY: Partial<Record<CategoryKey, CategoryKey[]>> = {
  printer: ['computer', 'hardware'],
  computer: ['printer', 'hardware', 'netdev'],
  netdev: ['computer', 'hardware'],
  login: ['account'],
  account: ['login'],
  trapped: ['elevator', 'noise'],
  noise: ['elevator', 'trapped'],
  inspection: ['elevator', 'invoice'],
  invoice: ['billing', 'refund'],
  refund: ['billing', 'invoice', 'delivery'],
  delivery: ['refund', 'billing'],
  complaint: ['billing'],
  billing: ['invoice', 'complaint'],
};
const MISFILED_TEAM: Partial<Record<TeamKey, TeamKey[]>> = { hardware: ['network'], network: ['hardware'], frontline: ['vip'], vip: ['frontline'] };
/** Share of tickets filed under a neighbouring label (category and team drawn separately). */
const MISFILED = 0.07;
export const BUMP: Record<Priority, Priority> = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };

const ZH_TEMPLATES = TEMPLATES.filter((t) => t.lang === 'zh');
const EN_TEMPLATES = TEMPLATES.filter((t) => t.lang === 'en');
const weightsOf = (list: Template[]) => Object.fromEntries(list.map((t) => [t.key, t.weight]));

export interface TicketDraft {
  createdAt: number;
  english: boolean;
  template: Template;
  /** Title and description as the requester wrote them. */
  title: string;
  description: string;
  /** The category the ticket ends up filed under (now and then not the template's). */
  category: CategoryKey;
  channel: Channel;
  /** A known contact, or undefined when a newcomer asks (then `requester` describes them). */
  contact?: Contact;
  requesterName: string;
  requester?: RequesterInput;
  tier: Tier;
  team: TeamKey;
  fieldService: boolean;
  /** Who of the team could work on it. */
  handlers: Staff[];
  assignee: Staff;
  engineer: Staff;
  priority: Priority;
  /** Placeholder values for the template's texts. */
  words: Record<string, string>;
  customFields: Record<string, unknown>;
  tags: string[];
  /** The status the story ends in. */
  target: Status;
  /** The front-line agent who would take it on the phone (and may triage it). */
  frontline: Staff;
  creator: Actor;
  assignAtCreate: boolean;
  /** The elevator an IoT ticket's alarm comes from, and what it reports. */
  elevator?: (typeof ELEVATORS)[number];
  alarm?: Alarm;
}

/** Targets by age: recent tickets are mostly still being worked on, old ones mostly done. */
function targetStatus(rng: Random, ageMs: number): Status {
  if (ageMs < DAY) return rng.weighted<Status>({ new: 45, open: 25, pending: 12, on_hold: 3, resolved: 15 });
  if (ageMs < 7 * DAY) return rng.weighted<Status>({ new: 8, open: 22, pending: 18, on_hold: 10, resolved: 28, closed: 14 });
  return rng.weighted<Status>({ open: 4, pending: 4, on_hold: 4, resolved: 18, closed: 70 });
}

interface Asker {
  contact?: Contact;
  newcomer?: RequesterInput;
  elevator?: (typeof ELEVATORS)[number];
}

/** Who asks: a known contact of the kind the template expects, an elevator's owner, or now and then someone new. */
function chooseAsker(world: DemoWorld, template: Template, channel: Channel): Asker {
  const { rng } = world;
  const contacts = world.customers.contacts;
  const chineseContacts = contacts.filter((c) => !c.english);
  const elevator = template.category === 'trapped' || template.category === 'noise' ? rng.pick(ELEVATORS) : undefined;
  if (channel === 'iot' && elevator) return { elevator, contact: contacts.find((c) => c.name === elevator.owner) };
  if (template.requesters === 'english') return { elevator, contact: rng.pick(contacts.filter((c) => c.english)) };
  if (template.requesters === 'consumer' || template.requesters === 'any') {
    if (rng.chance(0.2)) {
      const n = rng.pick(world.customers.newcomers);
      // known by all their identities from the first request on (a WeChat follower gave the phone number
      // too): a reply written to them then goes out on the channel it would go out on later
      const newcomer: RequesterInput = { name: n.name, phone: n.phone, ...(n.openId ? { identities: [{ kind: 'wechat' as const, value: n.openId }] } : {}) };
      return { elevator, newcomer };
    }
    return { elevator, contact: rng.pick(template.requesters === 'consumer' ? chineseContacts.filter((c) => !c.org) : chineseContacts) };
  }
  const orgKey = elevator?.org ?? rng.pick(template.requesters as OrgKey[]);
  return { elevator, contact: rng.pick(chineseContacts.filter((c) => c.org?.key === orgKey)) };
}

/** The team that takes it: the template's; a VIP customer's questions often go to the VIP desk; now and then the wrong one. */
function chooseTeam(rng: Random, template: Template, tier: Tier): TeamKey {
  let team = template.team;
  if (team === 'frontline' && tier !== 'standard' && rng.chance(0.4)) team = 'vip';
  const wrong = MISFILED_TEAM[team];
  return wrong && rng.chance(MISFILED) ? rng.pick(wrong) : team;
}

function chooseCategory(rng: Random, template: Template): CategoryKey {
  const wrong = MISFILED_CATEGORY[template.category];
  return wrong && rng.chance(MISFILED) ? rng.pick(wrong) : template.category;
}

/** Who handles it: an engineer for field service, else an agent (Emily for much English work), sometimes the supervisor. */
function chooseHandlers(world: DemoWorld, template: Template, team: TeamKey, english: boolean) {
  const { rng, people } = world;
  const fieldService = !!template.field && ['hardware', 'network', 'elevator'].includes(team);
  const handlers = fieldService ? teamMembers(people, team, ['engineer']) : teamMembers(people, team, ['agent']);
  let assignee = english && !fieldService && rng.chance(0.6) ? staffByKey(people, 'agent-emily') : rng.pick(handlers.length ? handlers : [supervisorOf(people, team)]);
  if (!fieldService && rng.chance(0.08)) assignee = supervisorOf(people, team);
  const engineer = fieldService
    ? assignee
    : rng.pick(teamMembers(people, team === 'vip' || team === 'frontline' ? 'hardware' : team, ['engineer']).concat(people.staff.filter((s) => s.seed.role === 'engineer')));
  return { fieldService, handlers, assignee, engineer };
}

/** Who enters it depends on the channel: the customer on the portal, an agent on the phone, the ERP, or a gateway. */
function creatorOf(world: DemoWorld, channel: Channel, contact: Contact | undefined, frontline: Staff): Actor {
  const tenantId = world.tenantId;
  if (channel === 'portal') return { tenantId, type: 'user', id: contact!.portalUserId!, name: contact!.name, role: 'customer', scope: 'own', teamIds: [], contactId: contact!.id };
  if (channel === 'phone') return frontline.actor;
  if (channel === 'api') return world.erp;
  return systemActor(tenantId, GATEWAYS[channel] ?? '接入网关');
}

export function draftTicket(world: DemoWorld, createdAt: number): TicketDraft {
  const { rng, people } = world;
  const english = rng.chance(0.2);
  const pool = english ? EN_TEMPLATES : ZH_TEMPLATES;
  const templateKey = rng.weighted(weightsOf(pool));
  const template = pool.find((t) => t.key === templateKey)!;
  let channel = rng.weighted<Channel>(template.channels);

  const { contact, newcomer, elevator } = chooseAsker(world, template, channel);
  if (channel === 'iot' && !elevator) channel = 'phone';
  const requesterName = contact?.name ?? newcomer!.name!;
  const tier: Tier = contact?.org?.tier ?? 'standard';
  const portal = !!contact?.portalUserId && (channel === 'web' || rng.chance(0.15)) && channel !== 'iot';
  if (portal) channel = 'portal';

  const team = chooseTeam(rng, template, tier);
  const category = chooseCategory(rng, template);
  const { fieldService, handlers, assignee, engineer } = chooseHandlers(world, template, team, english);
  let priority = rng.weighted<Priority>(template.priority);
  if (tier !== 'standard' && rng.chance(0.4)) priority = BUMP[priority];
  if (channel === 'iot') priority = template.category === 'trapped' ? 'urgent' : priority;

  const { words, modelKey } = ticketWords(rng, {
    template,
    english,
    createdAt,
    requesterName,
    contact,
    newcomerPhone: newcomer?.phone,
    elevator,
    engineerName: engineer.user.name,
    agentName: assignee.user.name,
  });
  const { title, description } = wordTicket(rng, template, words, english);
  let alarm = channel === 'iot' && elevator && template.alarms ? rng.pick(template.alarms) : undefined;
  if (alarm && createdAt - (world.lastAlarm.get(`${elevator!.device}/${alarm.code}`) ?? -Infinity) < 2 * HOUR) alarm = undefined;
  if (channel === 'iot' && !alarm) channel = 'phone';
  if (alarm) world.lastAlarm.set(`${elevator!.device}/${alarm.code}`, createdAt);
  const { customFields, tags } = ticketFields(rng, { template, words, modelKey, createdAt, tier, channel });

  const target = targetStatus(rng, world.end - createdAt);
  const frontline = rng.pick(teamMembers(people, tier !== 'standard' ? 'vip' : 'frontline', ['agent']));
  const creator = creatorOf(world, channel, contact, frontline);
  const assignAtCreate = channel === 'phone' && target !== 'new' && (assignee.seed.role !== 'engineer' ? rng.chance(0.5) : rng.chance(0.3));
  const requester: RequesterInput | undefined = channel === 'portal' ? undefined : contact ? { id: contact.id } : newcomer;
  return {
    createdAt,
    english,
    template,
    title,
    description,
    category,
    channel,
    contact,
    requesterName,
    requester,
    tier,
    team,
    fieldService,
    handlers,
    assignee,
    engineer,
    priority,
    words,
    customFields,
    tags,
    target,
    frontline,
    creator,
    assignAtCreate,
    elevator,
    alarm,
  };
}
