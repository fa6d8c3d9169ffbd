import { randomBytes } from 'node:crypto';

// Satisfaction surveys, pure: the token (the tenant's id and 32 random bytes: the tenant tells where to
// look, the random part cannot be guessed; only its hash is stored), what an answer may say, and the
// words of the message that carries the link (zh-CN, the product's first language).

const TOKEN = /^([0-9a-f]{32})([A-Za-z0-9_-]{43})$/;

/** A new survey token: the tenant's id (32 hex digits) followed by 32 random bytes (base64url). */
export function newSurveyToken(tenantId: string, random: Buffer = randomBytes(32)): string {
  return `${tenantId.replace(/-/g, '').toLowerCase()}${random.toString('base64url')}`;
}

/** The tenant a token names, or null when it is not a survey token at all. */
export function tokenTenant(token: string): string | null {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const h = m[1];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const COMMENT_MAX = 2000;

export interface SurveySettings {
  enabled: boolean;
  npsEnabled: boolean;
  lowScoreThreshold: number;
  expiryDays: number;
}

export const DEFAULT_SETTINGS: SurveySettings = { enabled: true, npsEnabled: false, lowScoreThreshold: 2, expiryDays: 30 };

export interface SurveyState {
  answeredAt: Date | null;
  expiresAt: Date;
  npsAsked: boolean;
}

export interface SurveyAnswer {
  score: number;
  comment?: string | null;
  nps?: number | null;
}

export type AnswerProblem =
  | { code: 'already_answered' }
  | { code: 'expired' }
  | { code: 'invalid'; field: 'score' | 'comment' | 'nps'; message: string };

/** Why this answer cannot be taken (answered once; not after it expired; score 1–5, comment ≤ 2000, NPS 0–10 only when asked), or null. */
export function answerProblem(s: SurveyState, a: SurveyAnswer, now: Date): AnswerProblem | null {
  if (s.answeredAt) return { code: 'already_answered' };
  if (now.getTime() >= s.expiresAt.getTime()) return { code: 'expired' };
  if (!Number.isInteger(a.score) || a.score < 1 || a.score > 5) return { code: 'invalid', field: 'score', message: 'score must be a whole number from 1 to 5' };
  if (a.comment && a.comment.length > COMMENT_MAX) return { code: 'invalid', field: 'comment', message: `comment must be at most ${COMMENT_MAX} characters` };
  if (a.nps !== undefined && a.nps !== null) {
    if (!s.npsAsked) return { code: 'invalid', field: 'nps', message: 'this survey does not ask for a recommendation score (nps); leave it out' };
    if (!Number.isInteger(a.nps) || a.nps < 0 || a.nps > 10) return { code: 'invalid', field: 'nps', message: 'nps must be a whole number from 0 to 10' };
  }
  return null;
}

/** Whether a score is low enough to tell the supervisors (threshold 0: never). */
export const isLowScore = (score: number, threshold: number) => threshold > 0 && score <= threshold;

/** When a survey sent at `sentAt` stops taking answers. */
export const expiresAt = (sentAt: Date, days: number) => new Date(sentAt.getTime() + days * 86_400_000);

/** The rating page's address for a token. */
export const surveyLink = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, '')}/csat/${token}`;

/** The channels a survey message goes to a ticket's requester on, besides mail (a bare score answers it there too); the requester's identity kind there is the channel's name. */
export const MESSAGING_CHANNELS = ['wecom', 'wechat', 'dingtalk', 'feishu'];

/** The survey's words: a mail (subject and text) and the shorter chat message. */
export function surveyMail(t: { number: number; title: string; requesterName: string | null }, link: string, to: string): { to: string; subject: string; text: string } {
  const hello = t.requesterName ? `${t.requesterName}您好，` : '您好，';
  return {
    to,
    subject: `【服务评价】工单 #${t.number}「${t.title}」已解决，请为本次服务评分`.slice(0, 200),
    text: `${hello}\n\n您的工单 #${t.number}「${t.title}」已解决。请花半分钟为本次服务评分（1–5 星，5 星最满意）：\n${link}\n\n如问题仍未解决，直接回复本邮件说明即可，工单将重新打开。\n`,
  };
}

export function surveyChatText(t: { number: number; title: string }, link: string): string {
  return `您的工单 #${t.number}「${t.title}」已解决。请为本次服务评分：${link}\n也可直接回复 1–5 分（5 分最满意）；如问题仍未解决，请直接回复说明。`;
}

/**
 * A resolution older than this is not surveyed: a consumer starting on a database with history reads the
 * log from its beginning, and customers must not be mailed about tickets solved long ago.
 */
export const SURVEY_WINDOW_MS = 24 * 3_600_000;
export const tooOldToSurvey = (resolvedAt: Date, now: Date) => now.getTime() - resolvedAt.getTime() > SURVEY_WINDOW_MS;

/** Whether the ticket still stands on the resolution made at `at`: resolved (or closed since) and not resolved again later. */
export function stillResolvedBy(t: { status: string; resolvedAt: Date | null }, at: Date): boolean {
  if (t.status !== 'resolved' && t.status !== 'closed') return false;
  return !t.resolvedAt || t.resolvedAt.getTime() <= at.getTime();
}
