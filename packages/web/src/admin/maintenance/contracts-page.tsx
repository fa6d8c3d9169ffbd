import { App, Form, Input, InputNumber, Select, Switch, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assetApi } from '../../api/asset-endpoints';
import { MAINTENANCE_KEYS, maintenanceApi, type Contract, type ContractInput } from '../../api/maintenance-endpoints';
import { errorMessage } from '../../common/api-errors';
import { useFormSubmit } from '../../common/use-form-submit';
import { SLA_KEYS, slaApi } from '../../sla/sla-api';
import { AddButton, AdminFormModal, AdminTablePage, useAdminList } from '../admin-table';

// 维保合同 (admins): per customer organization, the covered assets, the SLA policy their tickets get,
// visits a year and validity; "expiring only" lists those ending within the tenant's notice days.

const STATE_COLOR: Record<Contract['state'], string> = { pending: 'default', active: 'green', expiring: 'orange', expired: 'red' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export default function ContractsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [expiring, setExpiring] = useState(false);
  const list = useAdminList(MAINTENANCE_KEYS.contracts(expiring), () => maintenanceApi.contracts(expiring));
  const policies = useAdminList(SLA_KEYS.policies, slaApi.policies);
  const assets = useQuery({ queryKey: ['admin', 'maintenance', 'assets'], queryFn: () => assetApi.list({ limit: 200 }) });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ContractInput>();
  const { busy, general, setGeneral, submit } = useFormSubmit(form, ['number', 'name', 'validFrom', 'validTo', 'visitsPerYear', 'slaPolicyId', 'assetIds']);
  const policyName = (id: string | null) => policies.rows.find((p) => p.id === id)?.name ?? t('app.none');

  const save = () =>
    submit(async (v) => {
      await maintenanceApi.createContract({ ...v, assetIds: v.assetIds ?? [], slaPolicyId: v.slaPolicyId ?? null });
      setOpen(false);
      message.success(t('maintenance.contracts.saved', { number: v.number }));
      list.refetch();
    });
  const remove = useMutation({ mutationFn: (c: Contract) => maintenanceApi.deleteContract(c.id), onSuccess: () => list.refetch(), onError: (e) => void message.error(errorMessage(e, t)) });

  return (
    <AdminTablePage<Contract>
      testId="maintenance-contracts"
      start={
        <Typography.Text>
          <Switch size="small" checked={expiring} onChange={setExpiring} data-testid="contracts-expiring" /> {t('maintenance.contracts.expiringOnly')}
        </Typography.Text>
      }
      add={<AddButton label={t('maintenance.contracts.add')} onClick={() => setOpen(true)} testId="contract-new" />}
      error={list.error}
      table={{
        loading: list.loading,
        dataSource: list.rows,
        scroll: { x: 900 },
        locale: { emptyText: t('maintenance.contracts.empty') },
        columns: [
          { key: 'number', title: t('maintenance.contracts.number'), width: 140, render: (_, c) => c.number },
          { key: 'name', title: t('maintenance.contracts.name'), render: (_, c) => c.name },
          { key: 'validity', title: t('maintenance.contracts.validity'), width: 200, render: (_, c) => `${c.validFrom} ~ ${c.validTo}` },
          { key: 'state', title: t('maintenance.contracts.state'), width: 150, render: (_, c) => <Tag color={STATE_COLOR[c.state]}>{t(`maintenance.contracts.states.${c.state}`, { days: c.daysLeft })}</Tag> },
          { key: 'policy', title: t('maintenance.contracts.policy'), width: 140, render: (_, c) => policyName(c.slaPolicyId) },
          { key: 'assets', title: t('maintenance.contracts.assets'), width: 90, render: (_, c) => c.assetIds.length },
          { key: 'visits', title: t('maintenance.contracts.visitsPerYear'), width: 90, render: (_, c) => c.visitsPerYear },
          { key: 'actions', title: '', width: 80, render: (_, c) => <Typography.Link onClick={() => remove.mutate(c)}>{t('app.delete')}</Typography.Link> },
        ],
      }}
    >
      <AdminFormModal open={open} title={t('maintenance.contracts.add')} okTestId="contract-save" busy={busy} onOk={save} onCancel={() => setOpen(false)} general={general} clearGeneral={() => setGeneral(null)}>
        <Form form={form} layout="vertical" initialValues={{ visitsPerYear: 12, assetIds: [] }}>
          <Form.Item name="number" label={t('maintenance.contracts.number')} rules={[{ required: true, message: t('maintenance.required') }]}>
            <Input maxLength={64} data-testid="contract-number" />
          </Form.Item>
          <Form.Item name="name" label={t('maintenance.contracts.name')} rules={[{ required: true, message: t('maintenance.required') }]}>
            <Input maxLength={200} data-testid="contract-name" />
          </Form.Item>
          <Form.Item name="validFrom" label={t('maintenance.contracts.validFrom')} rules={[{ required: true, pattern: DAY, message: t('maintenance.dayFormat') }]}>
            <Input placeholder="2026-01-01" data-testid="contract-from" />
          </Form.Item>
          <Form.Item name="validTo" label={t('maintenance.contracts.validTo')} rules={[{ required: true, pattern: DAY, message: t('maintenance.dayFormat') }]}>
            <Input placeholder="2026-12-31" data-testid="contract-to" />
          </Form.Item>
          <Form.Item name="visitsPerYear" label={t('maintenance.contracts.visitsPerYear')}>
            <InputNumber min={0} max={366} />
          </Form.Item>
          <Form.Item name="slaPolicyId" label={t('maintenance.contracts.policy')}>
            <Select allowClear options={policies.rows.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="assetIds" label={t('maintenance.contracts.assets')}>
            <Select mode="multiple" optionFilterProp="label" options={(assets.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.serial}${a.name ? ` ${a.name}` : ''}` }))} />
          </Form.Item>
        </Form>
      </AdminFormModal>
    </AdminTablePage>
  );
}
