import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import { findAssetByQrToken } from '../assets';
import { organizationNames } from '../customers';
import { portalBySlug } from './portal-context';

/**
 * 扫码报修: the asset of a QR label, for the request form (GET /api/v1/portal/{slug}/assets/{token}) —
 * what a stranger holding the label may see: its name, serial, model, address and owner. Only the
 * label's unguessable token finds it; a serial or an id never does.
 */
export async function scannedAsset(deps: Deps, slug: string, token: string) {
  const p = await portalBySlug(deps, slug);
  const asset = await deps.db.tenant(p.tenantId, async (q) => {
    const a = await findAssetByQrToken(q, token);
    if (!a) return null;
    const org = a.organizationId ? ((await organizationNames(q, [a.organizationId])).get(a.organizationId) ?? null) : null;
    return { name: a.name, serial: a.serial, model: a.model, address: a.address, organizationName: org };
  });
  if (!asset) throw notFound('An asset with this QR code', 'token');
  return asset;
}

/** The id of the scanned asset a request is submitted for; an unknown code is refused before anything is stored. */
export async function assetIdOfToken(deps: Deps, tenantId: string, token: string): Promise<string> {
  const a = await deps.db.tenant(tenantId, (q) => findAssetByQrToken(q, token));
  if (!a) throw invalid('asset', 'This QR code names no asset of this portal any more; send the request without it or scan the label again', 'not_found');
  return a.id;
}
