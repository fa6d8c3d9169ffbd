import type { Schema } from './contract';

// Import jobs as the API answers them (GET /api/v1/imports, /api/v1/imports/{id}).

export type ImportJobSummary = Schema<'ImportJobSummary'>;
export type ImportJob = Schema<'ImportJob'>;
export type ImportJobState = ImportJobSummary['state'];
export type ImportRowError = ImportJob['errors'][number];

export const isFinished = (j: { state: ImportJobState }) => j.state === 'done' || j.state === 'failed';
