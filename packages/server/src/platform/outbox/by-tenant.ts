import type { OutboxMessage } from './outbox-repository';

/** A round's messages per tenant, each tenant's in their log order (batch handlers work one tenant at a time). */
export function byTenant<M extends Pick<OutboxMessage, 'tenantId'>>(messages: M[]): Map<string, M[]> {
  const out = new Map<string, M[]>();
  for (const m of messages) {
    const list = out.get(m.tenantId);
    if (list) list.push(m);
    else out.set(m.tenantId, [m]);
  }
  return out;
}
