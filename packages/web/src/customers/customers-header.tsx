import { Flex, Segmented, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

// The top of the customer lists: switch between organizations and contacts, and the page's actions.
export function CustomersHeader({ current, actions }: { current: 'organizations' | 'contacts'; actions?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.customers')}
        </Typography.Title>
        <Segmented
          data-testid="customers-switch"
          aria-label={t('customers.switch')}
          value={current}
          onChange={(v) => navigate(`/customers/${v}`)}
          options={[
            { value: 'organizations', label: t('customers.organizations') },
            { value: 'contacts', label: t('customers.contacts') },
          ]}
        />
      </Flex>
      {actions}
    </Flex>
  );
}
