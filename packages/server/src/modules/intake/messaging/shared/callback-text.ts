import { decodeUtf8Strict, findTextFault, invalidText, textFault } from '../../../../platform/text/storable-text';
import { CallbackRejected } from './callback-rejected';
import type { CallbackResult } from './callback-types';

/**
 * A verified message whose text the database cannot store (bytes that are not UTF-8, a NUL, a lone
 * surrogate — in the archived body, in what the adapter will read from it, or in its id and meta) is
 * refused with 400 INVALID_TEXT before it is stored: acknowledged, it could never become a ticket.
 */
export function checkStorableText(r: Extract<CallbackResult, { kind: 'store' }>): void {
  const text = decodeUtf8Strict(r.raw);
  const bodyFault = text === null ? 'invalid_utf8' : textFault(text);
  const found = bodyFault ? { path: 'body', fault: bodyFault } : findTextFault({ message: r.read, externalId: r.externalId, lane: r.lane, meta: r.meta });
  if (found) throw new CallbackRejected(400, 'INVALID_TEXT', invalidText(found.path, found.fault).message);
}
