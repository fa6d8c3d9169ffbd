import type { Queryable } from '../../../platform/db/database';
import { channelRepository } from '../channel-repository';

/** The public key (wf_…) of a tenant's enabled web form channel, in the caller's tenant transaction; undefined when it has none or is off. */
export async function webFormKeyOf(q: Queryable, channelId: string): Promise<string | undefined> {
  const c = await channelRepository.byId(q, channelId);
  return c && c.kind === 'web' && c.enabled && c.address ? c.address : undefined;
}
