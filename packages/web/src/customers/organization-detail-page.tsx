import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { customersApi } from '../api/endpoints';
import type { Contact } from '../api/types';
import { useMe } from '../auth/auth-context';
import { TierTag } from '../common/tier-tag';
import { formatDateTime } from '../i18n/format';
import { canWriteCustomers } from './access';
import { ContactFormModal } from './contact-form-modal';
import { canEditPreferences, DispatchPreferencesCard } from './dispatch-preferences-card';
import { CustomerTickets } from './customer-tickets';
import { BackLink, DetailState } from './detail-frame';
import { IdentitySummary } from './identity-list';
import { OrganizationFormModal } from './organization-form-modal';
import { useOffsetList } from './use-offset-list';
import { useRecord } from './use-record';

// One organization: its tier and details, its contacts and its tickets.

export default function OrganizationDetailPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { id } = useParams<{ id: string }>();
  const { record: org, setRecord, error, loading, reload } = useRecord(customersApi.organization, id);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const contacts = useOffsetList<Contact>((offset, signal) => customersApi.contacts({ organizationId: id, offset }, signal), id ?? '');

  if (!org) return <DetailState loading={loading} error={error} onRetry={reload} back="/customers/organizations" />;
  const writable = canWriteCustomers(me);

  return (
    <div data-testid="organization-detail">
      <BackLink to="/customers/organizations" />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex align="center" gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="organization-title">
            {org.name}
          </Typography.Title>
          <TierTag tier={org.tier} testId="organization-tier-tag" />
        </Flex>
        {writable && (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="organization-edit">
            {t('app.edit')}
          </Button>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('customers.details')}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('customers.tier')}>
                <TierTag tier={org.tier} />
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.domain')}>{org.domain || t('app.none')}</Descriptions.Item>
              <Descriptions.Item label={t('customers.contactCount')}>{org.contactCount ?? 0}</Descriptions.Item>
              <Descriptions.Item label={t('field.createdAt')}>{formatDateTime(org.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('customers.notes')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{org.notes || t('app.none')}</Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {canEditPreferences(me) && (
            <div style={{ marginTop: 16 }}>
              <DispatchPreferencesCard owner={{ organizationId: org.id }} />
            </div>
          )}
        </Col>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            title={t('customers.contacts')}
            extra={
              writable && (
                <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)} data-testid="organization-add-contact">
                  {t('customers.newContact')}
                </Button>
              )
            }
            style={{ marginBottom: 16 }}
          >
            <Table<Contact>
              size="small"
              rowKey="id"
              loading={contacts.loading && !contacts.items.length}
              dataSource={contacts.items}
              pagination={false}
              scroll={{ x: 480 }}
              data-testid="organization-contacts"
              locale={{ emptyText: t('customers.noContacts') }}
              columns={[
                { key: 'name', title: t('customers.contactName'), width: 140, render: (_, c) => <Link to={`/customers/contacts/${c.id}`}>{c.name}</Link> },
                { key: 'identities', title: t('customers.identities'), render: (_, c) => <IdentitySummary identities={c.identities} /> },
                { key: 'tier', title: t('customers.tier'), width: 100, render: (_, c) => <TierTag tier={c.effectiveTier} /> },
              ]}
            />
            {contacts.hasMore && (
              <Flex justify="center" style={{ marginTop: 8 }}>
                <Button size="small" onClick={contacts.loadMore} loading={contacts.loading}>
                  {t('list.loadMore')}
                </Button>
              </Flex>
            )}
          </Card>
          <Card size="small" title={t('customers.tickets')}>
            <CustomerTickets filter={{ organizationId: org.id }} testId="organization-tickets" />
          </Card>
        </Col>
      </Row>
      <OrganizationFormModal
        open={editing}
        organization={org}
        onClose={() => setEditing(false)}
        onSaved={(o) => {
          setEditing(false);
          setRecord(o);
        }}
      />
      <ContactFormModal
        open={adding}
        organizationId={org.id}
        onClose={() => setAdding(false)}
        onSaved={(c) => {
          setAdding(false);
          navigate(`/customers/contacts/${c.id}`);
        }}
      />
    </div>
  );
}
