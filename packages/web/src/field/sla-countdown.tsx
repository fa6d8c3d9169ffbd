import { Tag } from 'antd';
import { useEffect, useState } from 'react';
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
  const span = (m: number) => (m >= 60 ? t('fieldApp.sla.hours', { h: Math.floor(m / 60), m: m % 60 }) : t('fieldApp.sla.minutes', { m }));
  return (
    <Tag color={left < 0 ? 'red' : left < 60 ? 'orange' : 'blue'} data-testid="sla-countdown">
      {left < 0 ? t('fieldApp.sla.overdue', { span: span(-left) }) : t('fieldApp.sla.left', { span: span(left) })}
    </Tag>
  );
}
