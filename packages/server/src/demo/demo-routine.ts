import { markNotificationsRead } from '../modules/notifications';
import { cacheFor, startIntelligence, trainModels } from '../modules/intelligence';
import { OutboxDispatcher } from '../platform/outbox/outbox-dispatcher';
import { SHANGHAI } from './demo-format';
import type { DemoWorld } from './demo-world';
import { DAY, HOUR, MINUTE } from './random';

// What happens in the tenant besides tickets, on the same timeline:
// - the models are retrained as tickets come in (the first time once 30 exist, then after every sixth
//   of the period's tickets, at least 80), as the background retraining or an admin (管理 → 智能分类)
//   would: tickets arriving later pass an intelligence stage that has learnt from the earlier ones — a
//   ticket waiting unassigned is one the model was not sure of, not one no model ever saw — and once
//   more at the end, so the admin page has figures as soon as the server starts. Before each training
//   the intelligence module reads what happened from the outbox as a running server would (corrections
//   made at triage), so a server started later does not count two months of corrections as made since
//   the last training;
// - staff read their notifications at the end of each working day, so someone signing in finds the
//   day's, not two months'.

export function scheduleRoutine(world: DemoWorld, start: number, created: number[]): { close(): Promise<void> } {
  const outbox = new OutboxDispatcher(world.deps.db, world.deps.clock);
  const intelligence = startIntelligence({ deps: world.deps, outbox, retrainMinutes: 0, log: { error: () => {} } });
  const train = async () => {
    await outbox.drain();
    // a tenant with too few labelled tickets keeps its cold-start rules: trainModels trains nothing then
    if (await trainModels(world.deps, world.tenantId)) await cacheFor(world.deps.db).reload(world.tenantId);
  };
  const every = Math.max(80, Math.ceil(created.length / 6));
  for (let i = 30; i < created.length; i += every) world.timeline.schedule(created[i - 1] + MINUTE, 'training', train);
  world.timeline.schedule(world.end, 'training', train);
  const firstMidnight = Math.floor((start + SHANGHAI) / DAY) * DAY - SHANGHAI;
  for (let at = firstMidnight + 18 * HOUR; at < world.end; at += DAY) if (at > start) world.timeline.schedule(at, 'notifications read', () => readNotifications(world));
  return { close: () => intelligence.close() };
}

async function readNotifications(world: DemoWorld): Promise<void> {
  for (const s of world.people.staff) await markNotificationsRead(world.deps, s.actor, 'all');
  await markNotificationsRead(world.deps, world.admin, 'all');
}
