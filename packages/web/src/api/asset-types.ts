import type { Answer, Body, Schema } from './contract';

// Shapes of assets (设备): the list, one asset with its hierarchy and history, QR labels
// (GET /api/v1/assets, /api/v1/assets/:id, /api/v1/assets/labels).

export type Asset = Schema<'Asset'>;
export type AssetDetail = Schema<'AssetDetail'>;
export type AssetAlarm = AssetDetail['alarms'][number];
export type AlarmState = AssetAlarm['state'];
export type AssetTicket = AssetDetail['tickets'][number];
export type AssetPage = Schema<'AssetPage'>;
export type AssetLabel = Schema<'AssetLabels'>['items'][number];
export type WarrantyState = NonNullable<Asset['warrantyState']>;

export type AssetInput = Body<'/api/v1/assets/{id}', 'patch'>;
export type NewAssetInput = Body<'/api/v1/assets', 'post'>;
export type AssetQuery = { q?: string; model?: string; organizationId?: string; parentId?: string; topLevel?: 'true'; confirmed?: 'true' | 'false'; cursor?: string; limit?: number };
