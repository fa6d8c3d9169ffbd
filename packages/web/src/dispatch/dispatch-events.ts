import type { TFunction } from 'i18next';
import { modeName, queueReasonText, releaseReasonText } from './dispatch-words';

// Timeline lines for the dispatch steps recorded on a ticket (kind dispatch.offered|accepted|declined|
// expired|handed_back|queued|released|override): who, how, and the reason when one was given.

export const DISPATCH_EVENT_KINDS = ['offered', 'accepted', 'declined', 'expired', 'handed_back', 'queued', 'released', 'override'];

export const isDispatchEvent = (kind: string) => kind.startsWith('dispatch.');

export function describeDispatchEvent(kind: string, data: Record<string, unknown>, t: TFunction, userName?: (id: string) => string | undefined): { title: string; lines: string[] } {
  const step = kind.slice('dispatch.'.length);
  const id = typeof data.userId === 'string' ? data.userId : '';
  const name = String(data.userName ?? data.name ?? (id && userName?.(id)) ?? '') || t('dispatchMap.event.someone');
  const mode = typeof data.mode === 'string' ? modeName(data.mode, t) : modeName('other', t);
  const title = DISPATCH_EVENT_KINDS.includes(step) ? t(`dispatchMap.event.${step}`, { name, mode }) : t('timeline.other', { kind });
  const raw = data.reason ?? data.overrideReason;
  // the queue's reasons are codes (no_capacity …); a job 日内优化 moved away is released with the server's
  // fixed '日内优化' (worded as the mode); the others are people's words
  const reason = typeof raw === 'string' && raw ? (step === 'queued' ? queueReasonText(raw, t) : step === 'released' ? releaseReasonText(raw, t) : raw) : '';
  const lines = reason ? [t('dispatchMap.event.reason', { reason })] : [];
  return { title, lines };
}
