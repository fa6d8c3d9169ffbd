import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { tenantSlug } from '../identity';
import { portalAssetLink } from './asset-rules';

/** Makes the links of QR labels: the portal request form (/portal/<tenant slug>/new?asset=<token>) on PUBLIC_URL. */
export async function qrLinks(deps: Deps, q: Queryable, tenantId: string): Promise<(token: string) => string> {
  const slug = (await tenantSlug(q, tenantId)) ?? '';
  return (token) => portalAssetLink(deps.publicUrl ?? '', slug, token);
}
