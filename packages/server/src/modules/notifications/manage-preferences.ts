import type { Deps } from '../../platform/deps';
import { forbidden, invalid } from '../../platform/errors';
import { canonicalTimeZone, type Actor } from '../identity';
import { preferenceRepository, type PreferenceRow } from './preference-repository';
import { DEFAULT_PREFERENCES, OUTSIDE_CHANNELS, type OutsideChannel, type Preferences } from './preference-rules';

const toPreferences = (r: PreferenceRow | undefined): Preferences =>
  r
    ? { channels: r.channels as Record<string, OutsideChannel[]>, quietStart: r.quiet_start, quietEnd: r.quiet_end, timeZone: r.time_zone }
    : DEFAULT_PREFERENCES;

function userOf(actor: Actor): string {
  if (actor.type !== 'user' || !actor.id) throw forbidden('Notification preferences belong to a signed-in user (an API key has none)');
  return actor.id;
}

/** The signed-in user's notification preferences (defaults when never set: in-app only, no quiet hours). */
export async function getNotificationPreferences(deps: Deps, actor: Actor): Promise<Preferences> {
  const userId = userOf(actor);
  const [row] = await deps.db.tenant(actor.tenantId, (q) => preferenceRepository.byUsers(q, [userId]));
  return toPreferences(row);
}

/** Replaces the signed-in user's preferences: channels per kind, quiet hours (both or neither) and time zone. */
export async function setNotificationPreferences(deps: Deps, actor: Actor, input: Preferences): Promise<Preferences> {
  const userId = userOf(actor);
  const timeZone = canonicalTimeZone(input.timeZone);
  if (!timeZone) throw invalid('timeZone', `Not a time zone: "${input.timeZone}" (e.g. Asia/Shanghai)`, 'invalid_time_zone', input.timeZone);
  if (!input.quietStart !== !input.quietEnd)
    throw invalid(input.quietStart ? 'quietEnd' : 'quietStart', 'Give both the start and the end of the quiet hours, or neither', 'required');
  const channels: Record<string, OutsideChannel[]> = {};
  for (const [kind, list] of Object.entries(input.channels)) {
    const chosen = OUTSIDE_CHANNELS.filter((c) => list.includes(c));
    if (chosen.length) channels[kind] = chosen;
  }
  const row = await deps.db.tenant(actor.tenantId, (q) =>
    preferenceRepository.upsert(q, { user_id: userId, tenant_id: actor.tenantId, channels, quiet_start: input.quietStart, quiet_end: input.quietEnd, time_zone: timeZone, updated_at: deps.clock.now() }),
  );
  return toPreferences(row);
}
