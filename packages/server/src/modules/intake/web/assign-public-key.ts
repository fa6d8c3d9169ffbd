import type { Deps } from '../../../platform/deps';
import { invalid, notFound } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import { channelRepository } from '../channel-repository';
import { toChannelView, type ChannelView } from '../channel-view';
import { newPublicKey } from './web-form-rules';

/**
 * POST /api/v1/channels/{id}/public-key (admins): gives a web form channel a new public key wf_… or a
 * chat channel ch_… (its address). The old key stops working at once: pages embedding it need the new one.
 */
export async function assignPublicKey(deps: Deps, actor: Actor, id: string): Promise<ChannelView> {
  requireRole(actor, ['admin']);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const c = await channelRepository.byId(q, id);
    if (!c) throw notFound('Channel');
    if (c.kind !== 'web' && c.kind !== 'chat') throw invalid('id', 'Only web form and chat channels have a public key', 'not_public');
    const row = await channelRepository.update(q, id, { ...c, address: newPublicKey(c.kind === 'web' ? 'wf' : 'ch'), at: deps.clock.now() });
    return toChannelView(row!);
  });
}
