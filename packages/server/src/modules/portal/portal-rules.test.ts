import { describe, expect, it } from 'vitest';
import { cookieToken, durationWords, expectation, filesSizeProblem, isLogoUrl, portalFileMax, secretHash, statusWords, visitWords } from './portal-rules';

const now = new Date('2026-12-05T02:00:00Z');
const inMinutes = (m: number) => new Date(now.getTime() + m * 60_000);

describe('portal rules', () => {
  it('words statuses and durations for the customer', () => {
    expect(statusWords('pending', 'zh-CN')).toBe('等待您的回复');
    expect(statusWords('resolved', 'en-US')).toBe('Solved, please confirm');
    expect(durationWords(95, 'zh-CN')).toBe('2小时');
    expect(durationWords(30, 'en-US')).toBe('30 minutes');
    expect(durationWords(3 * 24 * 60, 'zh-CN')).toBe('3天');
  });

  it('expects a reply by the SLA due time, else the history, else nothing', () => {
    const base = { status: 'open' as const, now, replyDue: null, resolutionDue: null, historyMinutes: null, awaitingReply: true };
    expect(expectation({ ...base, replyDue: inMinutes(100) }, 'zh-CN')).toMatchObject({ source: 'sla', kind: 'reply', text: '预计2小时内回复' });
    expect(expectation({ ...base, replyDue: inMinutes(-5) }, 'zh-CN')?.text).toBe('我们会尽快回复');
    expect(expectation({ ...base, awaitingReply: false, resolutionDue: inMinutes(600) }, 'zh-CN')?.text).toBe('预计10小时内解决');
    expect(expectation({ ...base, historyMinutes: 45 }, 'en-US')).toMatchObject({ source: 'history', text: 'Expect a reply within 45 minutes' });
    expect(expectation(base, 'zh-CN')).toBeNull();
    expect(expectation({ ...base, status: 'pending', replyDue: inMinutes(10) }, 'zh-CN')).toBeNull();
  });

  it('reads the portal cookie, hashes secrets per tenant, accepts only safe logos', () => {
    expect(cookieToken('a=1; gd_portal=abc=; b=2')).toBe('abc=');
    expect(cookieToken(undefined)).toBeUndefined();
    expect(secretHash('t1', '123456')).not.toBe(secretHash('t2', '123456'));
    expect(isLogoUrl('https://example.cn/logo.png')).toBe(true);
    expect(isLogoUrl('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isLogoUrl('javascript:alert(1)')).toBe(false);
    expect(isLogoUrl('data:text/html;base64,PHNjcmlwdD4=')).toBe(false);
  });

  it("limits a form's files: 10 MB each (or the smaller attachment limit), 20 MB together, naming the file", () => {
    const MB = 1048576;
    expect(portalFileMax(25 * MB)).toBe(10 * MB);
    expect(portalFileMax(MB)).toBe(MB);
    expect(filesSizeProblem([{ filename: '空调面板.png', size: 10 * MB }], 25 * MB)).toBeNull();
    expect(filesSizeProblem([{ filename: '小图.png', size: 10 }, { filename: '原图.png', size: 10 * MB + 1 }], 25 * MB)).toEqual({ field: 'attachments.1', message: '"原图.png" is larger than 10 MB; send a smaller file' });
    expect(filesSizeProblem([{ filename: '现场.png', size: 2 * MB }], MB)?.field).toBe('attachments.0');
    expect(filesSizeProblem([1, 2, 3].map((i) => ({ filename: `照片${i}.jpg`, size: 7 * MB })), 25 * MB)).toEqual({ field: 'attachments', message: 'The files together are larger than 20 MB; send fewer or smaller ones' });
  });
});

describe('the visit booked, in the customer’s words', () => {
  it('on the tenant’s wall clock, one day or across two', () => {
    const from = new Date('2026-12-07T01:00:00Z');
    expect(visitWords(from, new Date('2026-12-07T02:30:00Z'), 'Asia/Shanghai', 'zh-CN')).toBe('已预约上门：12月7日 09:00–10:30');
    expect(visitWords(from, new Date('2026-12-07T02:30:00Z'), 'Asia/Shanghai', 'en-US')).toBe('Visit booked: 7 Dec 09:00–10:30');
    expect(visitWords(new Date('2026-12-07T15:00:00Z'), new Date('2026-12-07T17:00:00Z'), 'Asia/Shanghai', 'zh-CN')).toBe('已预约上门：12月7日 23:00 – 12月8日 01:00');
  });
});
