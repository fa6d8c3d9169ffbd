import { z } from 'zod';
import { Uuid } from '../../../platform/http/schemas';

export const CTI_EVENTS = ['ringing', 'answered', 'ended'] as const;

export const CtiEventBody = z.strictObject({
  event: z.enum(CTI_EVENTS),
  callId: z.string().trim().min(1).max(128).describe("The CTI's id of the call: all events of a call carry the same"),
  caller: z.string().trim().min(1).max(40).describe('The calling number'),
  callee: z.string().trim().max(40).optional().describe('The called number (a hotline, or the customer on an outbound call)'),
  direction: z.enum(['inbound', 'outbound']).default('inbound'),
  agent: z.string().trim().max(320).optional().describe("The agent's user email or id"),
  at: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' }).optional().describe('When it happened (default: when received)'),
  callerName: z.string().trim().max(100).optional(),
  durationSeconds: z.number().int().min(0).max(86_400).optional(),
  recordingUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000).optional(),
  transcript: z.string().max(100_000).optional(),
});
export type CtiEvent = z.infer<typeof CtiEventBody>;

export const CtiQuery = z.strictObject({ channel: Uuid.optional().describe('The phone channel (required with a channel token)') });

export const CtiReceivedSchema = z
  .object({
    id: Uuid.describe('The stored event (archive / quarantine id)'),
    duplicate: z.boolean().describe('The same event of the same call was received before: nothing new was stored'),
    notified: z.number().describe('Console connections of this server process the screen pop reached'),
  })
  .meta({ id: 'CtiEventReceived' });
