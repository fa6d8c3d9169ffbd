import type { Deps } from '../../../platform/deps';
import { forbidden, invalid } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import type { PositionInfo } from '../../live';
import { DISPATCHABLE } from './access';
import { positionRepository } from './position-repository';

/** A position as the dispatcher's map receives it live. */
export type PositionMessage = PositionInfo;
/** Sends a position to the tenant's admins, supervisors and agents (best effort). */
export type AnnouncePosition = (tenantId: string, m: PositionMessage) => void;

export interface LocationInput {
  lat: number;
  lng: number;
  accuracy?: number;
  at?: string;
}

/** How far ahead of the server's clock a phone's clock may run. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * A person's phone reports where they are (every few seconds while working): one upsert, in a
 * transaction shared with other reports of the tenant arriving at the same moment; a report older than
 * the stored one is dropped silently, a kept one goes live to the dispatchers.
 */
export async function reportLocation(deps: Deps, announce: AnnouncePosition, actor: Actor, input: LocationInput): Promise<void> {
  requireRole(actor, DISPATCHABLE);
  if (actor.type !== 'user' || !actor.id) throw forbidden('Only a signed-in person reports a location');
  const now = deps.clock.now();
  const at = input.at ? new Date(input.at) : now;
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) throw invalid('at', 'The report time is in the future; check the phone\'s clock', 'in_future', input.at);
  const row = { user_id: actor.id, tenant_id: actor.tenantId, lat: input.lat, lng: input.lng, accuracy_m: input.accuracy ?? null, reported_at: at, received_at: now };
  const kept = await deps.writes.run(actor.tenantId, (q) => positionRepository.report(q, row));
  if (kept) announce(actor.tenantId, { type: 'dispatch.position', userId: row.user_id, lat: row.lat, lng: row.lng, accuracyM: row.accuracy_m, reportedAt: at.toISOString() });
}
