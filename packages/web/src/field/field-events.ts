import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { windowText } from './visit-window';

// Timeline lines for the steps the engineer's phone recorded (kind field.depart|check_in|note|photo|
// signature|complete): who, what, when it was done on site, a far check-in, a ticket left unresolved;
// and for a visit booked with the customer (field.visit_booked), its window and the one it moved from.

export const isFieldEvent = (kind: string) => kind.startsWith('field.');

export function describeFieldEvent(kind: string, d: Record<string, unknown>, t: TFunction, actorName: string): { title: string; lines: string[] } {
  const step = kind.slice('field.'.length);
  const name = actorName || t('timeline.system');
  const result = typeof d.result === 'string' ? t(`fieldApp.result.${d.result}`) : '';
  const title = t(`fieldApp.event.${step}`, { name, result, defaultValue: t('timeline.other', { kind }) });
  const lines: string[] = [];
  if (typeof d.text === 'string' && d.text) lines.push(d.text);
  if (typeof d.filename === 'string' && d.filename) lines.push(d.filename);
  if (step === 'check_in' && typeof d.distanceM === 'number') lines.push(t(d.flagged ? 'fieldApp.event.far' : 'fieldApp.event.distance', { m: d.distanceM }));
  if (typeof d.resolveProblem === 'string' && d.resolveProblem) lines.push(t('fieldApp.event.notResolved', { code: t(`errors.${d.resolveProblem}`, { defaultValue: d.resolveProblem }) }));
  if (typeof d.at === 'string') lines.push(t('fieldApp.event.madeAt', { at: dayjs(d.at).format('MM-DD HH:mm') }));
  if (step === 'visit_booked' && typeof d.windowStart === 'string' && typeof d.windowEnd === 'string') {
    lines.push(t('fieldApp.event.window', { window: windowText({ start: d.windowStart, end: d.windowEnd }) }));
    if (typeof d.previousStart === 'string') lines.push(t('fieldApp.event.movedFrom', { at: dayjs(d.previousStart).format('MM-DD HH:mm') }));
  }
  return { title, lines };
}
