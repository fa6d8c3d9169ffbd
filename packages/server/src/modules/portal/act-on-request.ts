import { Readable } from 'node:stream';
import type { Deps } from '../../platform/deps';
import { AppError, forbidden } from '../../platform/errors';
import { storeUpload } from '../../platform/files/store-upload';
import { uuidv7 } from '../../platform/ids';
import { textToHtml } from '../../platform/text/sanitize';
import { attachmentTypeProblem, cleanFilename, mediaTypeOf, recordCustomerMessage, updateTicket, type StoredInboundFile } from '../tickets';
import type { Actor } from '../identity';
import { filesSizeProblem } from './portal-rules';
import type { RequestAccess } from './request-access';

type File = { filename: string; contentType: string; data: string };

const registered = (a: RequestAccess) => {
  if (!a.ticketId || !a.contactId) throw new AppError('CONFLICT', 'The request is still being registered; try again in a minute', { field: 'ref' });
  return { ticketId: a.ticketId, contactId: a.contactId };
};

/** The customer as the actor of a status change (a contact: the timeline shows the customer). */
const customerActor = (a: RequestAccess, contactId: string): Actor =>
  ({ tenantId: a.portal.tenantId, type: 'contact', id: contactId, name: a.contactName, role: 'customer', scope: 'own', teamIds: [], contactId }) as unknown as Actor;

/** The files' checks before any is stored: names, types, each file's size and the total. */
function checkedFiles(deps: Deps, files: File[]) {
  const out = files.map((f, i) => ({ filename: cleanFilename(f.filename) || `attachment-${i + 1}`, contentType: mediaTypeOf(f.contentType) ?? 'application/octet-stream', content: Buffer.from(f.data, 'base64') }));
  const tooLarge = filesSizeProblem(out.map((f) => ({ filename: f.filename, size: f.content.length })), deps.limits.attachmentMaxBytes);
  if (tooLarge) throw new AppError('ATTACHMENT_TOO_LARGE', tooLarge.message, { field: tooLarge.field });
  for (const [i, f] of out.entries()) {
    const problem = attachmentTypeProblem(f.filename, f.contentType, deps.limits.attachmentTypes);
    if (problem) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', `"${f.filename}": ${problem}`, { field: `attachments.${i}` });
  }
  return out;
}

/**
 * Stores the files one after another through the platform's upload path, then records them with `use`;
 * when anything after a file was stored fails, that file is removed again (no stray bytes, no half reply).
 */
function storeAll<T>(deps: Deps, tenantId: string, files: ReturnType<typeof checkedFiles>, use: (stored: StoredInboundFile[]) => Promise<T>, done: StoredInboundFile[] = []): Promise<T> {
  const f = files[done.length];
  if (!f) return use(done);
  return storeUpload(deps.files, `${tenantId}/portal/${uuidv7()}`, Readable.from([f.content]), deps.limits.attachmentMaxBytes, (stored) =>
    storeAll(deps, tenantId, files, use, [...done, { filename: f.filename, contentType: f.contentType, size: stored.size, sha256: stored.sha256, storageKey: stored.key }]),
  );
}

/** A customer's reply from the portal, with files: a public message of the requester (a resolved or pending ticket reopens). */
export async function replyToRequest(deps: Deps, a: RequestAccess, input: { body: string; attachments?: File[] }): Promise<void> {
  const { ticketId, contactId } = registered(a);
  const files = checkedFiles(deps, input.attachments ?? []);
  await storeAll(deps, a.portal.tenantId, files, (stored) =>
    deps.db.tenant(a.portal.tenantId, async (q) => {
      await recordCustomerMessage(q, deps, a.portal.tenantId, { ticketId, contact: { id: contactId, name: a.contactName }, channel: 'portal', bodyHtml: textToHtml(input.body), files: stored, inboundId: '' });
    }),
  );
}

/** The customer confirms a resolved request is fixed (it closes), or reopens it (with an optional message). */
export async function setRequestStatus(deps: Deps, a: RequestAccess, to: 'closed' | 'open', message?: string): Promise<void> {
  const { ticketId, contactId } = registered(a);
  if (to === 'open' && message) {
    // the message reopens a resolved ticket by itself
    await replyToRequest(deps, a, { body: message });
    return;
  }
  try {
    await updateTicket(deps, customerActor(a, contactId), ticketId, { status: to }, 'portal');
  } catch (err) {
    if (err instanceof AppError && err.code === 'INVALID_TRANSITION') throw new AppError('INVALID_TRANSITION', to === 'closed' ? 'Only a solved request can be confirmed' : 'Only a solved request can be reopened; write a reply instead', { field: 'status' });
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw forbidden('This request is not yours');
    throw err;
  }
}
