import { CloseOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Divider, Form, Input, InputNumber, Modal, Radio, Select, Switch, TreeSelect, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, PRIORITIES, TIERS } from '../../api/types';
import { useCategoryTree, useLocalName, useLookups } from '../../common/lookups';
import { CloseIcon, NO_STEP_BUTTONS, selectArrow, useSelectClear } from '../../common/quiet-icons';
import { useFormSubmit } from '../../common/use-form-submit';
import { SLA_KEYS, slaApi } from '../../sla/sla-api';
import type { SlaConditions, SlaPolicy } from '../../sla/sla-types';
import { OrganizationSelect } from './organization-select';
import { FIRST_RESPONSE_ON, POLICY_FIELDS, policyBody, policyValues, targetCount, type PolicyValues } from './policy-values';
import { TargetsGrid } from './targets-grid';

// The editor of an SLA policy: its name, when it applies (conditions), the calendar its business time
// is counted on, the targets grid (priority × metric), when to warn and what ends the first response
// (the first public reply, or 受理 — the ticket taken). The server's field errors show
// under their fields, a target's under its cell.

export function PolicyModal({ editing, onClose, onSaved }: { editing: SlaPolicy | 'new' | null; onClose: () => void; onSaved: (created: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PolicyValues>();
  const categoryTree = useCategoryTree();
  const { ticketTypes, teams } = useLookups();
  const name = useLocalName();
  const calendars = useQuery({ queryKey: SLA_KEYS.calendars, queryFn: slaApi.calendars, enabled: !!editing });
  const { busy, general, setGeneral, submit } = useFormSubmit(form, POLICY_FIELDS);
  const selectClear = useSelectClear();
  const removeTag = <CloseOutlined aria-label={t('app.delete')} />;
  useEffect(() => {
    if (editing) form.setFieldsValue(policyValues(editing === 'new' ? null : editing));
  }, [editing, form]);
  const save = () =>
    submit(async () => {
      // the grid's cells are nested values: read them all, not only the registered fields
      const body = policyBody(form.getFieldsValue(true) as PolicyValues);
      if (!targetCount(body.targets)) {
        setGeneral(t('sla.admin.policies.targetsRequired'));
        return;
      }
      if (editing === 'new') await slaApi.createPolicy(body);
      else if (editing) await slaApi.updatePolicy(editing.id, body);
      onSaved(editing === 'new');
    });
  const multi = (field: keyof SlaConditions, label: string, options: { value: string; label: string }[]) => (
    <Form.Item name={['conditions', field]} label={label} style={{ flex: '1 1 220px' }}>
      <Select mode="multiple" allowClear={selectClear} removeIcon={removeTag} options={options} placeholder={t('sla.admin.policies.any')} data-testid={`policy-${field}`} />
    </Form.Item>
  );
  const calendarOptions = [{ value: '', label: t('sla.admin.policies.calendarDefault') }, ...(calendars.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))];
  return (
    // wide: the targets grid has a column per metric
    <Modal
      open={!!editing}
      width={1100}
      title={editing === 'new' ? t('sla.admin.policies.add') : t('sla.admin.policies.edit')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'policy-save' } as never}
      closeIcon={<CloseIcon />}
      destroyOnHidden
      afterClose={() => setGeneral(null)}
    >
      <Form form={form} layout="vertical" requiredMark={false} preserve={false} data-testid="policy-form">
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="name" label={t('sla.admin.policies.name')} rules={[{ required: true, whitespace: true, message: t('sla.admin.policies.nameRequired') }]} style={{ flex: '2 1 260px' }}>
            <Input maxLength={100} data-testid="policy-name" />
          </Form.Item>
          <Form.Item name="active" label={t('sla.admin.policies.active')} valuePropName="checked">
            <Switch data-testid="policy-active" />
          </Form.Item>
        </div>
        <Form.Item name="description" label={t('sla.admin.policies.description')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} data-testid="policy-description" />
        </Form.Item>
        <Divider titlePlacement="start">{t('sla.admin.policies.conditions')}</Divider>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          {multi('priorities', t('sla.admin.policies.priorities'), PRIORITIES.map((x) => ({ value: x, label: t(`priority.${x}`) })))}
          <Form.Item name={['conditions', 'categoryIds']} label={t('sla.admin.policies.categories')} style={{ flex: '1 1 220px' }}>
            <TreeSelect suffixIcon={selectArrow} multiple allowClear={selectClear} removeIcon={removeTag} treeData={categoryTree} placeholder={t('sla.admin.policies.any')} showSearch={{ treeNodeFilterProp: 'title' }} data-testid="policy-categoryIds" />
          </Form.Item>
          {multi('typeIds', t('sla.admin.policies.types'), ticketTypes.map((tt) => ({ value: tt.id, label: name(tt) })))}
          {multi('tiers', t('sla.admin.policies.tiers'), TIERS.map((x) => ({ value: x, label: t(`tier.${x}`) })))}
          <Form.Item name={['conditions', 'organizationIds']} label={t('sla.admin.policies.organizations')} style={{ flex: '1 1 220px' }}>
            <OrganizationSelect removeIcon={removeTag} placeholder={t('sla.admin.policies.any')} testId="policy-organizationIds" />
          </Form.Item>
          {multi('channels', t('sla.admin.policies.channels'), CHANNELS.map((x) => ({ value: x, label: t(`channel.${x}`) })))}
          {multi('teamIds', t('sla.admin.policies.teams'), teams.map((tm) => ({ value: tm.id, label: tm.name })))}
        </div>
        <Divider titlePlacement="start">{t('sla.admin.policies.targets')}</Divider>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="calendarId" label={t('sla.admin.policies.calendar')} style={{ flex: '1 1 260px' }}>
            <Select options={calendarOptions} loading={calendars.isPending} data-testid="policy-calendar" />
          </Form.Item>
          <Form.Item name="warnRemaining" label={t('sla.admin.policies.warnLabel')} extra={t('sla.admin.policies.warnHelp')} style={{ flex: '1 1 220px' }}>
            <InputNumber controls={NO_STEP_BUTTONS} min={1} max={99} precision={0} suffix="%" style={{ width: 120 }} data-testid="policy-warn" />
          </Form.Item>
          <Form.Item name="firstResponseOn" label={t('sla.admin.policies.firstResponseOn')} extra={t('sla.admin.policies.firstResponseOnHelp')} style={{ flex: '1 1 300px' }}>
            <Radio.Group optionType="button" options={FIRST_RESPONSE_ON.map((x) => ({ value: x, label: t(`sla.admin.policies.firstResponseOnChoice.${x}`) }))} data-testid="policy-first-response-on" />
          </Form.Item>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('sla.admin.policies.targetsHelp')}
        </Typography.Paragraph>
        <TargetsGrid />
      </Form>
      {general && <Alert type="error" showIcon title={general} data-testid="policy-error" />}
    </Modal>
  );
}
