import type { Deps } from '../../platform/deps';
import { AppError, type FieldIssueCode } from '../../platform/errors';
import { CsvError } from '../../platform/text/csv';
import { NotUtf8, utf8Chunks } from './import-job-rules';
import { readImportFile, type ImportRow } from './read-import-file';

/** A file that cannot be imported as a whole: 400 with a stable reason (details[0].code) and what to fix. */
export const fileInvalid = (reason: FieldIssueCode, message: string) => new AppError('VALIDATION_FAILED', message, { field: 'file', details: [{ field: 'file', code: reason, message }] });

/**
 * An import file from the files store, read as readImportFile reads it, as it streams from the store:
 * UTF-8 text (a byte order mark is allowed), CSV with a header of known columns or JSON lines. Throws
 * fileInvalid for a file that cannot be read as a whole.
 */
export async function readStoredImport(deps: Pick<Deps, 'files'>, key: string, fileName: string): Promise<ImportRow[]> {
  try {
    return await readImportFile(fileName, utf8Chunks(await deps.files.get(key)));
  } catch (err) {
    if (err instanceof NotUtf8)
      throw fileInvalid('not_utf8', `${fileName} is not UTF-8 text (a Chinese Excel saves CSV as GBK by default); save it as "CSV UTF-8 (逗号分隔)" and upload it again`);
    if (err instanceof CsvError) throw fileInvalid(err.reason, err.message);
    throw err;
  }
}
