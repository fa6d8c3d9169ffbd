import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { uuidv7 } from '../../platform/ids';
import { hashToken } from '../../platform/tokens';
import { contactCard } from '../customers';
import { enqueueDelivery } from '../delivery';
import { depsInTransaction } from '../../platform/db/deps-in-transaction';
import { systemActor } from '../identity';
import { addComment, ticketSummary, type Channel } from '../tickets';
import { settingsRepository } from './settings-repository';
import { surveyRepository } from './survey-repository';
import { expiresAt, MESSAGING_CHANNELS, newSurveyToken, stillResolvedBy, surveyChatText, surveyLink, surveyMail } from './survey-rules';

/** The author of the survey's message on the timeline. */
export const SURVEY_AUTHOR = '满意度回访';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (s: string) => s.split(/\n+/).map((p) => `<p>${escapeHtml(p)}</p>`).join('');

export interface OpenSurveyOptions {
  /** the address customers reach the console at (PUBLIC_URL) */
  publicUrl: string;
}

/**
 * The survey of one resolution (the event `resolution.key` set the ticket resolved at `resolution.at`), in the tenant's
 * transaction: claimed by its unique (ticket, resolution) key, so a repeated message or a second process
 * does nothing; a resolution the ticket has left since (reopened, or resolved again: that one gets the
 * survey) gets none; its link mailed to the requester (notification mail through delivery, enqueued once in
 * this transaction). Nothing when surveys are off, the ticket was reopened meanwhile, or it has no
 * requester. On a ticket from a messaging channel the link also goes as a reply there. Returns the token (shown only here) when it made one.
 */
export async function openSurvey(q: Queryable, deps: Deps, tenantId: string, ticketId: string, resolution: { key: string; at: Date }, o: OpenSurveyOptions): Promise<{ surveyId: string; token: string } | null> {
  const settings = await settingsRepository.get(q);
  if (!settings.enabled) return null;
  const t = await ticketSummary(q, ticketId);
  if (!t || !t.requesterId || !stillResolvedBy(t, resolution.at)) return null;
  const now = deps.clock.now();
  const token = newSurveyToken(tenantId);
  const survey = await surveyRepository.claim(q, {
    id: uuidv7(now.getTime()),
    tenantId,
    ticketId,
    resolutionKey: resolution.key,
    tokenHash: hashToken(token),
    npsAsked: settings.npsEnabled,
    sentAt: now,
    expiresAt: expiresAt(now, settings.expiryDays),
  });
  if (!survey) return null;
  const contact = await contactCard(q, t.requesterId);
  const email = contact?.identities.find((i) => i.kind === 'email')?.value;
  const via: string[] = [];
  const link = surveyLink(o.publicUrl, token);
  if (email) {
    await enqueueDelivery(q, { targetKind: 'email', targetId: null, dedupeKey: `csat:${survey.id}:email`, ticketId, request: surveyMail({ number: t.number, title: t.title, requesterName: contact?.name ?? null }, link, email) }, now);
    via.push('email');
  }
  // a ticket that came by WeCom / WeChat / DingTalk / Feishu: the survey also as a reply there (intake sends a
  // system reply that names its channel on that channel only); it shows on the timeline as sent
  const identity = contact?.identities.find((i) => i.kind === t.channel);
  if (MESSAGING_CHANNELS.includes(t.channel) && identity) {
    const text = surveyChatText({ number: t.number, title: t.title }, link);
    await addComment(depsInTransaction(deps, q), systemActor(tenantId, SURVEY_AUTHOR), ticketId, { body: paragraphs(text), internal: false, channel: t.channel as Channel });
    via.push(t.channel);
  }
  if (via.length) await surveyRepository.setSentVia(q, survey.id, via);
  return { surveyId: survey.id, token };
}
