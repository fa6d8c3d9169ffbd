import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { customersApi } from '../api/endpoints';
import { TIERS, type Organization, type Tier } from '../api/types';
import { useFormSubmit } from '../common/use-form-submit';

// Creates an organization or changes one (name, tier, domain, notes).

interface Values {
  name: string;
  tier: Tier;
  domain?: string;
  notes?: string;
}

interface Props {
  open: boolean;
  organization?: Organization | null;
  onClose: () => void;
  onSaved: (o: Organization) => void;
}

export function OrganizationFormModal({ open, organization, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { busy, general, setGeneral, submit: submitForm } = useFormSubmit(form, ['name', 'tier', 'domain', 'notes']);

  const submit = () =>
    submitForm(async (v) => {
      const body = { name: v.name.trim(), tier: v.tier, domain: v.domain?.trim() ? v.domain.trim() : null, notes: v.notes ?? '' };
      onSaved(organization ? await customersApi.updateOrganization(organization.id, body) : await customersApi.createOrganization(body));
    });

  return (
    <Modal
      open={open}
      title={organization ? t('customers.editOrganization') : t('customers.newOrganization')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'organization-form-ok' } as never}
      destroyOnHidden
      afterClose={() => setGeneral(null)}
    >
      <Form form={form} initialValues={{ name: organization?.name ?? '', tier: organization?.tier ?? 'standard', domain: organization?.domain ?? '', notes: organization?.notes ?? '' }} layout="vertical" preserve={false} data-testid="organization-form">
        <Form.Item name="name" label={t('customers.organizationName')} rules={[{ required: true, whitespace: true, message: t('customers.nameRequired') }]}>
          <Input data-testid="organization-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="tier" label={t('customers.tier')}>
          <Select data-testid="organization-tier" options={TIERS.map((x) => ({ value: x, label: t(`tier.${x}`) }))} />
        </Form.Item>
        <Form.Item name="domain" label={t('customers.domain')} extra={t('customers.domainHelp')}>
          <Input data-testid="organization-domain" maxLength={253} placeholder="example.com.cn" />
        </Form.Item>
        <Form.Item name="notes" label={t('customers.notes')}>
          <Input.TextArea data-testid="organization-notes" rows={3} maxLength={10_000} />
        </Form.Item>
      </Form>
      {general && <Alert type="error" showIcon title={general} />}
    </Modal>
  );
}
