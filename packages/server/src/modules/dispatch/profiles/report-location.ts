import type { Deps } from '../../../platform/deps';
import { AppError, forbidden, invalid } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import type { PositionInfo } from '../../live';
import { DISPATCHABLE } from './access';
import { goesOnSite } from './on-site';
import { positionRepository } from './position-repository';
import { profileRepository } from './profile-repository';

/** A position as the dispatcher's map receives it live. */
export type PositionMessage = PositionInfo;
/** Sends a position to the tenant's admins, supervisors and agents (best effort). */
export type AnnouncePosition = (tenantId: string, m: PositionMessage) => void;

/** accuracy / at, or the names the board answers with (accuracyM / reportedAt); the schema refuses both. */
export interface LocationInput {
  lat: number;
  lng: number;
  accuracy?: number;
  accuracyM?: number;
  at?: string;
  reportedAt?: string;
}

/** Stored (and sent live), or not kept because a newer fix is stored. */
export type LocationOutcome = { stored: true } | { stored: false; reason: 'older' };

/** How far ahead of the server's clock a phone's clock may run. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * A person's phone reports where they are (every few seconds while working): one upsert, in a
 * transaction shared with other reports of the tenant arriving at the same moment; a report older than
 * the stored one is not kept (and the answer says so), a kept one goes live to the dispatchers. Only
 * people dispatch sends on site report: anyone else would show on the map as an engineer.
 */
export async function reportLocation(deps: Deps, announce: AnnouncePosition, actor: Actor, input: LocationInput): Promise<LocationOutcome> {
  requireRole(actor, DISPATCHABLE);
  if (actor.type !== 'user' || !actor.id) throw forbidden('Only a signed-in person reports a location');
  const userId = actor.id;
  // engineers go on site by their role: no read on their (frequent) reports
  if (actor.role !== 'engineer') {
    const profile = await deps.db.tenant(actor.tenantId, (q) => profileRepository.byUser(q, userId));
    if (!goesOnSite(actor.role, profile?.capacity?.field))
      throw new AppError('DISPATCH_NOT_ON_SITE', 'Only people dispatch sends on site report a position: engineers, and agents with a field capacity of their own in their dispatch profile');
  }
  const now = deps.clock.now();
  const atText = input.at ?? input.reportedAt;
  const at = atText ? new Date(atText) : now;
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) throw invalid(input.at ? 'at' : 'reportedAt', 'The report time is in the future; check the phone\'s clock', 'in_future', atText);
  const row = { user_id: userId, tenant_id: actor.tenantId, lat: input.lat, lng: input.lng, accuracy_m: input.accuracy ?? input.accuracyM ?? null, reported_at: at, received_at: now };
  const kept = await deps.writes.run(actor.tenantId, (q) => positionRepository.report(q, row));
  if (!kept) return { stored: false, reason: 'older' };
  announce(actor.tenantId, { type: 'dispatch.position', userId: row.user_id, lat: row.lat, lng: row.lng, accuracyM: row.accuracy_m, reportedAt: at.toISOString() });
  return { stored: true };
}
