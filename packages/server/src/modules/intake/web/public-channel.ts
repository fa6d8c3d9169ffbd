import type { Deps } from '../../../platform/deps';
import { AppError, notFound } from '../../../platform/errors';
import { channelRepository, type ChannelRow } from '../channel-repository';
import { newFormSecret, rateWindow } from './web-form-rules';
import { webIntakeRepository } from './web-intake-repository';

/** A refused request over a rate limit: 429 with Retry-After. */
export class RateLimited extends AppError {
  constructor(retryAfterSeconds: number, what: string) {
    super('RATE_LIMITED', `Too many ${what}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/** The enabled channel of a kind behind a public key (web form wf_…, chat widget ch_…), or 404 naming the key. */
export async function publicChannel(deps: Deps, kind: 'web' | 'chat', key: string): Promise<ChannelRow> {
  const c = key ? await deps.db.system((q) => channelRepository.byAddress(q, kind, [key])) : undefined;
  if (!c) throw notFound(`A ${kind === 'web' ? 'web form' : 'chat widget'} with the key "${key.slice(0, 80)}" (check the key, or ask the administrator whether the channel is enabled)`, 'key');
  return c;
}

/** Counts a request against each bucket's limit in the current fixed window; over any limit → RateLimited. */
export async function checkRate(deps: Deps, tenantId: string, windowSeconds: number, buckets: { bucket: string; limit: number }[], what: string): Promise<void> {
  const w = rateWindow(deps.clock.now(), windowSeconds * 1000);
  const over = await deps.db.tenant(tenantId, async (q) => {
    let refused = false;
    for (const b of buckets) if ((await webIntakeRepository.hit(q, tenantId, b.bucket, w.start)) > b.limit) refused = true;
    return refused;
  });
  if (over) throw new RateLimited(w.retryAfterSeconds, what);
}

/** The channel's signing secret, created on first use. */
export async function channelSecret(deps: Deps, c: ChannelRow): Promise<string> {
  if (typeof c.secrets.formSecret === 'string' && c.secrets.formSecret) return c.secrets.formSecret;
  return deps.db.tenant(c.tenantId, (q) => webIntakeRepository.ensureSecret(q, c.id, 'formSecret', newFormSecret()));
}
