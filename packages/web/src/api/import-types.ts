// Import jobs as the API answers them (GET /api/v1/imports, /api/v1/imports/{id}).

export type ImportJobState = 'queued' | 'running' | 'done' | 'failed';

export interface ImportJobSummary {
  id: string;
  fileName: string;
  fileSize: number;
  state: ImportJobState;
  totalRows: number;
  processedRows: number;
  created: number;
  exists: number;
  failed: number;
  createdBy: { type: 'user' | 'api_key' | 'system'; id: string | null; name: string };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export interface ImportRowError {
  row: number;
  externalId: string | null;
  code: string;
  field?: string;
  /** the server's words, in English */
  message: string;
  /** the refusal's reason (not_found, ambiguous, in_future, required…); absent on jobs stored before it was kept */
  reason?: string;
  /** the value at fault as given in the file */
  value?: string;
}

export interface ImportJob extends ImportJobSummary {
  errors: ImportRowError[];
}

export const isFinished = (j: { state: ImportJobState }) => j.state === 'done' || j.state === 'failed';
