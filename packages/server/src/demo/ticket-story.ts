import { systemActor, type Actor } from '../modules/identity';
import { addComment, createTicket, updateTicket, type Channel } from '../modules/tickets';
import { staffReply } from './demo-deliveries';
import { fill, html } from './demo-format';
import { supervisorOf, teamMembers, type Staff } from './demo-people';
import type { DemoWorld, TicketState } from './demo-world';
import { BUMP, type TicketDraft } from './draft-ticket';
import { DAY, HOUR, MINUTE } from './random';

// The steps of one ticket's story after its creation. Each step draws its timing and words now and
// is written when the timeline reaches it; offsets count from the ticket's creation. The order of
// the random draws is part of the seed's output — keep it.

export interface Story {
  world: DemoWorld;
  draft: TicketDraft;
  state: TicketState;
  /** Offset of the latest step from creation (ms). */
  off: number;
  steps: { off: number; what: string; run: () => Promise<void> }[];
  /** Who works on the ticket now. */
  current: Staff;
  subtasks: { state: TicketState; assignee: Staff }[];
}

export function startStory(world: DemoWorld, draft: TicketDraft, state: TicketState): Story {
  return { world, draft, state, off: 0, steps: [], current: draft.assignee, subtasks: [] };
}

/** Moves the story on; our side answers faster for urgent work, customers and the close-out take their own time. */
function next(story: Story, minMs: number, maxMs: number, ours = true): void {
  const p = story.draft.priority;
  const quick = p === 'urgent' ? 0.1 : p === 'high' ? 0.4 : p === 'low' ? 2.5 : 1;
  story.off += story.world.rng.between(minMs, maxMs) * (ours ? quick : 1);
}

function step(story: Story, what: string, run: () => Promise<void>): void {
  story.steps.push({ off: story.off, what, run });
}

const say = (story: Story, list: string[]) => fill(story.world.rng.pick(list), story.draft.words);
const ticketId = (story: Story) => story.state.id!;

/** The channel the customer writes back by (portal user, or mail/WeChat/phone relayed by the channel). */
export function customerChannel(channel: Channel): Channel {
  return channel === 'portal' ? 'portal' : channel === 'iot' || channel === 'api' ? 'phone' : channel;
}

/** The customer, as the contact writing back; known once the ticket exists. */
function customerActor(story: Story): Actor {
  return {
    tenantId: story.world.tenantId,
    type: 'user',
    id: story.draft.contact?.portalUserId ?? null,
    name: story.draft.requesterName,
    role: 'customer',
    scope: 'own',
    teamIds: [],
    contactId: story.state.requesterId!,
  };
}

export function triage(story: Story): void {
  const { world, draft } = story;
  next(story, 5 * MINUTE, 90 * MINUTE);
  const triager = world.rng.chance(0.6) ? supervisorOf(world.people, draft.team) : draft.frontline;
  const bumped = draft.tier !== 'standard' && draft.priority !== 'urgent' && world.rng.chance(0.15) ? BUMP[draft.priority] : undefined;
  const teamId = world.people.teams.get(draft.team);
  step(story, 'triage', async () => {
    // the triager files it where it belongs (correcting the intelligence stage when it guessed wrong)
    const categoryId = world.catalog.categoryIds.get(draft.category);
    await updateTicket(world.deps, triager.actor, ticketId(story), { teamId, categoryId, assigneeId: draft.assignee.user.id, status: 'open', ...(bumped ? { priority: bumped } : {}) }, 'web');
  });
}

export function firstReply(story: Story): void {
  const { world, draft } = story;
  next(story, 10 * MINUTE, 3 * HOUR);
  const body = html(say(story, draft.template.replies));
  const replier = story.current;
  const by = customerChannel(draft.channel);
  step(story, 'first reply', async () => {
    await staffReply(world, replier.actor, ticketId(story), { body, channel: by === 'portal' ? 'web' : by });
    world.stats.replies++;
  });
}

/** Now and then a word with the supervisor or an engineer, who is mentioned. */
export function maybeInternalNote(story: Story): void {
  const { world, draft } = story;
  const { rng } = world;
  if (!rng.chance(0.35)) return;
  next(story, 5 * MINUTE, 2 * HOUR);
  const sup = () => supervisorOf(world.people, draft.team);
  const other = story.current.seed.role === 'engineer' ? sup() : draft.fieldService ? draft.engineer : rng.chance(0.5) ? sup() : draft.engineer;
  const author = story.current;
  if (other.user.id === author.user.id) return;
  const body = html(fill(rng.pick(draft.template.notes), { ...draft.words, mention: `@${other.user.name}` }));
  step(story, 'internal note', async () => {
    await addComment(world.deps, author.actor, ticketId(story), { body, internal: true, mentions: [other.user.id] });
    world.stats.notes++;
  });
}

