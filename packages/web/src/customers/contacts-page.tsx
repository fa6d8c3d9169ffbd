import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { customersApi } from '../api/endpoints';
import type { Contact } from '../api/types';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { TierTag } from '../common/tier-tag';
import { canWriteCustomers } from './access';
import { ContactFormModal } from './contact-form-modal';
import { CustomersHeader } from './customers-header';
import { IdentitySummary } from './identity-list';
import { useOffsetList } from './use-offset-list';
import { clearable } from '../common/quiet-icons';

// Contacts: search by part of the name or of any identity (phone, email, WeChat id…); the search is in the URL.

export default function ContactsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [creating, setCreating] = useState(false);
  const list = useOffsetList<Contact>((offset, signal) => customersApi.contacts({ q: q || undefined, offset }, signal), q);

  return (
    <div data-testid="contacts-page">
      <CustomersHeader
        current="contacts"
        actions={
          canWriteCustomers(me) && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="contact-new">
              {t('customers.newContact')}
            </Button>
          )
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          key={q}
          defaultValue={q}
          allowClear={clearable}
          placeholder={t('customers.searchContacts')}
          onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {}, { replace: true })}
          style={{ width: 360, maxWidth: '100%' }}
          data-testid="contacts-search"
        />
      </Flex>
      {!!list.error && <Alert type="error" showIcon title={errorMessage(list.error, t)} style={{ marginBottom: 12 }} />}
      <Table<Contact>
        rowKey="id"
        size="middle"
        loading={list.loading && !list.items.length}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="contacts-table"
        locale={{ emptyText: t('customers.noContacts') }}
        columns={[
          { key: 'name', title: t('customers.contactName'), width: 160, render: (_, c) => <Link to={`/customers/contacts/${c.id}`}>{c.name}</Link> },
          { key: 'identities', title: t('customers.identities'), render: (_, c) => <IdentitySummary identities={c.identities} /> },
          {
            key: 'organization',
            title: t('field.organization'),
            width: 200,
            ellipsis: true,
            render: (_, c) => (c.organization ? <Link to={`/customers/organizations/${c.organization.id}`}>{c.organization.name}</Link> : <Typography.Text type="secondary">{t('app.none')}</Typography.Text>),
          },
          { key: 'tier', title: t('customers.tier'), width: 110, render: (_, c) => <TierTag tier={c.effectiveTier} /> },
        ]}
      />
      <Flex justify="center" style={{ marginTop: 12 }}>
        {list.hasMore ? (
          <Button onClick={list.loadMore} loading={list.loading} data-testid="contacts-more">
            {t('list.loadMore')}
          </Button>
        ) : (
          list.items.length > 0 && <Typography.Text type="secondary">{t('list.end')}</Typography.Text>
        )}
      </Flex>
      <ContactFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => {
          setCreating(false);
          navigate(`/customers/contacts/${c.id}`);
        }}
      />
    </div>
  );
}
