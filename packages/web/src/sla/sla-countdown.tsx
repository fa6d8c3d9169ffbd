import { CheckOutlined, ClockCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { countdownView, countdownWords, nextChange, TONE_COLOR, type ClockInput, type Tone } from './countdown';

// A live SLA countdown: 剩余 2小时15分 in green, amber after the warning, 已超时 35分 in red, 暂停计时 in
// grey, ✓ 已达成. It re-renders when its words or colour change (each minute), never more often.

const ICON: Record<Tone, React.ReactNode> = {
  ok: <ClockCircleOutlined aria-hidden />,
  warning: <WarningOutlined aria-hidden />,
  breached: <WarningOutlined aria-hidden />,
  paused: <PauseCircleOutlined aria-hidden />,
  achieved: <CheckOutlined aria-hidden />,
};

/** Re-renders at each change of the clock's countdown; `now` is injected (tests run in simulated time). */
export function useCountdown(clock: ClockInput, now: () => number = Date.now) {
  const [, setTick] = useState(0);
  const at = now();
  const view = countdownView(clock, at);
  const wait = nextChange(clock, at);
  useEffect(() => {
    if (wait === null) return;
    const timer = setTimeout(() => setTick((n) => n + 1), wait);
    return () => clearTimeout(timer);
  });
  return view;
}

export function SlaCountdown({ clock, now, testId = 'sla-countdown' }: { clock: ClockInput; now?: () => number; testId?: string }) {
  const { t } = useTranslation();
  const view = useCountdown(clock, now);
  const words = countdownWords(view, t);
  const tag = (
    <Tag color={TONE_COLOR[view.tone]} icon={ICON[view.tone]} data-testid={testId} data-tone={view.tone} style={{ marginInlineEnd: 0 }}>
      {words}
    </Tag>
  );
  return clock.dueAt && view.tone !== 'achieved' ? <Tooltip title={t('sla.countdown.due', { time: formatDateTime(clock.dueAt) })}>{tag}</Tooltip> : tag;
}
