import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { pending: 'processing', processed: 'success', ignored: 'default', quarantined: 'error' };

export function InboundStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[state] ?? 'default'} data-testid="inbound-state">
      {t(`intake.inbox.state.${state}`, { defaultValue: state })}
    </Tag>
  );
}

/** Only admins put a quarantined or ignored message back in line. */
export const canRetry = (state: string, admin: boolean) => admin && (state === 'quarantined' || state === 'ignored');
