// Live updates: a WebSocket per browser tab (GET /api/v1/live) fed from the outbox with the ticket
// events and notifications its user may see. Other modules use only this surface.
export { liveRoutes } from './routes';
export { connectLiveUpdates, LIVE_CONSUMER, LIVE_CHANNEL } from './connect-live-updates';
export type { LiveUpdates } from './connect-live-updates';
export type { ServerMessage, CallInfo, DirectMessage, PositionInfo } from './live-messages';
export { sendToUsers, LIVE_DIRECT_CHANNEL } from './live-direct';
