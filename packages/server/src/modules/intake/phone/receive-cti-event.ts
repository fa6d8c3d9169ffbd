import { timingSafeEqual } from 'node:crypto';
import type { Deps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import type { Actor } from '../../identity';
import type { CallInfo } from '../../live';
import { channelRepository, type ChannelRow } from '../channel-repository';
import { receiveInbound } from '../receive-inbound';
import { callPop } from './call-pop';
import { callThreadKey } from './cti-rules';
import type { CtiEvent } from './cti-schemas';

const refused = () => new AppError('UNAUTHENTICATED', 'Send an API key, or the token of a phone channel with ?channel=<its id>, as "Authorization: Bearer …"');

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Who is posting CTI events: a signed-in admin / supervisor / agent or an API key of the tenant (the
 * channel is optional), or a phone channel's own token (secrets.token) with the channel's id.
 */
export async function ctiCaller(deps: Deps, actor: Actor | null, bearer: string | null, channelId: string | undefined): Promise<{ tenantId: string; channel: ChannelRow | null }> {
  if (actor) {
    if (actor.type !== 'api_key' && !['admin', 'supervisor', 'agent'].includes(actor.role)) throw new AppError('FORBIDDEN', 'Only admins, supervisors, agents and API keys may post call events');
    const channel = channelId ? await deps.db.tenant(actor.tenantId, (q) => channelRepository.byId(q, channelId)) : undefined;
    if (channelId && channel?.kind !== 'phone') throw new AppError('NOT_FOUND', 'Phone channel not found', { field: 'channel' });
    return { tenantId: actor.tenantId, channel: channel ?? null };
  }
  if (!bearer || !channelId) throw refused();
  const channel = await deps.db.system((q) => channelRepository.byId(q, channelId));
  const token = channel?.secrets.token;
  if (!channel || channel.kind !== 'phone' || !channel.enabled || typeof token !== 'string' || !token || !sameSecret(token, bearer)) throw refused();
  return { tenantId: channel.tenantId, channel };
}

/**
 * Shows a call on the consoles of these agents (all desk staff when `agentIds` is null) on every
 * server process; returns how many consoles of this process it reached. The route wires it to the
 * live updates.
 */
export type PopCall = (tenantId: string, agentIds: string[] | null, call: CallInfo) => number;

/**
 * POST /api/v1/cti/events: one call event, stored raw before it is acknowledged (the same event of
 * the same call again is a duplicate). Every event pops the console of the agent on the call (all desk
 * staff when none is named) with the caller's contact and open tickets; the call's end is turned into
 * a ticket or an interaction on the caller's open ticket by the worker.
 */
export async function receiveCtiEvent(deps: Deps, popCall: PopCall, who: { tenantId: string; channel: ChannelRow | null }, e: CtiEvent) {
  const at = e.at ? new Date(e.at) : deps.clock.now();
  const received = await receiveInbound(deps, {
    tenantId: who.tenantId,
    channel: 'phone',
    channelId: who.channel?.id ?? null,
    externalId: `${e.callId}:${e.event}`,
    contentType: 'application/json',
    raw: Buffer.from(JSON.stringify(e)),
    meta: { lane: callThreadKey(e.callId), event: e.event },
  });
  let notified = 0;
  if (!received.duplicate) {
    const call = await callPop(deps, who.tenantId, e, at);
    notified = popCall(who.tenantId, call.agentId ? [call.agentId] : null, call);
  }
  return { id: received.id, duplicate: received.duplicate, notified };
}
