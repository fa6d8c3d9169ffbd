import { App, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MAINTENANCE_KEYS, maintenanceApi, type TelemetryRule, type TelemetryRuleInput } from '../../api/maintenance-endpoints';
import { errorMessage } from '../../common/api-errors';
import { useFormSubmit } from '../../common/use-form-submit';
import { formatDateTime } from '../../i18n/format';
import { AddButton, AdminFormModal, AdminTablePage, useAdminList } from '../admin-table';

// 预测性维护 (admins): telemetry rules per device model (threshold, rate of change, N of the last M,
// trend forecast) and the open work orders they opened, with the readings that triggered them.

type Kind = TelemetryRuleInput['params']['kind'];
interface RuleForm {
  model: string;
  metric: string;
  problem: string;
  kind: Kind;
  op: 'above' | 'below';
  limit: number;
  n: number;
  m: number;
  perHour: number;
  windowMinutes: number;
  windowHours: number;
  horizonHours: number;
}

function params(v: RuleForm): TelemetryRuleInput['params'] {
  if (v.kind === 'threshold') return { kind: 'threshold', op: v.op, limit: v.limit };
  if (v.kind === 'n_of_m') return { kind: 'n_of_m', op: v.op, limit: v.limit, n: v.n, m: v.m };
  if (v.kind === 'rate') return { kind: 'rate', op: v.op, perHour: v.perHour, windowMinutes: v.windowMinutes };
  return { kind: 'trend', op: v.op, limit: v.limit, windowHours: v.windowHours, horizonHours: v.horizonHours };
}

export default function TelemetryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useAdminList(MAINTENANCE_KEYS.rules, maintenanceApi.rules);
  const incidents = useQuery({ queryKey: MAINTENANCE_KEYS.incidents, queryFn: maintenanceApi.incidents });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<RuleForm>();
  const kind = Form.useWatch('kind', form);
  const { busy, general, setGeneral, submit } = useFormSubmit(form, ['model', 'metric', 'problem']);
  const save = () =>
    submit(async (v) => {
      await maintenanceApi.createRule({ model: v.model?.trim() || null, metric: v.metric, problem: v.problem, params: params(v) });
      setOpen(false);
      rules.refetch();
    });
  const remove = useMutation({ mutationFn: (r: TelemetryRule) => maintenanceApi.deleteRule(r.id), onSuccess: () => rules.refetch(), onError: (e) => void message.error(errorMessage(e, t)) });
  const num = (name: keyof RuleForm, label: string) => (
    <Form.Item name={name} label={t(label)} rules={[{ required: true, message: t('maintenance.required') }]}>
      <InputNumber />
    </Form.Item>
  );

  return (
    <AdminTablePage<TelemetryRule>
      testId="maintenance-telemetry"
      help={t('maintenance.telemetry.help')}
      add={<AddButton label={t('maintenance.telemetry.add')} onClick={() => setOpen(true)} testId="telemetry-rule-new" />}
      error={rules.error}
      table={{
        loading: rules.loading,
        dataSource: rules.rows,
        locale: { emptyText: t('maintenance.telemetry.empty') },
        columns: [
          { key: 'model', title: t('maintenance.telemetry.model'), width: 120, render: (_, r) => r.model ?? t('maintenance.telemetry.anyModel') },
          { key: 'metric', title: t('maintenance.telemetry.metric'), width: 120, render: (_, r) => <Typography.Text code>{r.metric}</Typography.Text> },
          { key: 'kind', title: t('maintenance.telemetry.kind'), width: 140, render: (_, r) => t(`maintenance.telemetry.kinds.${r.params.kind}`) },
          { key: 'params', title: t('maintenance.telemetry.params'), render: (_, r) => <Typography.Text type="secondary">{JSON.stringify({ ...r.params, kind: undefined })}</Typography.Text> },
          { key: 'problem', title: t('maintenance.telemetry.problem'), width: 140, render: (_, r) => r.problem },
          { key: 'actions', title: '', width: 80, render: (_, r) => <Typography.Link onClick={() => remove.mutate(r)}>{t('app.delete')}</Typography.Link> },
        ],
      }}
    >
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('maintenance.telemetry.openOrders')}
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        data-testid="telemetry-incidents-table"
        dataSource={incidents.data?.items ?? []}
        columns={[
          { key: 'problem', title: t('maintenance.telemetry.problem'), render: (_, i) => (i.ticketId ? <Link to={`/tickets/${i.ticketId}`}>{i.problem}</Link> : i.problem) },
          { key: 'reason', title: t('maintenance.telemetry.reason'), render: (_, i) => i.firing.reason },
          { key: 'opened', title: t('maintenance.telemetry.opened'), width: 170, render: (_, i) => formatDateTime(i.openedAt) },
        ]}
      />
      <AdminFormModal open={open} title={t('maintenance.telemetry.add')} okTestId="telemetry-rule-save" busy={busy} onOk={save} onCancel={() => setOpen(false)} general={general} clearGeneral={() => setGeneral(null)}>
        <Form form={form} layout="vertical" initialValues={{ kind: 'threshold', op: 'above', n: 3, m: 5, windowMinutes: 60, windowHours: 24, horizonHours: 48 }}>
          <Form.Item name="model" label={t('maintenance.telemetry.model')}>
            <Input maxLength={200} placeholder={t('maintenance.telemetry.anyModel')} />
          </Form.Item>
          <Form.Item name="metric" label={t('maintenance.telemetry.metric')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{1,64}$/, message: t('maintenance.telemetry.metricFormat') }]}>
            <Input placeholder="temperature" data-testid="telemetry-rule-metric" />
          </Form.Item>
          <Form.Item name="problem" label={t('maintenance.telemetry.problem')} rules={[{ required: true, message: t('maintenance.required') }]}>
            <Input maxLength={200} placeholder={t('maintenance.telemetry.problemPlaceholder')} data-testid="telemetry-rule-problem" />
          </Form.Item>
          <Form.Item name="kind" label={t('maintenance.telemetry.kind')}>
            <Select options={(['threshold', 'rate', 'n_of_m', 'trend'] as const).map((k) => ({ value: k, label: t(`maintenance.telemetry.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="op" label={t('maintenance.telemetry.op')}>
            <Select options={(['above', 'below'] as const).map((o) => ({ value: o, label: t(`maintenance.telemetry.ops.${o}`) }))} />
          </Form.Item>
          {kind !== 'rate' && num('limit', 'maintenance.telemetry.limit')}
          {kind === 'n_of_m' && num('n', 'maintenance.telemetry.n')}
          {kind === 'n_of_m' && num('m', 'maintenance.telemetry.m')}
          {kind === 'rate' && num('perHour', 'maintenance.telemetry.perHour')}
          {kind === 'rate' && num('windowMinutes', 'maintenance.telemetry.windowMinutes')}
          {kind === 'trend' && num('windowHours', 'maintenance.telemetry.windowHours')}
          {kind === 'trend' && num('horizonHours', 'maintenance.telemetry.horizonHours')}
        </Form>
      </AdminFormModal>
    </AdminTablePage>
  );
}
