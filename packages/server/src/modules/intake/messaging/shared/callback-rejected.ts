/**
 * A callback that failed verification (forged signature, stale timestamp, undecryptable or malformed
 * payload, wrong corp / app id): answered with `status` and `{error: {code, message}}`, logged, and
 * never stored or processed.
 */
export class CallbackRejected extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The request's timestamp (seconds or milliseconds since the epoch) must be within `windowMs` of now. */
export function checkTimestamp(value: string | undefined, now: Date, windowMs: number, unit: 's' | 'ms'): void {
  if (!value || !/^\d{1,16}$/.test(value)) throw new CallbackRejected(401, 'TIMESTAMP_MISSING', 'The request has no valid timestamp');
  const at = Number(value) * (unit === 's' ? 1000 : 1);
  if (Math.abs(now.getTime() - at) > windowMs)
    throw new CallbackRejected(401, 'TIMESTAMP_EXPIRED', `The request's timestamp is more than ${Math.round(windowMs / 1000)} s away from the server's clock (a replay, or a clock to fix)`);
}
