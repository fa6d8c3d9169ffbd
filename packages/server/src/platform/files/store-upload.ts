import type { Readable } from 'node:stream';
import { AppError } from '../errors';
import { FileTooLargeError, type FileStore, type StoredFile } from './file-store';

/** The answer to an upload over the limit (a ticket attachment, an article file). */
export const attachmentTooLarge = (max: number) => new AppError('ATTACHMENT_TOO_LARGE', `The file is larger than the limit of ${max} bytes`, { field: 'file' });

/**
 * Stores an uploaded body of at most `max` bytes (a multipart body cut at its limit counts as too large),
 * then records it with `use`; when recording fails, the stored bytes are removed again and the error goes on.
 */
export async function storeUpload<T>(files: FileStore, key: string, body: Readable & { truncated?: boolean }, max: number, use: (stored: StoredFile) => Promise<T>): Promise<T> {
  let stored: StoredFile;
  try {
    stored = await files.put(key, body, max);
  } catch (err) {
    if (err instanceof FileTooLargeError) throw attachmentTooLarge(max);
    throw err;
  }
  try {
    if (body.truncated) throw attachmentTooLarge(max);
    return await use(stored);
  } catch (err) {
    await files.remove(stored.key).catch(() => undefined);
    throw err;
  }
}