/** Field work split into sub-tasks for engineers of the team. */
export function maybeSubtasks(story: Story): void {
  const { world, draft, state } = story;
  const { rng } = world;
  const { template, team } = draft;
  if (!(template.subtasks && draft.fieldService && rng.chance(0.35))) return;
  next(story, 20 * MINUTE, 2 * HOUR);
  const sup = supervisorOf(world.people, team);
  for (const title of rng.shuffle(template.subtasks).slice(0, rng.int(1, 2))) {
    const who = rng.pick(teamMembers(world.people, team, ['engineer']));
    const sub: TicketState = { requesterName: draft.requesterName, template, createdAt: 0 };
    story.subtasks.push({ state: sub, assignee: who });
    step(story, 'sub-task', async () => {
      const { ticket } = await createTicket(world.deps, sup.actor, {
        title: `【子任务】${title}（#${state.number}）`,
        description: html(`${title}：${draft.description}`),
        requester: { id: state.requesterId! },
        priority: draft.priority,
        channel: 'web',
        status: 'open',
        typeId: world.catalog.typeIds.get(template.type),
        categoryId: world.catalog.categoryIds.get(draft.category),
        teamId: world.people.teams.get(team),
        assigneeId: who.user.id,
        parentId: ticketId(story),
        tags: ['子任务'],
        customFields: draft.customFields.device_model ? { device_model: draft.customFields.device_model } : {},
      });
      sub.id = ticket.id;
      world.stats.subtasks++;
    });
  }
}

/** Handed over to a colleague, with the reason on the timeline. */
export function maybeReassign(story: Story): void {
  const { world, draft } = story;
  const { rng } = world;
  if (!rng.chance(0.1)) return;
  const pool = draft.fieldService ? teamMembers(world.people, draft.team, ['engineer']) : draft.handlers;
  const others = pool.filter((s) => s.user.id !== story.current.user.id);
  if (!others.length) return;
  next(story, 30 * MINUTE, 6 * HOUR);
  const to = rng.pick(others);
  const reason = draft.english ? 'Handing over: the customer prefers an afternoon visit.' : rng.pick(['原工程师休假，转交处理', '客户在另一个片区，转给就近工程师', '需要更熟悉该型号的同事处理']);
  const sup = supervisorOf(world.people, draft.team);
  step(story, 'reassign', async () => {
    await updateTicket(world.deps, sup.actor, ticketId(story), { assigneeId: to.user.id, transferReason: reason });
  });
  story.current = to;
}

export function askForInformation(story: Story): void {
  const { world } = story;
  next(story, 30 * MINUTE, 5 * HOUR);
  const who = story.current;
  const body = html(say(story, story.draft.template.askInfo));
  step(story, 'ask for information', async () => {
    await staffReply(world, who.actor, ticketId(story), { body, status: 'pending' });
    world.stats.replies++;
  });
}

export function customerWrites(story: Story, text: string): void {
  const { world } = story;
  next(story, 20 * MINUTE, 20 * HOUR, false);
  const body = html(text);
  const by = customerChannel(story.draft.channel);
  step(story, 'customer reply', async () => {
    await addComment(world.deps, customerActor(story), ticketId(story), { body, channel: by });
    world.stats.replies++;
  });
}

export const customerReply = (story: Story) => say(story, story.draft.template.customerReplies);

export function putOnHold(story: Story): void {
  const { world } = story;
  next(story, 30 * MINUTE, 4 * HOUR);
  const who = story.current;
  const body = html(say(story, story.draft.template.holdNotes));
  step(story, 'on hold', async () => {
    await addComment(world.deps, who.actor, ticketId(story), { body, internal: true, status: 'on_hold' });
    world.stats.notes++;
  });
}

/** Sub-tasks done first (unless `withSubtasks` is false), then the resolution. */
export function resolve(story: Story, withSubtasks = true): void {
  const { world, draft } = story;
  for (const s of withSubtasks ? story.subtasks : []) {
    next(story, 30 * MINUTE, 8 * HOUR);
    step(story, 'sub-task done', async () => {
      await staffReply(world, s.assignee.actor, s.state.id!, { body: html(draft.english ? 'Done.' : '已完成，现场照片已上传。'), status: 'resolved' });
    });
  }
  next(story, HOUR, 2 * DAY);
  const who = story.current;
  const body = html(say(story, draft.template.resolutions));
  step(story, 'resolve', async () => {
    await staffReply(world, who.actor, ticketId(story), { body, status: 'resolved' });
    world.stats.replies++;
  });
}

/** Closed by the customer on the portal, or automatically three days after resolution. */
export function close(story: Story): void {
  const { world, draft } = story;
  const portalUserId = draft.contact?.portalUserId;
  const byCustomer = !!portalUserId && world.rng.chance(0.6);
  if (byCustomer) next(story, 2 * HOUR, 2 * DAY, false);
  else next(story, 3 * DAY, 3 * DAY + 30 * MINUTE, false);
  const closer: () => Actor = byCustomer ? () => customerActor(story) : () => systemActor(world.tenantId, '自动关闭（已解决 3 天）');
  step(story, 'close', async () => {
    await updateTicket(world.deps, closer(), ticketId(story), { status: 'closed' }, portalUserId ? 'portal' : 'web');
  });
}
