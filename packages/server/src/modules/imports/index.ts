// Imports: a tenant's history from its old helpdesk, brought in as tickets that keep their times and
// labels (so the intelligence models learn from them) without being treated as new work.
export { importRoutes } from './routes';
export { importTickets } from './import-tickets';
export type { ImportItemResult, ImportSummary } from './import-tickets';
export { MAX_IMPORT_ITEMS } from './schemas';
export { readImportFile } from './read-import-file';
export type { ImportRow } from './read-import-file';
export { ImportWorker } from './import-worker';
export type { ImportWorkerOptions } from './import-worker';
