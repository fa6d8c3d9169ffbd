import { contactIdOf } from '../../customers';
import { activeStaffMember } from '../../identity';
import { openTicketsOfRequester } from '../../tickets';
import { PermanentIntakeError, type ChannelAdapter } from '../intake-types';
import { callSummary, callThreadKey, callTitle, customerNumber, type CallFacts } from './cti-rules';

/**
 * Reads stored CTI events. A call's end records the call: on the caller's most recently updated open
 * ticket (or the ticket this call already joined), else on a new ticket "来电 <number>". Ringing and
 * answered only pop the console (done when received) and stay in the archive.
 */
export const phoneAdapter: ChannelAdapter = {
  channel: 'phone',
  async parse(row, { deps }) {
    let e: CallFacts & { agent?: string; callerName?: string };
    try {
      e = JSON.parse(row.raw.toString('utf8'));
    } catch {
      throw new PermanentIntakeError('MALFORMED', 'The stored CTI event is not JSON');
    }
    if (!e?.callId || !e.caller) throw new PermanentIntakeError('MALFORMED', 'The stored CTI event lacks callId or caller');
    if (e.event !== 'ended') return { kind: 'ignore', reason: `call_${e.event}` };
    const phone = customerNumber(e);
    const { agent, open } = await deps.db.tenant(row.tenantId, async (q) => {
      const contactId = await contactIdOf(q, { kind: 'phone', value: phone });
      return {
        agent: e.agent ? await activeStaffMember(q, e.agent) : undefined,
        open: contactId ? await openTicketsOfRequester(q, contactId, 1) : [],
      };
    });
    const summary = callSummary(e, agent?.name ?? e.agent ?? null);
    return {
      kind: 'message',
      message: {
        sender: { phone, name: e.callerName },
        subject: callTitle(e),
        text: summary.text,
        html: summary.html,
        threadKeys: [callThreadKey(e.callId)],
        ownKeys: [callThreadKey(e.callId)],
        ticketNumber: open[0]?.number,
      },
    };
  },
};
