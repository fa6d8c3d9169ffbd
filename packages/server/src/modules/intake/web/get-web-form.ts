import type { Deps } from '../../../platform/deps';
import { channelSecret, publicChannel } from './public-channel';
import { signFormToken, webFormSettings } from './web-form-rules';

/** GET /api/v1/public/forms/{key}: what a page needs to show the form, with a fresh signed token. */
export async function getWebForm(deps: Deps, key: string) {
  const c = await publicChannel(deps, 'web', key);
  const s = webFormSettings(c.settings);
  const secret = await channelSecret(deps, c);
  return {
    key: c.address!,
    title: s.title,
    token: signFormToken(secret, c.id, deps.clock.now()),
    minFillSeconds: s.minFillSeconds,
    honeypotField: 'website' as const,
    categories: s.categories,
    fields: [
      { name: 'name', required: true, maxLength: 100 },
      { name: 'email', required: false, maxLength: 320 },
      { name: 'phone', required: false, maxLength: 30 },
      { name: 'title', required: true, maxLength: 200 },
      { name: 'description', required: true, maxLength: 10_000 },
    ],
  };
}
