import { api, queryString } from './client';
import type { Asset, AssetDetail, AssetInput, AssetLabel, AssetPage, AssetQuery, NewAssetInput } from './asset-types';

// Assets (设备): staff read, admins change.

export const ASSET_PAGE = 50;

export const assetApi = {
  list: (q: AssetQuery, signal?: AbortSignal) => api.get<AssetPage>('/assets', { limit: ASSET_PAGE, ...q }, signal),
  get: (id: string) => api.get<AssetDetail>(`/assets/${id}`),
  create: (body: NewAssetInput) => api.post<Asset>('/assets', body),
  update: (id: string, body: AssetInput) => api.patch<Asset>(`/assets/${id}`, body),
  remove: (id: string) => api.delete<void>(`/assets/${id}`),
  labels: (ids: string[]) => api.get<{ items: AssetLabel[] }>('/assets/labels', { ids: ids.join(',') }),
  /** The printable PDF sheet (the session cookie signs the download in). */
  labelsPdfUrl: (ids: string[]) => `/api/v1/assets/labels.pdf${queryString({ ids: ids.join(',') })}`,
};
