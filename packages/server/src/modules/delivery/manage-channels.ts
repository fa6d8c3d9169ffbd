import { isUniqueViolation } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { AppError, invalid, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { requireRole, type Actor } from '../identity';
import { DELIVERY_READERS, DELIVERY_WRITERS } from './access';
import { channelRepository, type ChannelKind, type ChannelRow } from './target-repository';
import { checkUrl } from './target-rules';
import { toChannelView, type ChannelView } from './target-views';

export interface ChannelInput {
  kind: ChannelKind;
  name: string;
  /** robots: url (the webhook address with its key / token), secret (DingTalk 加签, Feishu 签名校验); sms_gateway: url, token, sign */
  config: { url?: string; secret?: string | null; token?: string | null; sign?: string | null };
  active?: boolean;
}

const nameTaken = (name: string) => new AppError('CONFLICT', `A channel named "${name}" exists already: choose another name`, { field: 'name' });

/** The stored config: what is given replaces, what is left out (undefined) stays, null clears. */
function mergeConfig(kind: ChannelKind, given: ChannelInput['config'], current: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { ...current };
  if (given.url !== undefined) out.url = checkUrl('config.url', given.url);
  if (!out.url) throw invalid('config.url', 'Give the address of the robot or the SMS gateway', 'required');
  const keys = kind === 'sms_gateway' ? (['token', 'sign'] as const) : (['secret'] as const);
  for (const k of keys) {
    const v = given[k];
    if (v === null || v === '') delete out[k];
    else if (v !== undefined) out[k] = v;
  }
  if (kind === 'wecom_robot' && !new URL(out.url).searchParams.get('key'))
    throw invalid('config.url', 'A WeCom group robot address carries its key: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…', 'invalid_format');
  return out;
}

export async function listChannels(deps: Deps, actor: Actor): Promise<ChannelView[]> {
  requireRole(actor, DELIVERY_READERS);
  return (await deps.db.tenant(actor.tenantId, (q) => channelRepository.list(q))).map(toChannelView);
}

export async function createChannel(deps: Deps, actor: Actor, input: ChannelInput): Promise<ChannelView> {
  requireRole(actor, DELIVERY_WRITERS);
  const now = deps.clock.now();
  const row: ChannelRow = {
    id: uuidv7(now.getTime()),
    tenant_id: actor.tenantId,
    kind: input.kind,
    name: input.name.trim(),
    config: mergeConfig(input.kind, input.config),
    active: input.active ?? true,
    created_at: now,
    updated_at: now,
  };
  try {
    return toChannelView(await deps.db.tenant(actor.tenantId, (q) => channelRepository.insert(q, row)));
  } catch (err) {
    throw isUniqueViolation(err) ? nameTaken(row.name) : err;
  }
}

export async function updateChannel(deps: Deps, actor: Actor, id: string, input: Omit<ChannelInput, 'kind'> & { kind?: ChannelKind }): Promise<ChannelView> {
  requireRole(actor, DELIVERY_WRITERS);
  const name = input.name.trim();
  try {
    return await deps.db.tenant(actor.tenantId, async (q) => {
      const current = await channelRepository.byId(q, id);
      if (!current) throw notFound('Notification channel');
      if (input.kind && input.kind !== current.kind) throw invalid('kind', `A channel's kind cannot change (it is ${current.kind}); add another channel`, 'not_allowed');
      const row = await channelRepository.update(q, { id, name, config: mergeConfig(current.kind, input.config, current.config), active: input.active ?? current.active, updated_at: deps.clock.now() });
      return toChannelView(row!);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? nameTaken(name) : err;
  }
}

export async function deleteChannel(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, DELIVERY_WRITERS);
  if (!(await deps.db.tenant(actor.tenantId, (q) => channelRepository.remove(q, id)))) throw notFound('Notification channel');
}
