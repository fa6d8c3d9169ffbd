// Saved views: users' named ticket list views (filters, columns, sort), personal or shared with the
// tenant. Other modules use only this surface.
export { viewRoutes } from './routes';
export { createView } from './create-view';
export { listViews } from './list-views';
export type { SavedView } from './saved-view';
