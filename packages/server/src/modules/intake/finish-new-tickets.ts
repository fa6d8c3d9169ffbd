import type { BatchWriter } from '../../platform/db/coalesced-transactions';
import type { Deps } from '../../platform/deps';
import { attachInboundFiles, type StoredInboundFile } from '../tickets';
import { inboundRepository } from './inbound-repository';
import type { IntakeChannel } from './intake-types';
import { threadRepository } from './thread-repository';

export interface NewTicketFinish {
  deps: Deps;
  tenantId: string;
  rowId: string;
  ticketId: string;
  channel: IntakeChannel;
  files: StoredInboundFile[];
  threadKeys: string[];
}

/**
 * What follows the creation of a ticket from a stored message — its files, its thread keys, the
 * message marked processed — for all messages of a tenant that got there at the same time, in one
 * transaction with one statement for the keys and one for the marks (files are rare and written one by one).
 */
export const newTicketFinisher: BatchWriter<NewTicketFinish, void> = {
  name: 'intake-new-tickets',
  async many(q, inputs) {
    const { deps, tenantId } = inputs[0];
    const at = deps.clock.now();
    for (const i of inputs) if (i.files.length) await attachInboundFiles(q, deps, tenantId, i.ticketId, i.channel, i.files);
    await threadRepository.putMany(q, tenantId, inputs.flatMap((i) => [...new Set(i.threadKeys)].map((key) => ({ ticketId: i.ticketId, key }))), at);
    await inboundRepository.markDoneMany(q, inputs.map((i) => ({ id: i.rowId, state: 'processed' as const, outcome: 'created', ticketId: i.ticketId })), at);
    return inputs.map(() => ({ ok: true as const, value: undefined }));
  },
};
