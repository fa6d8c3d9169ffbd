import type { Actor } from '../modules/identity';
import { INTAKE_CHANNELS, IntakeRegistry, intakeRegistry, sendReply } from '../modules/intake';
import { addComment } from '../modules/tickets';
import type { DemoWorld } from './demo-world';

// A staff reply of the demo's history went out to the customer when it was written. It is recorded so
// through the product's own sendReply, with senders that deliver nowhere: the ticket's channel log
// shows it sent at that moment, and a server started later finds it done instead of mailing two
// months of history (and, with no relay configured, recording every one of them as failed).

let history: IntakeRegistry | undefined;

/** The product's senders, each delivering nowhere. */
function historyRegistry(): IntakeRegistry {
  if (history) return history;
  const real = intakeRegistry();
  history = new IntakeRegistry();
  for (const c of INTAKE_CHANNELS) {
    const s = real.sender(c);
    if (s) history.addSender({ channel: s.channel, identityKind: s.identityKind, send: async () => ({}) });
  }
  return history;
}

type ReplyInput = Parameters<typeof addComment>[3];

/** A customer-visible reply by staff, delivered on the customer's channel as it is written. */
export async function staffReply(world: DemoWorld, actor: Actor, ticketId: string, input: Omit<ReplyInput, 'internal'>): Promise<void> {
  const c = await addComment(world.deps, actor, ticketId, input);
  await sendReply(world.deps, historyRegistry(), { tenantId: actor.tenantId, ticketId, commentId: c.id, channel: c.channel, body: c.body, attachmentIds: [], actor: { type: actor.type, id: actor.id } });
}
