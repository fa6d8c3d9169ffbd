import type { Deps } from '../../../platform/deps';
import { contactCardByIdentity } from '../../customers';
import { activeStaffMember } from '../../identity';
import type { CallInfo } from '../../live';
import { openTicketsOfRequester } from '../../tickets';
import { customerNumber } from './cti-rules';
import type { CtiEvent } from './cti-schemas';

/** The screen pop of a call event: the caller's contact and open tickets, and the agent it is for. */
export async function callPop(deps: Deps, tenantId: string, e: CtiEvent, at: Date): Promise<CallInfo> {
  const phone = customerNumber(e);
  return deps.db.tenant(tenantId, async (q) => {
    const contact = await contactCardByIdentity(q, { kind: 'phone', value: phone });
    const agent = e.agent ? await activeStaffMember(q, e.agent) : undefined;
    const open = contact ? await openTicketsOfRequester(q, contact.id, 5) : [];
    return {
      callId: e.callId,
      state: e.event,
      caller: e.direction === 'outbound' && e.callee ? e.callee : e.caller,
      callee: e.callee ?? null,
      direction: e.direction,
      agentId: agent?.id ?? null,
      at: at.toISOString(),
      contact: contact ? { id: contact.id, name: contact.name, tier: contact.tier, organizationName: contact.organizationName } : null,
      openTickets: open.map((t) => ({ ...t, title: t.title.slice(0, 120) })),
      recordingUrl: e.recordingUrl ?? null,
    };
  });
}
