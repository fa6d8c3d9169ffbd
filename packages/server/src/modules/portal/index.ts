// Portal: the tenant's public self-service portal (/portal/<slug> in the console): its look and offer,
// requests submitted through the web form channel, tracking by number + query code or by a customer
// signed in by an emailed link or an SMS code, replies, confirming or reopening.
import './portal-port';
export { portalRoutes } from './routes';
export { getPortalSettings, savePortalSettings } from './manage-portal-settings';
export { portalTimings } from './submit-request';
