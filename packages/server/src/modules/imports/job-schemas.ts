import { z } from 'zod';
import { Limit, Uuid } from '../../platform/http/schemas';
import { MAX_JOB_ERRORS } from './import-job-rules';
import { ItemError } from './schemas';

// Import jobs over HTTP: a file uploaded, then its progress until every row is imported or failed.

const Iso = z.string().describe('ISO 8601 date-time');

export const ImportJobSummarySchema = z
  .object({
    id: Uuid,
    fileName: z.string(),
    fileSize: z.number().int().describe('Bytes'),
    state: z.enum(['queued', 'running', 'done', 'failed']).describe('queued: waiting for the worker; running: being imported; done: every row imported or failed; failed: the job itself could not go on (see error)'),
    totalRows: z.number().int().describe('Data rows of the file (lines of a JSONL file)'),
    processedRows: z.number().int(),
    created: z.number().int(),
    exists: z.number().int().describe('Rows whose externalId was imported before'),
    failed: z.number().int().describe('Rows not imported (unreadable or refused)'),
    createdBy: z.object({ type: z.enum(['user', 'api_key', 'system']), id: z.string().nullable(), name: z.string() }),
    createdAt: Iso,
    startedAt: Iso.nullable(),
    finishedAt: Iso.nullable(),
    error: z.string().nullable().describe('Why the job stopped (state failed) or why its last attempt failed; rows refused by the import are listed in errors'),
  })
  .meta({ id: 'ImportJobSummary' });

export const ImportJobSchema = ImportJobSummarySchema.extend({
  errors: z
    .array(z.object({ row: z.number().int().describe('Data row of the CSV (1 = the first after the header) or line of the JSONL file'), externalId: z.string().nullable(), ...ItemError.shape }))
    .describe(`The first ${MAX_JOB_ERRORS} failed rows with what to fix`),
}).meta({ id: 'ImportJob' });

export const ImportJobList = z.object({ items: z.array(ImportJobSummarySchema), maxFileBytes: z.number().int().describe('Largest file POST /api/v1/imports takes') });
export const ImportJobListQuery = z.strictObject({ limit: Limit(100, 20) });

/** For the API description only: the multipart body is read as a stream by the route. */
export const ImportUploadBody = z
  .object({ file: z.unknown().meta({ type: 'string', format: 'binary', description: 'The export of the old helpdesk: .csv (UTF-8, header of known columns) or .jsonl/.ndjson' }) })
  .nullish();

export type ImportJobView = z.output<typeof ImportJobSchema>;
export type ImportJobSummaryView = z.output<typeof ImportJobSummarySchema>;
