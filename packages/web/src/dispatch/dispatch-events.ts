import type { TFunction } from 'i18next';
import { modeName } from './dispatch-words';

// Timeline lines for the dispatch steps recorded on a ticket (kind dispatch.offered|accepted|declined|
// expired|handed_back|queued|released|override): who, how, and the reason when one was given.

export const DISPATCH_EVENT_KINDS = ['offered', 'accepted', 'declined', 'expired', 'handed_back', 'queued', 'released', 'override'];

export const isDispatchEvent = (kind: string) => kind.startsWith('dispatch.');

export function describeDispatchEvent(kind: string, data: Record<string, unknown>, t: TFunction, userName?: (id: string) => string | undefined): { title: string; lines: string[] } {
  const step = kind.slice('dispatch.'.length);
  const id = typeof data.userId === 'string' ? data.userId : '';
  const name = String(data.userName ?? data.name ?? (id && userName?.(id)) ?? '') || t('dispatch.event.someone');
  const mode = typeof data.mode === 'string' ? modeName(data.mode, t) : modeName('other', t);
  const title = DISPATCH_EVENT_KINDS.includes(step) ? t(`dispatch.event.${step}`, { name, mode }) : t('timeline.other', { kind });
  const reason = data.reason ?? data.overrideReason ?? data.waitingReason;
  const lines = typeof reason === 'string' && reason ? [t('dispatch.event.reason', { reason })] : [];
  return { title, lines };
}
