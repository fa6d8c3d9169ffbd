import type { TFunction } from 'i18next';
import { modeName, queueReasonText } from './dispatch-words';
import { systemReasonText } from './system-reasons';

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
  // the queue's reasons are codes (no_capacity …); the system's own reasons for ending an assignment
  // (日内优化, 超时未接单 …) are worded in the reader's language; the others are people's words
  const reason = typeof raw === 'string' && raw ? (step === 'queued' ? queueReasonText(raw, t) : systemReasonText(raw, t, data)) : '';
  const lines = reason ? [t('dispatchMap.event.reason', { reason })] : [];
  return { title, lines };
}
