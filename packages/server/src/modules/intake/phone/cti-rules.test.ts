import { describe, expect, it } from 'vitest';
import { callSummary, callTitle, customerNumber, formatDuration } from './cti-rules';

describe('CTI rules', () => {
  it('takes the customer number from the caller, or the callee of an outbound call', () => {
    expect(customerNumber({ caller: '+86 138-0013-8000', direction: 'inbound' })).toBe('13800138000');
    expect(customerNumber({ caller: '4008001234', callee: '010-12345678', direction: 'outbound' })).toBe('01012345678');
    expect(callTitle({ event: 'ended', callId: 'c', caller: '13800138000', direction: 'inbound' })).toBe('来电 13800138000');
  });

  it('summarises a call with agent, duration, an escaped recording link and the transcript', () => {
    const s = callSummary({ event: 'ended', callId: 'call-1', caller: '13800138000', callee: '4008001234', direction: 'inbound', durationSeconds: 200, recordingUrl: 'https://rec.example.cn/a.mp3?x=1&y="2"', transcript: '客户：打印机坏了\n坐席：马上安排' }, '张伟');
    expect(s.text).toContain('来电 13800138000 → 4008001234，坐席：张伟，通话时长：3 分 20 秒，通话编号：call-1');
    expect(s.text).toContain('通话转写：\n客户：打印机坏了');
    expect(s.html).toContain('href="https://rec.example.cn/a.mp3?x=1&amp;y=&quot;2&quot;"');
    expect(s.html).not.toContain('"2"');
    expect(formatDuration(45)).toBe('45 秒');
  });
});
