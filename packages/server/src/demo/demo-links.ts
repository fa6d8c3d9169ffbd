import { linkTickets, type LinkKind } from '../modules/tickets';
import { supervisorOf } from './demo-people';
import type { DemoWorld, TicketState } from './demo-world';
import { DAY, HOUR, MINUTE } from './random';

/** Related and duplicate tickets: the same kind reported close together, linked by the supervisor. */
export function scheduleLinks(world: DemoWorld, tickets: TicketState[]): void {
  const { rng } = world;
  for (let i = 1; i < tickets.length; i++) {
    const b = tickets[i];
    if (!rng.chance(0.06)) continue;
    const a = tickets.slice(Math.max(0, i - 15), i).reverse().find((x) => x.template.key === b.template.key && b.createdAt - x.createdAt < 5 * DAY);
    if (!a) continue;
    const kind: LinkKind = rng.chance(0.3) ? 'duplicate_of' : 'related';
    const linker = supervisorOf(world.people, b.template.team);
    world.timeline.schedule(Math.min(b.createdAt + rng.between(10 * MINUTE, 3 * HOUR), world.end), 'link', async () => {
      await linkTickets(world.deps, linker.actor, b.id!, { targetId: a.id!, kind });
      world.stats.links++;
    });
  }
}
