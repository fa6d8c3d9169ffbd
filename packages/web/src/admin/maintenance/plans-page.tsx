import { App, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAINTENANCE_KEYS, maintenanceApi, type Plan } from '../../api/maintenance-endpoints';
import { errorMessage } from '../../common/api-errors';
import { useFormSubmit } from '../../common/use-form-submit';
import { AddButton, AdminFormModal, AdminTablePage, useAdminList } from '../admin-table';

// 保养计划 (admins): every asset of a model, every N days / months / running hours, with a checklist;
// the system creates the visit tickets ahead by the lead time and dispatch plans them.

interface PlanForm {
  name: string;
  model: string;
  unit: 'days' | 'months' | 'hours';
  every: number;
  startOn?: string;
  lead: number;
  checklist?: string;
}

export default function PlansPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useAdminList(MAINTENANCE_KEYS.plans, maintenanceApi.plans);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PlanForm>();
  const unit = Form.useWatch('unit', form);
  const { busy, general, setGeneral, submit } = useFormSubmit(form, ['name', 'model', 'every', 'startOn', 'lead', 'checklist']);

  const save = () =>
    submit(async (v) => {
      const schedule = v.unit === 'hours' ? { unit: 'hours' as const, every: v.every, leadHours: v.lead, metric: 'running_hours' } : { unit: v.unit, every: v.every, startOn: v.startOn!, leadDays: v.lead };
      const checklist = (v.checklist ?? '').split('\n').map((s) => s.trim()).filter(Boolean).map((item) => ({ item, kind: 'check' as const }));
      await maintenanceApi.createPlan({ name: v.name, model: v.model, assetId: null, schedule, checklist, priority: 'normal', active: true });
      setOpen(false);
      message.success(t('maintenance.plans.saved', { name: v.name }));
      list.refetch();
    });
  const remove = useMutation({ mutationFn: (p: Plan) => maintenanceApi.deletePlan(p.id), onSuccess: () => list.refetch(), onError: (e) => void message.error(errorMessage(e, t)) });
  const every = (p: Plan) => t(`maintenance.plans.every.${p.schedule.unit}`, { n: (p.schedule as { every?: number }).every });

  return (
    <AdminTablePage<Plan>
      testId="maintenance-plans"
      help={t('maintenance.plans.help')}
      add={<AddButton label={t('maintenance.plans.add')} onClick={() => setOpen(true)} testId="plan-new" />}
      error={list.error}
      table={{
        loading: list.loading,
        dataSource: list.rows,
        locale: { emptyText: t('maintenance.plans.empty') },
        columns: [
          { key: 'name', title: t('maintenance.plans.name'), render: (_, p) => p.name },
          { key: 'target', title: t('maintenance.plans.target'), width: 160, render: (_, p) => (p.model ? t('maintenance.plans.model', { model: p.model }) : t('maintenance.plans.oneAsset')) },
          { key: 'every', title: t('maintenance.plans.schedule'), width: 160, render: (_, p) => every(p) },
          { key: 'checklist', title: t('maintenance.plans.checklist'), width: 100, render: (_, p) => p.checklist.length },
          { key: 'active', title: '', width: 80, render: (_, p) => (p.active ? <Tag color="green">{t('maintenance.active')}</Tag> : <Tag>{t('maintenance.inactive')}</Tag>) },
          { key: 'actions', title: '', width: 80, render: (_, p) => <Typography.Link onClick={() => remove.mutate(p)}>{t('app.delete')}</Typography.Link> },
        ],
      }}
    >
      <AdminFormModal open={open} title={t('maintenance.plans.add')} okTestId="plan-save" busy={busy} onOk={save} onCancel={() => setOpen(false)} general={general} clearGeneral={() => setGeneral(null)}>
        <Form form={form} layout="vertical" initialValues={{ unit: 'months', every: 1, lead: 7 }}>
          <Form.Item name="name" label={t('maintenance.plans.name')} rules={[{ required: true, message: t('maintenance.required') }]}>
            <Input maxLength={200} data-testid="plan-name" />
          </Form.Item>
          <Form.Item name="model" label={t('maintenance.plans.modelField')} rules={[{ required: true, message: t('maintenance.required') }]}>
            <Input maxLength={200} data-testid="plan-model" />
          </Form.Item>
          <Form.Item name="unit" label={t('maintenance.plans.unit')}>
            <Select options={(['days', 'months', 'hours'] as const).map((u) => ({ value: u, label: t(`maintenance.plans.units.${u}`) }))} />
          </Form.Item>
          <Form.Item name="every" label={t('maintenance.plans.everyField')} rules={[{ required: true, message: t('maintenance.required') }]}>
            <InputNumber min={1} />
          </Form.Item>
          {unit !== 'hours' && (
            <Form.Item name="startOn" label={t('maintenance.plans.startOn')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('maintenance.dayFormat') }]}>
              <Input placeholder="2026-01-01" data-testid="plan-start" />
            </Form.Item>
          )}
          <Form.Item name="lead" label={t(unit === 'hours' ? 'maintenance.plans.leadHours' : 'maintenance.plans.leadDays')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="checklist" label={t('maintenance.plans.checklistField')}>
            <Input.TextArea rows={4} placeholder={t('maintenance.plans.checklistPlaceholder')} data-testid="plan-checklist" />
          </Form.Item>
        </Form>
      </AdminFormModal>
    </AdminTablePage>
  );
}
