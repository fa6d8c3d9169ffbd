import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** Time left to the SLA due time (or how long overdue), refreshed every 30 s. */
export function SlaCountdown({ dueAt }: { dueAt: string | null }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  if (!dueAt) return null;
  const left = Math.round((new Date(dueAt).getTime() - now) / 60_000);
  const span = (m: number) => slaSpanText(m, t);
  return (
    <Tag color={left < 0 ? 'red' : left < 60 ? 'orange' : 'blue'} data-testid="sla-countdown">
      {left < 0 ? t('fieldApp.sla.overdue', { span: span(-left) }) : t('fieldApp.sla.left', { span: span(left) })}
    </Tag>
  );
}

const DAY = 24 * 60;

/**
 * A span of whole minutes as the chip says it: minutes, then hours and minutes up to two days, then days
 * and hours, and from ten days on days alone ("1135 小时 11 分" reads as nothing; "47 天" does).
 */
export function slaSpanText(minutes: number, t: TFunction): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return t('fieldApp.sla.minutes', { m });
  if (m < 2 * DAY) return t('fieldApp.sla.hours', { h: Math.floor(m / 60), m: m % 60 });
  const d = Math.floor(m / DAY);
  const h = Math.floor((m % DAY) / 60);
  return d >= 10 || h === 0 ? t('fieldApp.sla.days', { d }) : t('fieldApp.sla.daysHours', { d, h });
}
