import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { templatesApi } from '../../api/endpoints';
import { useLookups } from '../../common/lookups';
import { resolveStaff, searchStaff } from '../../common/people-search';
import { RemoteSelect } from '../../common/remote-select';
import { deliveryApi, DELIVERY_KEYS, ROBOT_KINDS } from '../delivery/delivery-api';
import { StaffMultiSelect, ValueInput } from './pickers';
import { ACTION_TYPES, kindOf, newAction, NOTIFY_CHANNELS, NOTIFY_ROLES, PLACEHOLDERS, SET_FIELDS } from './rule-model';
import type { ActionType } from './automation-types';
import { keyOf } from './condition-rows';

// The action rows (执行以下动作): the action's type, then the controls that type needs — a field and its
// value, whom to assign to (a person, a team, or 交给智能派单), tags, a note, a reply from a template or
// written with placeholders, whom to notify and how, a group robot, a webhook, a sub-task, escalation.

const req = (message: string) => [{ required: true, message }];
const item = { style: { marginBottom: 8 } };

function Placeholders({ onPick }: { onPick: (p: string) => void }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('automation.placeholders')}
      {PLACEHOLDERS.map((p) => (
        <Tag key={p} style={{ cursor: 'pointer', marginInlineStart: 4 }} onClick={() => onPick(p)} data-testid={`placeholder-${keyOf(p.slice(2, -2))}`}>
          {t(`automation.placeholder.${keyOf(p.slice(2, -2))}`)} {p}
        </Tag>
      ))}
    </Typography.Text>
  );
}

