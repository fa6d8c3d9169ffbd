import type { ImportJobRow } from './import-job-repository';
import type { ImportJobSummaryView, ImportJobView } from './job-schemas';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toImportJobSummary(j: ImportJobRow): ImportJobSummaryView {
  return {
    id: j.id,
    fileName: j.file_name,
    fileSize: Number(j.file_size),
    state: j.state,
    totalRows: j.total_rows,
    processedRows: j.processed_rows,
    created: j.created_count,
    exists: j.exists_count,
    failed: j.failed_count,
    createdBy: j.actor,
    createdAt: j.created_at.toISOString(),
    startedAt: iso(j.started_at),
    finishedAt: iso(j.finished_at),
    error: j.last_error,
  };
}

export const toImportJobView = (j: ImportJobRow): ImportJobView => ({ ...toImportJobSummary(j), errors: j.errors });
