import { Alert, Button, Checkbox, Divider, Drawer, Form, Input, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorMessage, issueMessage } from '../../common/api-errors';
import { CloseIcon } from '../../common/quiet-icons';
import { ActionRows } from './action-rows';
import { automationApi } from './automation-api';
import type { Rule, RuleBody, RuleKind } from './automation-types';
import { ConditionRows, keyOf } from './condition-rows';
import { DryRunModal } from './dry-run';
import { emptyRule, formPath, ruleJson, ruleValues, TRIGGER_EVENTS, type RuleValues } from './rule-model';

// The rule editor: 当…时 (a trigger's events), 满足以下全部条件 / 满足以下任一条件, 执行以下动作, 启用 —
// with 试运行 on what is in the form now, and the server's errors under the row and field at fault.

export type Editing = Rule | { new: RuleKind } | null;

/** Splits the server's error into messages under the form's fields (by the rule JSON's paths) and the rest. */
export function placeErrors(err: unknown, values: Partial<RuleValues>, t: Parameters<typeof issueMessage>[1]) {
  if (!(err instanceof ApiError)) return { fields: [], general: errorMessage(err, t) };
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  let unplaced = false;
  for (const issue of err.fieldIssues()) {
    const name = formPath(issue.field, values);
    if (!name) {
      unplaced = true;
      continue;
    }
    // the rule's checks answer code "invalid" with an English hint: in Chinese the error code's words say it
    const word = issueMessage(issue, t);
    const msg = word === t('errors.issueGeneric') ? errorMessage(err, t) : word;
    const at = fields.find((f) => f.name.join('.') === name.join('.'));
    if (at) at.errors.push(msg);
    else fields.push({ name, errors: [msg] });
  }
  return { fields, general: !fields.length || unplaced ? errorMessage(err, t) : null };
}

export function RuleEditor({ editing, onClose, onSaved }: { editing: Editing; onClose: () => void; onSaved: (r: Rule) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RuleValues>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState<RuleBody | null>(null);
  const isNew = !!editing && 'new' in editing;
  const kind: RuleKind = !editing ? 'trigger' : 'new' in editing ? editing.new : editing.kind;
  useEffect(() => {
    if (!editing) return;
    setGeneral(null);
    form.resetFields();
    form.setFieldsValue('new' in editing ? emptyRule(editing.new) : ruleValues(editing));
  }, [editing, form]);

  const values = () => ({ ...form.getFieldsValue(true), kind }) as RuleValues;
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const all = values();
    setBusy(true);
    setGeneral(null);
    try {
      const body = ruleJson(all);
      const saved = editing && !('new' in editing) ? await automationApi.update(editing.id, body) : await automationApi.create(body);
      onSaved(saved);
    } catch (err) {
      const { fields, general: g } = placeErrors(err, all, t);
      form.setFields(fields as never);
      setGeneral(g);
    } finally {
      setBusy(false);
    }
  };
  const startDryRun = async () => {
    const ok = await form.validateFields().catch(() => null);
    if (ok) setDryRun(ruleJson(values()));
  };

  return (
    <Drawer
      open={!!editing}
      onClose={onClose}
      size={880}
      title={isNew ? t(`automation.add.${kind}`) : t('automation.edit')}
      destroyOnHidden
      closeIcon={<CloseIcon />}
      data-testid="rule-editor"
      extra={
        <Space>
          <Button onClick={() => void startDryRun()} data-testid="rule-dry-run">
            {t('automation.dryRun.button')}
          </Button>
          <Button onClick={onClose}>{t('app.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="rule-save">
            {t('app.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="name" label={t('automation.editor.name')} rules={[{ required: true, whitespace: true, message: t('automation.editor.nameRequired') }]}>
          <Input maxLength={100} data-testid="rule-name" />
        </Form.Item>
        <Form.Item name="description" label={t('automation.editor.description')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} data-testid="rule-description" />
        </Form.Item>
        {kind === 'trigger' ? (
          <>
            <Divider titlePlacement="start">{t('automation.editor.when')}</Divider>
            <Typography.Paragraph type="secondary">{t('automation.editor.whenHelp')}</Typography.Paragraph>
            <Form.Item name="events" rules={[{ required: true, type: 'array', min: 1, message: t('automation.editor.eventsRequired') }]}>
              <Checkbox.Group options={TRIGGER_EVENTS.map((e) => ({ value: e, label: <span data-testid={`event-${keyOf(e)}`}>{t(`automation.event.${keyOf(e)}`)}</span> }))} />
            </Form.Item>
          </>
        ) : (
          <Typography.Paragraph type="secondary">{t('automation.editor.timeHelp')}</Typography.Paragraph>
        )}
        <Divider titlePlacement="start">{t('automation.editor.all')}</Divider>
        <ConditionRows group="all" ruleKind={kind} />
        <Divider titlePlacement="start">
          {t('automation.editor.any')} <Typography.Text type="secondary">{t('automation.editor.anyHelp')}</Typography.Text>
        </Divider>
        <ConditionRows group="any" ruleKind={kind} />
        <Divider titlePlacement="start">{t('automation.editor.actions')}</Divider>
        <ActionRows />
        <Divider />
        <Form.Item name="active" label={t('automation.editor.active')} valuePropName="checked" extra={t('automation.editor.activeHelp')}>
          <Switch data-testid="rule-active" />
        </Form.Item>
      </Form>
      {general && <Alert type="error" showIcon title={general} data-testid="rule-error" />}
      <DryRunModal rule={dryRun} onClose={() => setDryRun(null)} />
    </Drawer>
  );
}
