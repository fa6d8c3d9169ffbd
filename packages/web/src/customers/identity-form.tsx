import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersApi } from '../api/endpoints';
import { IDENTITY_KINDS, type Contact, type IdentityKind } from '../api/types';
import { mapErrorToFields } from '../common/api-errors';
import { IdentityOwnerNotice } from './identity-owner-notice';
import { describeIdentityIssue, identityOwner, identityProblem, type IdentityOwner } from './identity-rules';

// Adds one identity (email, phone, WeChat id…) to a contact; what the server refuses (a malformed
// value, an identity of another contact) is shown under the value; for an identity of another contact
// the server names, a link to that contact and (onMergeOwner) merging it into this one are offered.

interface Values {
  kind: IdentityKind;
  value: string;
}

export function IdentityForm({ contactId, onAdded, onMergeOwner }: { contactId: string; onAdded: (c: Contact) => void; onMergeOwner?: (ownerId: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const [owner, setOwner] = useState<IdentityOwner | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setGeneral(null);
    setOwner(null);
    try {
      const c = await customersApi.addIdentity(contactId, { kind: v.kind, value: v.value.trim() });
      form.resetFields(['value']);
      onAdded(c);
    } catch (err) {
      const { fields, general: g } = mapErrorToFields(err, t, ['value', 'kind'], describeIdentityIssue(t, () => v.kind));
      form.setFields(fields as never);
      setGeneral(g);
      setOwner(identityOwner(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Form form={form} layout="inline" onFinish={submit} initialValues={{ kind: 'phone' }} data-testid="identity-form" style={{ rowGap: 8 }}>
        <Form.Item name="kind">
          <Select
            data-testid="identity-kind"
            style={{ width: 130 }}
            options={IDENTITY_KINDS.map((k) => ({ value: k, label: t(`identity.${k}`) }))}
            onChange={() => form.getFieldValue('value') && void form.validateFields(['value']).catch(() => undefined)}
          />
        </Form.Item>
        <Form.Item
          name="value"
          dependencies={['kind']}
          style={{ flex: 1, minWidth: 180 }}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                const problem = identityProblem(getFieldValue('kind') as string, value);
                return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input data-testid="identity-value" placeholder={t('customers.identityValue')} maxLength={200} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={busy} data-testid="identity-add">
            {t('customers.addIdentity')}
          </Button>
        </Form.Item>
      </Form>
      {general && <Alert type="error" showIcon title={general} style={{ marginTop: 8 }} data-testid="identity-error" />}
      {owner && owner.id !== contactId && <IdentityOwnerNotice owner={owner} onMerge={onMergeOwner} />}
    </>
  );
}
