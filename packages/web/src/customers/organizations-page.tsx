import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { customersApi } from '../api/endpoints';
import { TIERS, type Organization } from '../api/types';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { TierTag } from '../common/tier-tag';
import { formatDateTime, formatNumber } from '../i18n/format';
import { CustomersHeader } from './customers-header';
import { OrganizationFormModal } from './organization-form-modal';
import { canWriteCustomers } from './access';
import { useOffsetList } from './use-offset-list';
import { clearable, useSelectClear } from '../common/quiet-icons';

// Customer organizations: search by name or domain, filter by tier, pages of 50; the search is in the URL.

export default function OrganizationsPage() {
  const { t } = useTranslation();
  const selectClear = useSelectClear();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const tier = params.get('tier') ?? undefined;
  const [creating, setCreating] = useState(false);
  const list = useOffsetList<Organization>((offset, signal) => customersApi.organizations({ q: q || undefined, tier, offset }, signal), `${q}|${tier ?? ''}`);

  const setParam = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };

  return (
    <div data-testid="organizations-page">
      <CustomersHeader
        current="organizations"
        actions={
          canWriteCustomers(me) && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="organization-new">
              {t('customers.newOrganization')}
            </Button>
          )
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          key={q}
          defaultValue={q}
          allowClear={clearable}
          placeholder={t('customers.searchOrganizations')}
          onSearch={(v) => setParam('q', v.trim() || undefined)}
          style={{ width: 320, maxWidth: '100%' }}
          data-testid="organizations-search"
        />
        <Select
          allowClear={selectClear}
          placeholder={t('customers.tierAll')}
          value={tier}
          onChange={(v: string | undefined) => setParam('tier', v)}
          options={TIERS.map((x) => ({ value: x, label: t(`tier.${x}`) }))}
          style={{ width: 160 }}
          data-testid="organizations-tier"
        />
      </Flex>
      {!!list.error && <Alert type="error" showIcon title={errorMessage(list.error, t)} style={{ marginBottom: 12 }} />}
      <Table<Organization>
        rowKey="id"
        size="middle"
        loading={list.loading && !list.items.length}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 640 }}
        data-testid="organizations-table"
        locale={{ emptyText: t('customers.noOrganizations') }}
        onRow={(o) => ({ onDoubleClick: () => navigate(`/customers/organizations/${o.id}`) })}
        columns={[
          { key: 'name', title: t('customers.organizationName'), render: (_, o) => <Link to={`/customers/organizations/${o.id}`}>{o.name}</Link> },
          { key: 'tier', title: t('customers.tier'), width: 120, render: (_, o) => <TierTag tier={o.tier} /> },
          { key: 'domain', title: t('customers.domain'), width: 200, ellipsis: true, render: (_, o) => o.domain ?? '' },
          { key: 'contacts', title: t('customers.contactCount'), width: 100, align: 'right', render: (_, o) => formatNumber(o.contactCount ?? 0) },
          { key: 'updated', title: t('field.updatedAt'), width: 160, render: (_, o) => <Typography.Text type="secondary">{formatDateTime(o.updatedAt)}</Typography.Text> },
        ]}
      />
      <Flex justify="center" style={{ marginTop: 12 }}>
        {list.hasMore ? (
          <Button onClick={list.loadMore} loading={list.loading} data-testid="organizations-more">
            {t('list.loadMore')}
          </Button>
        ) : (
          list.items.length > 0 && <Typography.Text type="secondary">{t('list.end')}</Typography.Text>
        )}
      </Flex>
      <OrganizationFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(o) => {
          setCreating(false);
          navigate(`/customers/organizations/${o.id}`);
        }}
      />
    </div>
  );
}
