import type { IntakeErrorCode } from './intake-error-codes';

// A reply's delivery error is stored as one text, "CODE: message", and read back as its parts, so the
// console can say it in the user's language and keep the technical message as secondary text.

export const deliveryErrorText = (code: IntakeErrorCode, message: string) => `${code}: ${message}`;

const CODED = /^([A-Z][A-Z0-9_]*): ([\s\S]*)$/;

/** The code and message of a stored delivery error; an uncoded text is a failed attempt that will be retried. */
export function readDeliveryError(text: string | null): { code: string; message: string } | null {
  if (!text) return null;
  const m = CODED.exec(text);
  return m ? { code: m[1], message: m[2] } : { code: 'DELIVERY_ATTEMPT_FAILED' satisfies IntakeErrorCode, message: text };
}
