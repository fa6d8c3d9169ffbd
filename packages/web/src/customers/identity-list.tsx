import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../api/types';

// A contact's identities in short: kind and value (as the API gives them, masked or not).
export function IdentitySummary({ identities, max = 2 }: { identities: Identity[]; max?: number }) {
  const { t } = useTranslation();
  const order = ['phone', 'email'];
  const sorted = [...identities].sort((a, b) => (order.indexOf(a.kind) + 1 || 9) - (order.indexOf(b.kind) + 1 || 9));
  return (
    <Space size={4} wrap>
      {sorted.slice(0, max).map((i) => (
        <Typography.Text key={`${i.kind}:${i.value}`}>
          <Tag variant="filled">{t(`identity.${i.kind}`, { defaultValue: i.kind })}</Tag>
          {i.value}
        </Typography.Text>
      ))}
      {sorted.length > max && <Typography.Text type="secondary">+{sorted.length - max}</Typography.Text>}
    </Space>
  );
}
