import type { Readable } from 'node:stream';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { publicAttachments } from '../tickets';
import type { RequestAccess } from './request-access';

/** A file of the request the customer may see (never an internal one), with its bytes. */
export async function downloadRequestFile(deps: Deps, a: RequestAccess, fileId: string): Promise<{ filename: string; contentType: string; size: number; body: Readable }> {
  const file = a.ticketId ? (await deps.db.tenant(a.portal.tenantId, (q) => publicAttachments(q, a.ticketId!))).find((f) => f.id === fileId) : undefined;
  if (!file) throw notFound('File');
  return { filename: file.filename, contentType: file.contentType, size: file.size, body: await deps.files.get(file.storageKey) };
}
