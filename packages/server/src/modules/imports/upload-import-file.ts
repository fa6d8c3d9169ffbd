import type { Readable } from 'node:stream';
import type { Deps } from '../../platform/deps';
import { AppError, forbidden } from '../../platform/errors';
import { FileTooLargeError } from '../../platform/files/file-store';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { cleanFilename } from '../tickets';
import { importJobRepository } from './import-job-repository';
import { toImportJobView } from './import-job-view';
import { importSignal } from './import-worker';
import type { ImportJobView } from './job-schemas';
import { IMPORT_FILE_NAME, wrongFileType } from './read-import-file';
import { fileInvalid, readStoredImport } from './read-stored-import';

export interface UploadImportInput {
  filename: string;
  /** The bytes; `truncated` is set by parsers that stop reading at their own limit. */
  body: Readable & { truncated?: boolean };
}

const tooLarge = (max: number) =>
  new AppError('ATTACHMENT_TOO_LARGE', `The file is larger than the import limit of ${Math.floor(max / 1048576)} MB; split it into several files`, { field: 'file' });

/**
 * An admin's file of historical tickets becomes an import job: the file is stored (files port, size
 * checked while it streams) and read at once, so a file that cannot be imported as a whole is refused
 * now with what to fix; otherwise the job is queued for the background worker. The stored file is
 * removed again whenever the upload does not end in a queued job.
 */
export async function uploadImportFile(deps: Deps, actor: Actor, input: UploadImportInput): Promise<ImportJobView> {
  if (actor.role !== 'admin') throw forbidden('Only admins import tickets');
  const fileName = cleanFilename(input.filename);
  if (!fileName) throw fileInvalid('filename_required', 'The file needs a name ending in .csv or .jsonl');
  if (!IMPORT_FILE_NAME.test(fileName)) throw fileInvalid('wrong_type', wrongFileType(fileName));

  const now = deps.clock.now();
  const id = uuidv7(now.getTime());
  const key = `${actor.tenantId}/imports/${id}`;
  const max = deps.limits.importMaxBytes;
  let size: number;
  try {
    size = (await deps.files.put(key, input.body, max)).size;
  } catch (err) {
    // the store's own meter, or the multipart parser's limit, whichever stops the stream first
    if (err instanceof FileTooLargeError || (err as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(max);
    throw err;
  }
  try {
    if (input.body.truncated) throw tooLarge(max);
    const rows = await readStoredImport(deps, key, fileName);
    if (!rows.length) throw fileInvalid('no_rows', `${fileName} has no tickets: below the header there must be one row per ticket`);
    const job = await deps.db.tenant(actor.tenantId, (q) =>
      importJobRepository.insert(q, {
        id,
        tenant_id: actor.tenantId,
        file_name: fileName,
        file_size: size,
        storage_key: key,
        total_rows: rows.length,
        actor: { type: actor.type, id: actor.id, name: actor.name },
        created_at: now,
      }),
    );
    importSignal.emit('wake');
    return toImportJobView(job);
  } catch (err) {
    await deps.files.remove(key).catch(() => undefined);
    throw err;
  }
}
