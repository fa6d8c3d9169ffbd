import { assetApi } from '../api/asset-endpoints';
import type { RemoteOption } from '../common/remote-select';

// Assets for a RemoteSelect (a ticket's asset, an asset's parent): found by serial, name or model.

const label = (a: { name: string | null; serial: string }) => (a.name ? `${a.name}（${a.serial}）` : a.serial);

export const searchAssets = async (q: string): Promise<RemoteOption[]> =>
  (await assetApi.list({ q: q.trim() || undefined, limit: 20 })).items.map((a) => ({ value: a.id, label: label(a) }));

export const resolveAsset = async (id: string): Promise<RemoteOption | null> => {
  try {
    const a = await assetApi.get(id);
    return { value: a.id, label: label(a) };
  } catch {
    return null;
  }
};

export const assetLabel = label;
