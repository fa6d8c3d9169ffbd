import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// A customer's tier as a coloured tag; standard customers get a plain one.
const COLORS: Record<string, string | undefined> = { standard: undefined, vip: 'gold', svip: 'volcano', key_account: 'purple' };

export function TierTag({ tier, testId }: { tier: string | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (!tier) return null;
  return (
    <Tag color={COLORS[tier]} data-testid={testId}>
      {t(`tier.${tier}`, { defaultValue: tier })}
    </Tag>
  );
}