function ActionControls({ index, type }: { index: number; type: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const { teams } = useLookups();
  const id = `action-${index}`;
  const row = (Form.useWatch(['actions', index], form) ?? {}) as Record<string, unknown>;
  const teamOptions = teams.map((tm) => ({ value: tm.id, label: tm.name }));
  const templates = useQuery({ queryKey: ['reply-templates', 'all'], queryFn: () => templatesApi.list(undefined, { limit: 200 }), enabled: type === 'reply' });
  const channels = useQuery({ queryKey: DELIVERY_KEYS.channels, queryFn: deliveryApi.channels, enabled: type === 'notify_robot' });
  const webhooks = useQuery({ queryKey: DELIVERY_KEYS.webhooks, queryFn: deliveryApi.webhooks, enabled: type === 'webhook' });
  const L = (k: string) => t(`automation.label.${k}`);
  const insert = (p: string) => form.setFieldValue(['actions', index, 'text'], `${String(row.text ?? '')}${p}`);
  switch (type) {
    case 'set_field':
      return (
        <Flex gap={8} wrap>
          <Form.Item name={[index, 'field']} rules={req(L('setField'))} {...item}>
            <Select options={SET_FIELDS.map((f) => ({ value: f, label: t(`automation.field.${f}`) }))} style={{ width: 140 }} placeholder={L('setField')} onChange={() => form.setFieldValue(['actions', index, 'value'], undefined)} data-testid={`${id}-field`} />
          </Form.Item>
          {typeof row.field === 'string' && (
            <Form.Item name={[index, 'value']} rules={req(t('automation.editor.valueRequired'))} {...item}>
              <ValueInput kind={kindOf(row.field)} shape="one" testId={`${id}-value`} />
            </Form.Item>
          )}
        </Flex>
      );
    case 'assign':
      return (
        <Flex gap={8} wrap align="start">
          <Form.Item name={[index, 'to']} {...item}>
            <Radio.Group optionType="button" size="small" options={(['dispatch', 'user', 'team'] as const).map((k) => ({ value: k, label: t(`automation.assignTo.${k}`) }))} data-testid={`${id}-to`} />
          </Form.Item>
          {row.to === 'user' && (
            <Form.Item name={[index, 'userId']} rules={req(L('person'))} {...item}>
              <RemoteSelect search={searchStaff} resolve={resolveStaff} style={{ minWidth: 180 }} testId={`${id}-user`} />
            </Form.Item>
          )}
          {row.to === 'team' && (
            <Form.Item name={[index, 'teamId']} rules={req(L('team'))} {...item}>
              <Select options={teamOptions} style={{ minWidth: 180 }} data-testid={`${id}-team`} />
            </Form.Item>
          )}
        </Flex>
      );
    case 'add_tags':
    case 'remove_tags':
      return (
        <Form.Item name={[index, 'tags']} rules={req(L('tagsHelp'))} {...item}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，']} placeholder={L('tagsHelp')} style={{ minWidth: 240 }} data-testid={`${id}-tags`} />
        </Form.Item>
      );
    case 'add_note':
      return (
        <Form.Item name={[index, 'text']} rules={req(L('note'))} {...item}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={L('note')} data-testid={`${id}-text`} />
        </Form.Item>
      );
    case 'reply':
      return (
        <div>
          <Form.Item name={[index, 'mode']} {...item}>
            <Radio.Group optionType="button" size="small" options={(['text', 'template'] as const).map((k) => ({ value: k, label: t(`automation.replyMode.${k}`) }))} data-testid={`${id}-mode`} />
          </Form.Item>
          {row.mode === 'template' ? (
            <Form.Item name={[index, 'templateId']} rules={req(L('template'))} {...item}>
              <Select options={(templates.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} loading={templates.isLoading} showSearch={{ optionFilterProp: 'label' }} style={{ minWidth: 240 }} placeholder={L('template')} data-testid={`${id}-template`} />
            </Form.Item>
          ) : (
            <>
              <Form.Item name={[index, 'text']} rules={req(L('text'))} {...item}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('automation.replyExample')} data-testid={`${id}-text`} />
              </Form.Item>
              <Placeholders onPick={insert} />
            </>
          )}
        </div>
      );
    case 'notify':
      return (
        <Space direction="vertical" style={{ width: '100%' }} size={0}>
          <Flex gap={8} wrap>
            <Form.Item name={[index, 'roles']} label={L('roles')} {...item}>
              <Select mode="multiple" options={NOTIFY_ROLES.map((r) => ({ value: r, label: t(`automation.role.${r}`) }))} style={{ minWidth: 200 }} data-testid={`${id}-roles`} />
            </Form.Item>
            <Form.Item name={[index, 'userIds']} label={L('people')} {...item}>
              <StaffMultiSelect testId={`${id}-users`} />
            </Form.Item>
            <Form.Item name={[index, 'teamIds']} label={L('teams')} {...item}>
              <Select mode="multiple" options={teamOptions} style={{ minWidth: 180 }} data-testid={`${id}-teams`} />
            </Form.Item>
          </Flex>
          <Form.Item name={[index, 'channels']} label={L('channels')} {...item}>
            <Checkbox.Group options={NOTIFY_CHANNELS.map((c) => ({ value: c, label: t(`automation.channel.${c}`) }))} data-testid={`${id}-channels`} />
          </Form.Item>
          <Form.Item name={[index, 'text']} label={L('notifyText')} {...item}>
            <Input data-testid={`${id}-text`} />
          </Form.Item>
        </Space>
      );
    case 'notify_robot': {
      const robots = (channels.data?.items ?? []).filter((c) => (ROBOT_KINDS as readonly string[]).includes(c.kind));
      return (
        <div>
          <Form.Item name={[index, 'channelId']} rules={req(L('robot'))} extra={channels.isSuccess && !robots.length ? L('noRobots') : undefined} {...item}>
            <Select options={robots.map((c) => ({ value: c.id, label: `${c.name}（${t(`delivery.kind.${c.kind}`)}）` }))} loading={channels.isLoading} style={{ minWidth: 240 }} placeholder={L('robot')} data-testid={`${id}-robot`} />
          </Form.Item>
          <Form.Item name={[index, 'text']} rules={req(L('robotText'))} {...item}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={L('robotText')} data-testid={`${id}-text`} />
          </Form.Item>
          <Placeholders onPick={insert} />
        </div>
      );
    }
    case 'webhook':
      return (
        <Form.Item name={[index, 'webhookId']} rules={req(L('webhook'))} extra={webhooks.isSuccess && !webhooks.data.items.length ? L('noWebhooks') : undefined} {...item}>
          <Select options={(webhooks.data?.items ?? []).map((w) => ({ value: w.id, label: w.name }))} loading={webhooks.isLoading} style={{ minWidth: 240 }} placeholder={L('webhook')} data-testid={`${id}-webhook`} />
        </Form.Item>
      );
    case 'create_subtask':
      return (
        <Flex gap={8} wrap>
          <Form.Item name={[index, 'teamId']} label={L('subtaskTeam')} rules={req(L('subtaskTeam'))} {...item}>
            <Select options={teamOptions} style={{ minWidth: 180 }} data-testid={`${id}-team`} />
          </Form.Item>
          <Form.Item name={[index, 'title']} label={L('subtaskTitle')} rules={req(L('subtaskTitle'))} {...item}>
            <Input style={{ width: 260 }} data-testid={`${id}-title`} />
          </Form.Item>
        </Flex>
      );
    case 'escalate':
      return (
        <Flex gap={8} wrap align="center">
          <Form.Item name={[index, 'level']} label={L('level')} {...item}>
            <InputNumber min={1} max={5} precision={0} style={{ width: 90 }} data-testid={`${id}-level`} />
          </Form.Item>
          <Form.Item name={[index, 'roles']} label={L('escalateRoles')} {...item}>
            <Select mode="multiple" options={NOTIFY_ROLES.map((r) => ({ value: r, label: t(`automation.role.${r}`) }))} style={{ minWidth: 200 }} data-testid={`${id}-roles`} />
          </Form.Item>
          <Form.Item name={[index, 'priority']} valuePropName="checked" {...item}>
            <Checkbox data-testid={`${id}-raise`}>{L('raisePriority')}</Checkbox>
          </Form.Item>
        </Flex>
      );
    default:
      return null;
  }
}

function ActionRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const type = Form.useWatch(['actions', index, 'type'], form) as string | undefined;
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={`action-${index}`}>
      <Flex gap={8} align="start">
        <Form.Item name={[index, 'type']} rules={req(t('automation.pickAction'))} {...item}>
          <Select
            options={ACTION_TYPES.map((a) => ({ value: a, label: t(`automation.action.${a}`) }))}
            style={{ width: 160 }}
            placeholder={t('automation.pickAction')}
            onChange={(v: ActionType) => form.setFieldValue(['actions', index], newAction(v))}
            data-testid={`action-${index}-type`}
          />
        </Form.Item>
        <div style={{ flex: 1, minWidth: 0 }}>{type && <ActionControls index={index} type={type} />}</div>
        <Button type="text" icon={<DeleteOutlined aria-hidden />} onClick={onRemove} aria-label={t('automation.editor.remove')} data-testid={`action-${index}-remove`} />
      </Flex>
    </Card>
  );
}

export function ActionRows() {
  const { t } = useTranslation();
  return (
    <Form.List name="actions" rules={[{ validator: (_, v) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('automation.editor.actionsRequired')))) }]}>
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="actions">
          {fields.map((f) => (
            <ActionRow key={f.key} index={f.name} onRemove={() => remove(f.name)} />
          ))}
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add(newAction('add_tags'))} data-testid="add-action">
            {t('automation.editor.addAction')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
