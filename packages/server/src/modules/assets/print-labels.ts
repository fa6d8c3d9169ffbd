import QRCode from 'qrcode';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { isUuid } from '../../platform/ids';
import { requireRole, STAFF, type Actor } from '../identity';
import { assetRepository, type AssetFilter } from './asset-repository';
import { labelSheetPdf, type Label } from './label-sheet';
import { qrLinks } from './qr-link';

/** At most this many labels at once (21 pages). */
export const MAX_LABELS = 500;

export type LabelWithQr = Label & { id: string; svg: string };

/** The labels of the assets named by id (in that order) or found by the filters, oldest first (staff). */
export async function assetLabels(deps: Deps, actor: Actor, f: AssetFilter & { ids?: string }): Promise<LabelWithQr[]> {
  requireRole(actor, STAFF);
  const ids = f.ids ? [...new Set(f.ids.split(',').map((s) => s.trim()).filter(Boolean))] : undefined;
  if (ids?.some((id) => !isUuid(id))) throw invalid('ids', 'Give asset ids separated by commas', 'invalid_format');
  if (ids && ids.length > MAX_LABELS) throw invalid('ids', `At most ${MAX_LABELS} labels at once`, 'too_many');
  const rows = await deps.db.tenant(actor.tenantId, async (q) => {
    const found = await assetRepository.list(q, { ...f, ids, limit: MAX_LABELS });
    const order = ids ? new Map(ids.map((id, i) => [id, i])) : null;
    const sorted = order ? found.sort((a, b) => order.get(a.id)! - order.get(b.id)!) : found.reverse();
    const linkOf = await qrLinks(deps, q, actor.tenantId);
    return sorted.map((a) => ({ a, link: linkOf(a.qr_token) }));
  });
  return Promise.all(
    rows.map(async ({ a, link }) => ({ id: a.id, link, name: a.name, serial: a.serial, model: a.model, address: a.address, svg: await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) })),
  );
}

/** GET /api/v1/assets/labels.pdf: the labels as a printable A4 sheet. */
export async function assetLabelsPdf(deps: Deps, actor: Actor, f: AssetFilter & { ids?: string }): Promise<Buffer> {
  const labels = await assetLabels(deps, actor, f);
  return labelSheetPdf(labels, { title: '设备二维码标签', at: deps.clock.now() });
}
