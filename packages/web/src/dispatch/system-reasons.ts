import type { TFunction } from 'i18next';

// The reasons the server itself gives when it ends an assignment (packages/server/src/modules/dispatch/
// assignment/reasons.ts): stored in Chinese as written, worded here in the reader's language. Any other
// reason is a person's own words and is shown as they wrote it.
const CODES: Record<string, string> = {
  日内优化: 'improve',
  improve: 'improve',
  超时未接单: 'expired',
  已解决: 'resolved',
  已关闭: 'closed',
  改派: 'reassigned',
  转派: 'transferred',
  重新派单: 'redispatch',
  '下班，交回未开始的工作': 'offShift',
  '班次结束，交回未开始的工作': 'shiftEnded',
  '节假日休息，交回未开始的工作': 'holiday',
};

/** A reason in the reader's language: the system's own (by its text, or a handed-back visit's rule), else as written. */
export function systemReasonText(reason: string, t: TFunction, data?: Record<string, unknown>): string {
  if (typeof data?.holiday === 'string' && data.holiday) return t('dispatchMap.systemReason.holidayNamed', { holiday: data.holiday });
  if (data?.rule === 'certification' && typeof data.on === 'string') return t('dispatchMap.systemReason.certification', { certification: String(data.certification ?? ''), on: data.on });
  const code = CODES[reason];
  return code ? t(`dispatchMap.systemReason.${code}`) : reason;
}
