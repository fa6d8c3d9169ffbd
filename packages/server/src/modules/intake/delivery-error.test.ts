import { describe, expect, it } from 'vitest';
import { deliveryErrorText, readDeliveryError } from './delivery-error';

describe('delivery errors', () => {
  it('are stored as "CODE: message" and read back as code and message', () => {
    const text = deliveryErrorText('RELAY_NOT_CONFIGURED', 'No SMTP relay for outgoing mail: set SMTP_RELAY_URL');
    expect(readDeliveryError(text)).toEqual({ code: 'RELAY_NOT_CONFIGURED', message: 'No SMTP relay for outgoing mail: set SMTP_RELAY_URL' });
  });

  it('an uncoded text is a failed attempt to be retried; none is null', () => {
    expect(readDeliveryError('connect ECONNREFUSED 127.0.0.1:25')).toEqual({ code: 'DELIVERY_ATTEMPT_FAILED', message: 'connect ECONNREFUSED 127.0.0.1:25' });
    expect(readDeliveryError(null)).toBeNull();
  });
});
