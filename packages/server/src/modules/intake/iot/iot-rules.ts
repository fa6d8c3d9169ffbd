import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Priority } from '../../tickets';
import { localDateTime } from '../../../platform/text/local-time';
import { decodeUtf8Strict, findTextFault, invalidText } from '../../../platform/text/storable-text';
import { PermanentIntakeError } from '../intake-types';

// The device contract (docs/channels/iot.md): topics, payload, and what an alarm means for tickets.
// Firmware is written against it: change nothing here without a new contract version.

export const SEVERITIES = ['critical', 'major', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type AlarmKind = 'alarm' | 'recovery';

/** Largest accepted payload of one alarm (MQTT or HTTP). */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
/** A device's clock is trusted only this close to the time of receipt; otherwise the receipt time counts. */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
/** An alarm's ts is refused beyond these (a clock gone wrong, or a made-up time): a day ahead, a year back. */
export const MAX_TS_AHEAD_MS = MAX_CLOCK_SKEW_MS;
export const MAX_TS_AGE_MS = 366 * 24 * 60 * 60 * 1000;

export const Serial = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(128, 'at most 128 characters')
  .regex(/^[^/+#\s\u0000]+$/, 'must not contain "/", "+", "#" or spaces');

export const AlarmPayload = z.strictObject({
  id: z.string().min(1).max(200).optional().describe('The device\'s id of this message; a second delivery with the same id is a duplicate'),
  code: z.string().trim().min(1, 'must not be empty').max(64, 'at most 64 characters').describe('Alarm code, e.g. E21'),
  message: z.string().max(2000).optional().describe('Human-readable text, e.g. 门锁故障'),
  severity: z.enum(SEVERITIES, { message: 'must be critical, major or minor' }).optional().describe('critical → urgent, major → high, minor → normal; default major'),
  ts: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time with a time zone, e.g. 2026-03-02T09:15:00+08:00' }).optional().describe('When the device raised it'),
});
export type AlarmPayload = z.infer<typeof AlarmPayload>;

const TOPIC = /^gongdan\/([^/]+)\/devices\/([^/]+)\/(alarm|recovery)$/;

/** gongdan/{tenantSlug}/devices/{serial}/alarm|recovery → its parts, or null for any other topic. */
export function parseTopic(topic: string): { slug: string; serial: string; kind: AlarmKind } | null {
  const m = TOPIC.exec(topic);
  if (!m || !Serial.safeParse(m[2]).success) return null;
  return { slug: m[1], serial: m[2], kind: m[3] as AlarmKind };
}

/** Why a device's ts cannot be accepted at `receivedAt` (more than a day ahead, more than a year back), or null. */
export function tsProblem(ts: string | undefined, receivedAt: Date): string | null {
  if (!ts) return null;
  const at = Date.parse(ts);
  if (at - receivedAt.getTime() > MAX_TS_AHEAD_MS) return `${ts} is more than 24 hours ahead of the server's clock; set the device's clock (NTP) or leave ts out`;
  if (receivedAt.getTime() - at > MAX_TS_AGE_MS) return `${ts} is more than a year ago; set the device's clock (NTP) or leave ts out`;
  return null;
}

/**
 * Reads a payload against the contract; what no retry can fix throws a PermanentIntakeError with a
 * stable code. With `receivedAt` (at the transport, before acknowledging) the ts must also be near it;
 * the worker reads rows stored earlier without it (a far ts then just counts as the receipt time).
 */
export function readPayload(raw: Buffer, receivedAt?: Date): AlarmPayload {
  if (raw.length > MAX_PAYLOAD_BYTES) throw new PermanentIntakeError('IOT_PAYLOAD_TOO_LARGE', `The payload has ${raw.length} bytes; at most ${MAX_PAYLOAD_BYTES} are accepted`);
  const text = decodeUtf8Strict(raw);
  if (text === null) throw new PermanentIntakeError('IOT_INVALID_TEXT', 'The payload is not valid UTF-8; send JSON encoded as UTF-8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PermanentIntakeError('IOT_MALFORMED_JSON', 'The payload is not JSON; send {"code": "E21", "message": "…", "severity": "critical|major|minor", "ts": "ISO-8601"}');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new PermanentIntakeError('IOT_MALFORMED_JSON', 'The payload must be a JSON object');
  // rows stored by earlier versions from HTTP kept the serial in the payload (it is in the row's meta)
  if (!receivedAt) delete (json as Record<string, unknown>).serial;
  const fault = findTextFault(json);
  if (fault) throw new PermanentIntakeError('IOT_INVALID_TEXT', invalidText(fault.path, fault.fault).message);
  const r = AlarmPayload.safeParse(json);
  if (!r.success) throw payloadError(r.error.issues[0]);
  const late = receivedAt && tsProblem(r.data.ts, receivedAt);
  if (late) throw new PermanentIntakeError('IOT_BAD_TS', `ts ${late}`);
  return r.data;
}

function payloadError(issue: z.core.$ZodIssue): PermanentIntakeError {
  const field = String(issue.path[0] ?? '');
  if (issue.code === 'unrecognized_keys') return new PermanentIntakeError('IOT_UNKNOWN_FIELD', `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}: an alarm has only id, code, message, severity and ts`);
  if (field === 'code') return new PermanentIntakeError('IOT_MISSING_CODE', `code ${issue.code === 'invalid_type' ? 'is missing' : issue.message}: every alarm needs its code, e.g. "E21"`);
  if (field === 'severity') return new PermanentIntakeError('IOT_BAD_SEVERITY', 'severity must be critical, major or minor');
  if (field === 'ts') return new PermanentIntakeError('IOT_BAD_TS', `ts ${issue.message}`);
  return new PermanentIntakeError('IOT_BAD_PAYLOAD', `${field || 'payload'}: ${issue.message}`);
}

/** The contract check a transport makes before it acknowledges an alarm: the refusal, or null when it may be stored. */
export function payloadRefusal(raw: Buffer, receivedAt: Date): PermanentIntakeError | null {
  try {
    readPayload(raw, receivedAt);
    return null;
  } catch (err) {
    if (err instanceof PermanentIntakeError) return err;
    throw err;
  }
}

/**
 * The external id that makes a second delivery a duplicate: the device's own id, else a hash of what
 * identifies the alarm (a repeated alarm has a later ts). Without id and ts there is none: every
 * delivery counts.
 */
export function externalIdOf(serial: string, kind: AlarmKind, p: { id?: unknown; code?: unknown; ts?: unknown }): string | null {
  if (typeof p.id === 'string' && p.id) return `${serial}:${p.id}`.slice(0, 400);
  if (typeof p.ts !== 'string' || !p.ts) return null;
  return createHash('sha256').update(`${serial}|${String(p.code ?? '')}|${p.ts}|${kind}`).digest('base64url');
}

/** Best effort before validation (the transport stores malformed payloads too, for the quarantine). */
export function peekPayload(raw: Buffer): Record<string, unknown> {
  try {
    const v = JSON.parse(raw.toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

/**
 * The priority an alarm's severity means (the device contract; an alarm without a severity is major).
 * The one table: the intelligence's priority rules read it from here.
 */
export const PRIORITY_OF_SEVERITY: Record<Severity, Priority> = { critical: 'urgent', major: 'high', minor: 'normal' };

/** When the alarm happened: the device's ts when plausible, else when it was received. */
export function alarmTime(p: AlarmPayload, receivedAt: Date): Date {
  if (!p.ts) return receivedAt;
  const ts = new Date(p.ts);
  return Math.abs(ts.getTime() - receivedAt.getTime()) <= MAX_CLOCK_SKEW_MS ? ts : receivedAt;
}

/** A repeat joins the open incident when it comes within the window after the incident's last alarm. */
export function withinWindow(lastAt: Date, at: Date, windowMs: number): boolean {
  return at.getTime() - lastAt.getTime() <= windowMs;
}

/** How a device is named where it speaks: the requester of its tickets (without an owner), the author of its alarms. */
export const deviceName = (serial: string) => `设备 ${serial}`;

export function alarmTitle(serial: string, code: string, message?: string): string {
  return `${deviceName(serial)} 告警 ${code}${message?.trim() ? `：${message.trim()}` : ''}`.slice(0, 300);
}

const SEVERITY_ZH: Record<Severity, string> = { critical: '严重', major: '重要', minor: '次要' };

/**
 * The ticket text of an alarm. Its time is when the device raised it (its ts, else when it arrived),
 * on the tenant's wall clock: 2026-12-04 21:17:37.
 */
export function alarmDescription(serial: string, p: AlarmPayload, receivedAt: Date, timeZone: string): string {
  const raised = p.ts ? new Date(p.ts) : receivedAt;
  const lines = [`${deviceName(serial)} 上报告警 ${p.code}${p.message ? `：${p.message}` : ''}`, `级别：${SEVERITY_ZH[p.severity ?? 'major']}`, `告警时间：${localDateTime(raised, timeZone)}`];
  return lines.join('\n');
}

/** Thread key of a device's incident of one code (recorded on the ticket, shown in its channel log). */
export const threadKeyOf = (serial: string, code: string) => `iot:${serial}:${code}`;
