// Assets (设备): the devices and places field service works on — serial, model, product line, where
// they are, warranty, owner, a hierarchy (a building → its lifts), their whole history, QR labels that
// open the portal's request form (扫码报修). Intake's IoT channel creates unknown serials here.
import './asset-port';
export { assetRoutes } from './routes';
export type { AssetRef } from './asset-rules';
export { getAsset, getAssets, findAssetBySerial, findAssetsBySerials, ensureAsset, ensureAssets, assetForTicket, findAssetByQrToken } from './read-assets';
export { createAsset, updateAsset } from './manage-assets';
export { assetsOfModel } from './read-assets-of-model';
export type { AssetAlarm } from './asset-port';
export { QR_TOKEN } from './asset-rules';
