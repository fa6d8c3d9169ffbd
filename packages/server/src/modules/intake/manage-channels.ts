import { isUniqueViolation, type Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { requireRole, type Actor } from '../identity';
import { checkReferences } from '../tickets';
import { channelRepository, type ChannelWrite } from './channel-repository';
import { toChannelView, type ChannelView } from './channel-view';
import type { ChannelDefaults, IntakeChannel } from './intake-types';
import type { RoutingRule } from './routing-rules';

export interface ChannelInput {
  kind: IntakeChannel;
  name: string;
  enabled?: boolean;
  address?: string | null;
  settings?: Record<string, unknown>;
  /** replaces the named secrets; a null value removes one */
  secrets?: Record<string, unknown>;
  defaults?: ChannelDefaults & { rules?: RoutingRule[] };
}

const taken = (message: string) => new AppError('CONFLICT', message, { field: 'address', details: [{ field: 'address', code: 'address_taken', message }] });

const addressTaken = (address: string | null) => taken(`The address ${address} is already used by another channel (of this or another tenant); each address routes to one channel`);

/**
 * Mail is routed across tenants by address, then by @domain: an email channel may not overlap another
 * tenant's (the same address, or an @domain and an address in it). Runs in the transaction that writes
 * the channel (the check locks the domain until it commits).
 */
async function checkMailAddress(q: Queryable, kind: IntakeChannel, address: string | null): Promise<void> {
  if (kind !== 'email' || !address) return;
  if (await channelRepository.mailAddressTaken(q, address))
    throw taken(
      address.startsWith('@')
        ? `Mail for ${address} cannot be routed to this tenant: another tenant already receives mail at this domain or at an address in it`
        : `Mail for ${address} cannot be routed to this tenant: another tenant already receives mail at this address or its whole @domain`,
    );
}

/** Routing defaults and rules may only name this tenant's categories, teams and types. */
async function checkDefaults(q: Queryable, actor: Actor, d: ChannelInput['defaults']): Promise<void> {
  if (!d) return;
  await checkReferences(q, actor, { categoryId: d.categoryId, teamId: d.teamId, typeId: d.typeId });
  for (const r of d.rules ?? []) await checkReferences(q, actor, { categoryId: r.categoryId, teamId: r.teamId });
}

const normalizeAddress = (a: string | null | undefined) => (a?.trim() ? a.trim().toLowerCase() : null);

export async function createChannel(deps: Deps, actor: Actor, input: ChannelInput): Promise<ChannelView> {
  requireRole(actor, ['admin']);
  const now = deps.clock.now();
  const write: ChannelWrite = {
    name: input.name.trim(),
    enabled: input.enabled ?? true,
    address: normalizeAddress(input.address),
    settings: input.settings ?? {},
    secrets: Object.fromEntries(Object.entries(input.secrets ?? {}).filter(([, v]) => v !== null)),
    defaults: input.defaults ?? {},
  };
  try {
    return toChannelView(
      await deps.db.tenant(actor.tenantId, async (q) => {
        await checkDefaults(q, actor, input.defaults);
        await checkMailAddress(q, input.kind, write.address);
        return channelRepository.insert(q, { ...write, id: uuidv7(now.getTime()), tenantId: actor.tenantId, kind: input.kind, at: now });
      }),
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw addressTaken(write.address);
    throw err;
  }
}

export async function updateChannel(deps: Deps, actor: Actor, id: string, input: Partial<Omit<ChannelInput, 'kind'>>): Promise<ChannelView> {
  requireRole(actor, ['admin']);
  try {
    return toChannelView(
      await deps.db.tenant(actor.tenantId, async (q) => {
        const c = await channelRepository.byId(q, id);
        if (!c) throw notFound('Channel');
        await checkDefaults(q, actor, input.defaults);
        const address = input.address === undefined ? c.address : normalizeAddress(input.address);
        if (address !== c.address) await checkMailAddress(q, c.kind, address);
        const secrets = { ...c.secrets };
        for (const [k, v] of Object.entries(input.secrets ?? {})) if (v === null) delete secrets[k]; else secrets[k] = v;
        const row = await channelRepository.update(q, id, {
          name: input.name?.trim() ?? c.name,
          enabled: input.enabled ?? c.enabled,
          address,
          settings: input.settings ?? c.settings,
          secrets,
          defaults: input.defaults ?? c.defaults,
          at: deps.clock.now(),
        });
        return row!;
      }),
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw addressTaken(normalizeAddress(input.address));
    throw err;
  }
}

export async function deleteChannel(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, ['admin']);
  const gone = await deps.db.tenant(actor.tenantId, (q) => channelRepository.remove(q, id));
  if (!gone) throw notFound('Channel');
}

export async function listChannels(deps: Deps, actor: Actor, kind?: IntakeChannel): Promise<ChannelView[]> {
  requireRole(actor, ['admin', 'supervisor']);
  return (await deps.db.tenant(actor.tenantId, (q) => channelRepository.list(q, kind))).map(toChannelView);
}

export async function getChannel(deps: Deps, actor: Actor, id: string): Promise<ChannelView> {
  requireRole(actor, ['admin', 'supervisor']);
  const c = await deps.db.tenant(actor.tenantId, (q) => channelRepository.byId(q, id));
  if (!c) throw notFound('Channel');
  return toChannelView(c);
}
