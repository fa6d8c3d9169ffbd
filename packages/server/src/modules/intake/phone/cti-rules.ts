import { normalizePhone } from '../../customers';

// What a call's events mean for tickets: pure functions.

export interface CallFacts {
  event: 'ringing' | 'answered' | 'ended';
  callId: string;
  caller: string;
  callee?: string;
  direction: 'inbound' | 'outbound';
  at?: string;
  durationSeconds?: number;
  recordingUrl?: string;
  transcript?: string;
}

/** The customer's number: the caller, or the callee of an outbound call (normalised: no separators, no +86). */
export function customerNumber(c: Pick<CallFacts, 'caller' | 'callee' | 'direction'>): string {
  return normalizePhone(c.direction === 'outbound' && c.callee ? c.callee : c.caller);
}

export const callThreadKey = (callId: string) => `call:${callId}`;

export function callTitle(c: CallFacts): string {
  return `${c.direction === 'outbound' ? '去电' : '来电'} ${customerNumber(c)}`;
}

export function formatDuration(s: number): string {
  const m = Math.floor(s / 60);
  return m ? `${m} 分 ${s % 60} 秒` : `${s} 秒`;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ESC[ch]);

/** The interaction recorded on the ticket: who called whom, the agent, duration, recording link and transcript. */
export function callSummary(c: CallFacts, agentName: string | null): { text: string; html: string } {
  const head = [`${callTitle(c)}${c.callee && c.direction === 'inbound' ? ` → ${c.callee}` : ''}`];
  if (agentName) head.push(`坐席：${agentName}`);
  if (c.durationSeconds !== undefined) head.push(`通话时长：${formatDuration(c.durationSeconds)}`);
  head.push(`通话编号：${c.callId}`);
  const lines = [head.join('，')];
  const html = [`<p>${esc(head.join('，'))}</p>`];
  if (c.recordingUrl) {
    lines.push(`录音：${c.recordingUrl}`);
    html.push(`<p>录音：<a href="${esc(c.recordingUrl)}">${esc(c.recordingUrl)}</a></p>`);
  }
  if (c.transcript?.trim()) {
    lines.push(`通话转写：\n${c.transcript.trim()}`);
    html.push(`<p>通话转写：</p><blockquote>${esc(c.transcript.trim()).replace(/\n/g, '<br>')}</blockquote>`);
  }
  return { text: lines.join('\n\n'), html: html.join('') };
}
