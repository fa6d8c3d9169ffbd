import { DeleteOutlined, EditOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Flex, List, Popconfirm, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { customersApi } from '../api/endpoints';
import type { Identity } from '../api/types';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { TierTag } from '../common/tier-tag';
import { formatDateTime } from '../i18n/format';
import { canMergeContacts, canWriteCustomers } from './access';
import { ContactFormModal } from './contact-form-modal';
import { canEditPreferences, DispatchPreferencesCard } from './dispatch-preferences-card';
import { CustomerTickets } from './customer-tickets';
import { BackLink, DetailState } from './detail-frame';
import { IdentityForm } from './identity-form';
import { MergeContactModal } from './merge-contact-modal';
import { useRecord } from './use-record';
import { confirmIcon, copyIcons } from '../common/quiet-icons';

// One contact: identities (add, remove), tier, organization, tickets; merge a duplicate into it.

export default function ContactDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { id } = useParams<{ id: string }>();
  const { record: contact, setRecord, error, loading, reload } = useRecord(customersApi.contact, id);
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [mergeSource, setMergeSource] = useState<string | undefined>();
  const [ticketsVersion, setTicketsVersion] = useState(0);

  if (!contact) return <DetailState loading={loading} error={error} onRetry={reload} back="/customers/contacts" />;
  const writable = canWriteCustomers(me);

  const remove = async (i: Identity) => {
    try {
      await customersApi.removeIdentity(contact.id, i);
      setRecord({ ...contact, identities: contact.identities.filter((x) => !(x.kind === i.kind && x.value === i.value)) });
      message.success(t('customers.identityRemoved'));
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  return (
    <div data-testid="contact-detail">
      <BackLink to="/customers/contacts" />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="contact-title">
            {contact.name}
          </Typography.Title>
          <TierTag tier={contact.effectiveTier} testId="contact-tier-tag" />
          {contact.organization && <Link to={`/customers/organizations/${contact.organization.id}`}>{contact.organization.name}</Link>}
        </Flex>
        <Flex gap={8}>
          {canMergeContacts(me) && (
            <Button
              icon={<MergeCellsOutlined aria-hidden />}
              onClick={() => {
                setMergeSource(undefined);
                setMerging(true);
              }}
              data-testid="contact-merge"
            >
              {t('customers.merge')}
            </Button>
          )}
          {writable && (
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="contact-edit">
              {t('app.edit')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('customers.details')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('field.organization')}>
                {contact.organization ? <Link to={`/customers/organizations/${contact.organization.id}`}>{contact.organization.name}</Link> : t('app.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.tier')}>
                <TierTag tier={contact.effectiveTier} />
                {!contact.tier && <Typography.Text type="secondary">{t('customers.tierFromOrganization')}</Typography.Text>}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.createdAt')}>{formatDateTime(contact.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('customers.notes')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{contact.notes || t('app.none')}</Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('customers.identities')}>
            <List
              size="small"
              data-testid="contact-identities"
              dataSource={contact.identities}
              locale={{ emptyText: t('customers.noIdentities') }}
              renderItem={(i) => (
                <List.Item
                  data-testid={`identity-${i.kind}`}
                  actions={
                    writable
                      ? [
                          <Popconfirm icon={confirmIcon}
                            key="remove"
                            title={t('customers.confirmRemoveIdentity', { value: i.value })}
                            okText={t('app.delete')}
                            cancelText={t('app.cancel')}
                            okButtonProps={{ danger: true, 'data-testid': 'identity-remove-ok' } as never}
                            onConfirm={() => remove(i)}
                          >
                            <Button type="text" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('customers.removeIdentity')} data-testid="identity-remove" />
                          </Popconfirm>,
                        ]
                      : []
                  }
                >
                  <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                    <Tag>{t(`identity.${i.kind}`, { defaultValue: i.kind })}</Tag>
                    <Typography.Text copyable={{ icon: copyIcons }} ellipsis>
                      {i.value}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
            {writable && (
              <div style={{ marginTop: 12 }}>
                <IdentityForm
                  contactId={contact.id}
                  onAdded={setRecord}
                  onMergeOwner={
                    canMergeContacts(me)
                      ? (ownerId) => {
                          setMergeSource(ownerId);
                          setMerging(true);
                        }
                      : undefined
                  }
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {canEditPreferences(me) && <DispatchPreferencesCard owner={{ contactId: contact.id }} />}
          <Card size="small" title={t('customers.tickets')}>
            <CustomerTickets key={ticketsVersion} filter={{ requesterId: contact.id }} testId="contact-tickets" />
          </Card>
        </Col>
      </Row>
      <ContactFormModal
        open={editing}
        contact={contact}
        onClose={() => setEditing(false)}
        onSaved={(c) => {
          setEditing(false);
          setRecord(c);
        }}
      />
      <MergeContactModal
        open={merging}
        target={contact}
        initialSourceId={mergeSource}
        onClose={() => setMerging(false)}
        onMerged={(c, moved) => {
          setMerging(false);
          setRecord(c);
          setTicketsVersion((v) => v + 1);
          message.success(t('customers.merged', moved));
        }}
      />
    </div>
  );
}
