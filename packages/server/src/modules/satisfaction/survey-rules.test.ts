import { describe, expect, it } from 'vitest';
import { answerProblem, expiresAt, isLowScore, newSurveyToken, surveyChatText, surveyLink, surveyMail, tokenTenant } from './survey-rules';

const tenant = '0192f3a4-5b6c-7d8e-9f01-23456789abcd';
const now = new Date('2026-03-02T01:00:00Z');
const open = { answeredAt: null, expiresAt: new Date('2026-03-09T01:00:00Z'), npsAsked: false };

describe('survey tokens', () => {
  it('carry the tenant and 32 random bytes, and nothing else parses', () => {
    const token = newSurveyToken(tenant);
    expect(token).toMatch(/^[0-9a-f]{32}[A-Za-z0-9_-]{43}$/);
    expect(tokenTenant(token)).toBe(tenant);
    expect(newSurveyToken(tenant)).not.toBe(token);
    expect(tokenTenant('满意度')).toBeNull();
    expect(tokenTenant(token.slice(0, -1))).toBeNull();
    expect(tokenTenant(`${token}x`)).toBeNull();
  });
});

describe('answers', () => {
  it('takes a score of 1–5 with a comment of at most 2000 characters', () => {
    expect(answerProblem(open, { score: 5, comment: '处理很及时，谢谢！' }, now)).toBeNull();
    expect(answerProblem(open, { score: 0 }, now)).toMatchObject({ code: 'invalid', field: 'score' });
    expect(answerProblem(open, { score: 6 }, now)).toMatchObject({ code: 'invalid', field: 'score' });
    expect(answerProblem(open, { score: 3.5 }, now)).toMatchObject({ code: 'invalid', field: 'score' });
    expect(answerProblem(open, { score: 4, comment: '慢'.repeat(2000) }, now)).toBeNull();
    expect(answerProblem(open, { score: 4, comment: '慢'.repeat(2001) }, now)).toMatchObject({ code: 'invalid', field: 'comment' });
  });
  it('takes NPS 0–10 only when the survey asks for it', () => {
    expect(answerProblem(open, { score: 4, nps: 9 }, now)).toMatchObject({ code: 'invalid', field: 'nps' });
    const nps = { ...open, npsAsked: true };
    expect(answerProblem(nps, { score: 4, nps: 0 }, now)).toBeNull();
    expect(answerProblem(nps, { score: 4, nps: 10 }, now)).toBeNull();
    expect(answerProblem(nps, { score: 4, nps: 11 }, now)).toMatchObject({ code: 'invalid', field: 'nps' });
    expect(answerProblem(nps, { score: 4 }, now)).toBeNull();
  });
  it('are taken once, and not after the survey expired', () => {
    expect(answerProblem({ ...open, answeredAt: now }, { score: 5 }, now)).toEqual({ code: 'already_answered' });
    expect(answerProblem(open, { score: 5 }, open.expiresAt)).toEqual({ code: 'expired' });
    expect(expiresAt(now, 7)).toEqual(open.expiresAt);
  });
  it('are low at or below the threshold; threshold 0 never', () => {
    expect(isLowScore(2, 2)).toBe(true);
    expect(isLowScore(3, 2)).toBe(false);
    expect(isLowScore(1, 0)).toBe(false);
  });
});

describe('the message', () => {
  it('carries the link in the mail and in the chat text, and keeps the bare-score answer', () => {
    const link = surveyLink('https://gongdan.example.cn/', 'abc');
    expect(link).toBe('https://gongdan.example.cn/csat/abc');
    const mail = surveyMail({ number: 10001, title: '打印机卡纸', requesterName: '张三' }, link, 'zhang@kehu.cn');
    expect(mail.subject).toContain('#10001');
    expect(mail.text).toContain('张三您好');
    expect(mail.text).toContain(link);
    const chat = surveyChatText({ number: 10001, title: '打印机卡纸' }, link);
    expect(chat).toContain(link);
    expect(chat).toContain('1–5 分');
  });
});

describe('old resolutions', () => {
  it('are not surveyed after a day (a consumer starting on history)', async () => {
    const { tooOldToSurvey } = await import('./survey-rules');
    expect(tooOldToSurvey(new Date('2026-03-01T01:00:00Z'), now)).toBe(false);
    expect(tooOldToSurvey(new Date('2026-03-01T00:59:59Z'), now)).toBe(true);
  });
});

describe('the resolution a survey asks about', () => {
  it('is the one the ticket still stands on', async () => {
    const { stillResolvedBy } = await import('./survey-rules');
    const at = new Date('2026-03-02T01:00:00Z');
    expect(stillResolvedBy({ status: 'resolved', resolvedAt: at }, at)).toBe(true);
    expect(stillResolvedBy({ status: 'closed', resolvedAt: at }, at)).toBe(true);
    expect(stillResolvedBy({ status: 'open', resolvedAt: null }, at)).toBe(false); // reopened
    expect(stillResolvedBy({ status: 'resolved', resolvedAt: new Date('2026-03-02T02:00:00Z') }, at)).toBe(false); // resolved again since
  });
});
