import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersApi, type ContactInput } from '../api/endpoints';
import { IDENTITY_KINDS, TIERS, type Contact, type Identity, type Tier } from '../api/types';
import { RemoteSelect } from '../common/remote-select';
import { useFormSubmit } from '../common/use-form-submit';
import { IdentityOwnerNotice } from './identity-owner-notice';
import { describeIdentityIssue, identityOwner, identityProblem, type IdentityOwner } from './identity-rules';
import { resolveOrganization, searchOrganizations } from './organization-search';

// Creates a contact (with identities) or changes one (name, organization, tier, notes; identities
// are edited on the contact's page, one at a time).

interface Values {
  name: string;
  organizationId?: string;
  tier?: Tier;
  notes?: string;
  identities?: Identity[];
}

interface Props {
  open: boolean;
  contact?: Contact | null;
  /** For a new contact: the organization it starts in. */
  organizationId?: string;
  onClose: () => void;
  onSaved: (c: Contact) => void;
}

const INHERIT = '';

export function ContactFormModal({ open, contact, organizationId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [owner, setOwner] = useState<IdentityOwner | null>(null);
  const identityRows = () => form.getFieldValue('identities') as Values['identities'];
  const { busy, general, setGeneral, submit: submitForm } = useFormSubmit(
    form,
    () => ['name', 'organizationId', 'tier', 'notes', ...(identityRows() ?? []).map((_, i) => `identities.${i}.value`), 'identities'],
    {
      describe: describeIdentityIssue(t, (field: string) => identityRows()?.[Number(field.split('.')[1])]?.kind),
      onError: (err) => setOwner(identityOwner(err)),
    },
  );

  const submit = () =>
    submitForm(async (v) => {
      setOwner(null);
      const identities = (v.identities ?? []).filter((i) => i?.value?.trim()).map((i) => ({ kind: i.kind, value: i.value.trim() }));
      const body: ContactInput = {
        name: v.name.trim(),
        organizationId: v.organizationId ?? null,
        tier: v.tier ? v.tier : null,
        notes: v.notes ?? '',
        ...(contact ? {} : { identities }),
      };
      onSaved(contact ? await customersApi.updateContact(contact.id, body) : await customersApi.createContact(body));
    });

  return (
    <Modal
      open={open}
      title={contact ? t('customers.editContact') : t('customers.newContact')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'contact-form-ok' } as never}
      destroyOnHidden
      afterClose={() => {
        setGeneral(null);
        setOwner(null);
      }}
    >
      <Form form={form} initialValues={{
          name: contact?.name ?? '',
          organizationId: contact?.organizationId ?? organizationId,
          tier: contact?.tier ?? INHERIT,
          notes: contact?.notes ?? '',
          identities: contact ? [] : [{ kind: 'phone', value: '' }],
        }} layout="vertical" preserve={false} data-testid="contact-form">
        <Form.Item name="name" label={t('customers.contactName')} rules={[{ required: true, whitespace: true, message: t('customers.nameRequired') }]}>
          <Input data-testid="contact-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="organizationId" label={t('field.organization')}>
          <RemoteSelect testId="contact-organization" search={searchOrganizations} resolve={resolveOrganization} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="tier" label={t('customers.tier')} extra={t('customers.tierHelp')}>
          <Select data-testid="contact-tier" options={[{ value: INHERIT, label: t('customers.tierInherit') }, ...TIERS.map((x) => ({ value: x, label: t(`tier.${x}`) }))]} />
        </Form.Item>
        {!contact && (
          <Form.List name="identities">
            {(items, { add, remove }) => (
              <Form.Item label={t('customers.identities')}>
                {items.map((item) => (
                  <Space key={item.key} align="start" style={{ display: 'flex', marginBottom: 4 }} wrap>
                    <Form.Item name={[item.name, 'kind']} noStyle>
                      <Select data-testid={`contact-identity-kind-${item.name}`} style={{ width: 120 }} options={IDENTITY_KINDS.map((k) => ({ value: k, label: t(`identity.${k}`) }))} />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'value']}
                      style={{ marginBottom: 4, minWidth: 200 }}
                      rules={[
                        ({ getFieldValue }) => ({
                          validator: (_, value: string | undefined) => {
                            // an empty row is left out rather than refused
                            if (!value?.trim()) return Promise.resolve();
                            const problem = identityProblem(getFieldValue(['identities', item.name, 'kind']) as string, value);
                            return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
                          },
                        }),
                      ]}
                    >
                      <Input data-testid={`contact-identity-value-${item.name}`} maxLength={200} placeholder={t('customers.identityValue')} />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(item.name)} aria-label={t('app.delete')} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ kind: 'email', value: '' })} data-testid="contact-identity-add">
                  {t('customers.addIdentity')}
                </Button>
              </Form.Item>
            )}
          </Form.List>
        )}
        <Form.Item name="notes" label={t('customers.notes')}>
          <Input.TextArea data-testid="contact-notes" rows={3} maxLength={10_000} />
        </Form.Item>
      </Form>
      {general && <Alert type="error" showIcon title={general} data-testid="contact-form-error" />}
      {/* a new contact whose phone or email someone already has: open that contact instead */}
      {owner && <IdentityOwnerNotice owner={owner} />}
    </Modal>
  );
}
