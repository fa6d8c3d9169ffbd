import { createTicket } from '../modules/tickets';
import { html } from './demo-format';
import type { DemoWorld, TicketState } from './demo-world';
import { UNSORTED_CHANNELS, type TicketDraft } from './draft-ticket';
import { MINUTE } from './random';
import {
  askForInformation,
  close,
  customerReply,
  customerWrites,
  firstReply,
  maybeInternalNote,
  maybeReassign,
  maybeSubtasks,
  putOnHold,
  resolve,
  startStory,
  triage,
  type Story,
} from './ticket-story';

// One ticket's lifecycle on the timeline: its creation, then the story that leads to its target
// status, squeezed to fit between its creation and the end of the period.

export function simulateTicket(world: DemoWorld, draft: TicketDraft): TicketState {
  const state: TicketState = { requesterName: draft.requesterName, template: draft.template, createdAt: draft.createdAt };
  scheduleCreation(world, draft, state);
  if (draft.target === 'new') return state;

  const story = startStory(world, draft, state);
  if (!draft.assignAtCreate) triage(story);
  firstReply(story);
  maybeInternalNote(story);
  maybeSubtasks(story);
  maybeReassign(story);
  playOutTo(story);
  scheduleStory(story);
  return state;
}

/**
 * Creation. An alarm goes through the IoT channel; mail, WeChat, the web form and the portal bring
 * neither category nor team (the intelligence stage sets them when it is sure, a person at triage
 * otherwise); an agent on the phone and the ERP file a category.
 */
function scheduleCreation(world: DemoWorld, draft: TicketDraft, state: TicketState): void {
  const { template, channel, team } = draft;
  const teamId = () => world.people.teams.get(team);
  const sorted = !UNSORTED_CHANNELS.includes(channel);
  world.timeline.schedule(draft.createdAt, `create ${template.key}`, async () => {
    const ticket = draft.alarm
      ? await world.alarms.raise(draft.elevator!, draft.alarm)
      : (
          await createTicket(world.deps, draft.creator, {
            title: draft.title,
            description: html(draft.description),
            requester: draft.requester,
            priority: channel === 'portal' ? undefined : draft.priority,
            channel,
            typeId: world.catalog.typeIds.get(template.type),
            categoryId: sorted ? world.catalog.categoryIds.get(draft.category) : undefined,
            tags: draft.tags,
            customFields: draft.customFields,
            ...(draft.assignAtCreate ? { teamId: teamId(), assigneeId: draft.assignee.user.id, status: 'open' as const } : {}),
          })
        ).ticket;
    state.id = ticket.id;
    state.number = ticket.number;
    state.requesterId = ticket.requesterId ?? undefined;
  });
}

/** The steps towards the target status. */
function playOutTo(story: Story): void {
  const { rng } = story.world;
  const { target, english } = story.draft;
  switch (target) {
    case 'open':
      if (rng.chance(0.5)) customerWrites(story, customerReply(story));
      break;
    case 'pending':
      askForInformation(story);
      break;
    case 'on_hold':
      putOnHold(story);
      break;
    case 'resolved':
    case 'closed': {
      if (rng.chance(0.35)) {
        askForInformation(story);
        customerWrites(story, customerReply(story));
      }
      if (rng.chance(0.12)) putOnHold(story);
      resolve(story);
      if (target === 'closed') {
        if (rng.chance(0.08)) {
          // reopened: the problem came back
          customerWrites(story, english ? 'Unfortunately the problem is back.' : '问题又出现了，麻烦再看一下。');
          resolve(story, false);
        }
        close(story);
      }
      break;
    }
  }
}

/** Puts the steps on the timeline, squeezed to fit young tickets. */
function scheduleStory(story: Story): void {
  const { world, draft } = story;
  const room = Math.max(0, world.end - draft.createdAt - 2 * MINUTE);
  const scale = story.off > room ? room / story.off : 1;
  for (const s of story.steps) world.timeline.schedule(draft.createdAt + Math.max(1000, s.off * scale), s.what, s.run);
}
