import { EventEmitter } from 'node:events';
import type { BatchWriter, UnitOutcome } from '../../platform/db/coalesced-transactions';
import type { Deps } from '../../platform/deps';
import { uuidv7 } from '../../platform/ids';
import { assertStorableText } from '../../platform/text/storable-text';
import { externalKey, inboundRepository, type InboundInsert } from './inbound-repository';
import type { InboundEnvelope, Received } from './intake-types';

/**
 * 'wake': tells this process's intake worker that new messages are waiting (other processes find them
 * by polling). 'processed' (row id): this process's worker finished a message (processed or ignored).
 */
export const intakeSignal = new EventEmitter();

const inboundWriter: BatchWriter<InboundInsert, Received> = {
  name: 'inbound-messages',
  async many(q, inputs) {
    const inserted = await inboundRepository.insertMany(q, inputs);
    const key = (i: InboundInsert) => externalKey(i.channel, i.externalId);
    const missing = inputs.filter((i) => inserted.get(key(i)) !== i.id);
    const earlier = missing.length ? await inboundRepository.idsByExternal(q, missing) : new Map<string, string>();
    return inputs.map((i): UnitOutcome<Received> => {
      if (inserted.get(key(i)) === i.id) return { ok: true, value: { id: i.id, duplicate: false } };
      const id = inserted.get(key(i)) ?? earlier.get(key(i));
      // stored by a transaction that has not committed yet: ask again alone, after it
      return id ? { ok: true, value: { id, duplicate: true } } : { ok: false, alone: true };
    });
  },
};

/**
 * Stores a received message raw and durably; only when this resolves may the transport acknowledge
 * it to the sender (SMTP 250, HTTP 2xx, MQTT PUBACK). Concurrent messages of a tenant share one
 * transaction and one multi-row insert. A message whose external id was stored before is a
 * duplicate delivery: nothing is stored and the first message's id is returned.
 */
export async function receiveInbound(deps: Deps, env: InboundEnvelope): Promise<Received> {
  // the raw bytes are stored as they came; the text columns must be storable (the transport refuses
  // or cleans such text before it gets here: this is the last guard, a coded 400 rather than a failed insert)
  assertStorableText({ externalId: env.externalId, contentType: env.contentType, meta: env.meta }, 'envelope');
  const at = deps.clock.now();
  const id = uuidv7(at.getTime());
  const received = await deps.writes.write(env.tenantId, inboundWriter, {
    id,
    tenantId: env.tenantId,
    channel: env.channel,
    channelId: env.channelId ?? null,
    externalId: env.externalId || `local:${id}`,
    receivedAt: at,
    contentType: env.contentType,
    raw: env.raw,
    meta: env.meta ?? {},
  });
  if (!received.duplicate) intakeSignal.emit('wake');
  return received;
}
