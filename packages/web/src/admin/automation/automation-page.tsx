import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, ExperimentOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/auth-context';
import { errorMessage } from '../../common/api-errors';
import { confirmIcon } from '../../common/quiet-icons';
import { isAdmin } from '../access';
import { AUTOMATION_KEYS, automationApi, bodyOf } from './automation-api';
import type { Rule, RuleBody, RuleKind } from './automation-types';
import { actionWords } from './automation-events';
import { keyOf } from './condition-rows';
import { DryRunModal } from './dry-run';
import { RuleEditor, type Editing } from './rule-editor';
import { RunLog } from './run-log';

// 自动化规则: the triggers and the time rules, each list in the order they run — move up and down, switch
// on and off (the shipped defaults marked 系统预置), edit in the rule editor, dry-run, read the run log.

function RuleList({ kind, rules, canEdit, onEdit, onDryRun, onRuns }: { kind: RuleKind; rules: Rule[]; canEdit: boolean; onEdit: (e: Editing) => void; onDryRun: (r: RuleBody) => void; onRuns: (r: Rule) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refetch = () => void queryClient.invalidateQueries({ queryKey: AUTOMATION_KEYS.rules });
  const fail = (err: unknown) => void message.error(errorMessage(err, t));
  const move = (i: number, by: -1 | 1) => {
    const ids = rules.map((r) => r.id);
    [ids[i], ids[i + by]] = [ids[i + by], ids[i]];
    automationApi.reorder(kind, ids).then(refetch, fail);
  };
  const toggle = (r: Rule, active: boolean) =>
    automationApi.update(r.id, { ...bodyOf(r), active }).then(() => (message.success(t(active ? 'automation.switchedOn' : 'automation.switchedOff', { name: r.name })), refetch()), fail);
  const remove = (r: Rule) => automationApi.remove(r.id).then(() => (message.success(t('automation.deleted')), refetch()), fail);
  const summary = (r: Rule) => {
    const events = kind === 'trigger' ? r.events.map((e) => t(`automation.event.${keyOf(e)}`, { defaultValue: e })).join('、') : '';
    const conds = [...(r.conditions.all ?? []), ...(r.conditions.any ?? [])].length;
    return (
      <Space direction="vertical" size={0}>
        {events && <Typography.Text type="secondary">{t('automation.editor.when')}：{events}</Typography.Text>}
        {r.description && <Typography.Text type="secondary">{r.description}</Typography.Text>}
        <Typography.Text>
          {conds ? `${t('automation.conditionCount', { count: conds })} · ` : ''}
          {actionWords(r.actions as never[], t) || t('automation.noActions')}
        </Typography.Text>
      </Space>
    );
  };
  return (
    <div data-testid={`rules-${kind}`} style={{ marginBottom: 24 }}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t(`automation.lists.${kind}`)}
          </Typography.Title>
          <Typography.Text type="secondary">{t(`automation.listHelp.${kind}`)}</Typography.Text>
        </div>
        {canEdit && (
          <Button type="primary" onClick={() => onEdit({ new: kind })} data-testid={`rule-add-${kind}`}>
            {t(`automation.add.${kind}`)}
          </Button>
        )}
      </Flex>
      <Table<Rule>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={rules}
        locale={{ emptyText: t(`automation.empty.${kind}`) }}
        onRow={(r) => ({ 'data-testid': `rule-row-${r.name}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'order', title: t('automation.order'), width: 60, render: (_, _r, i) => i + 1 },
          {
            key: 'name',
            title: t('automation.name'),
            width: 240,
            render: (_, r) => (
              <Space size={4} wrap>
                <Typography.Text strong>{r.name}</Typography.Text>
                {r.builtin && <Tag color="blue" data-testid="rule-builtin">{t('automation.builtin')}</Tag>}
              </Space>
            ),
          },
          { key: 'summary', title: t('automation.summary'), render: (_, r) => summary(r) },
          { key: 'active', title: t('automation.active'), width: 70, render: (_, r) => <Switch size="small" checked={r.active} disabled={!canEdit} onChange={(v) => void toggle(r, v)} data-testid="rule-active-switch" /> },
          {
            key: 'actions',
            title: '',
            width: 230,
            render: (_, r, i) => (
              <Space size={2}>
                {canEdit && <Button size="small" type="text" icon={<ArrowUpOutlined aria-hidden />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('automation.up')} data-testid="rule-up" />}
                {canEdit && <Button size="small" type="text" icon={<ArrowDownOutlined aria-hidden />} disabled={i === rules.length - 1} onClick={() => move(i, 1)} aria-label={t('automation.down')} data-testid="rule-down" />}
                <Button size="small" type="text" icon={<ExperimentOutlined aria-hidden />} onClick={() => onDryRun(bodyOf(r))} aria-label={t('automation.dryRun.button')} title={t('automation.dryRun.button')} data-testid="rule-row-dry-run" />
                <Button size="small" type="text" icon={<HistoryOutlined aria-hidden />} onClick={() => onRuns(r)} aria-label={t('automation.runs.button')} title={t('automation.runs.button')} data-testid="rule-runs" />
                {canEdit && <Button size="small" type="text" icon={<EditOutlined aria-hidden />} onClick={() => onEdit(r)} aria-label={t('app.edit')} data-testid="rule-edit" />}
                {canEdit && (
                  <Popconfirm icon={confirmIcon} title={t('automation.confirmDelete', { name: r.name })} okText={t('app.delete')} cancelText={t('app.cancel')} onConfirm={() => void remove(r)}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('app.delete')} data-testid="rule-delete" />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}

export default function AutomationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: AUTOMATION_KEYS.rules, queryFn: automationApi.rules });
  const [editing, setEditing] = useState<Editing>(null);
  const [dryRun, setDryRun] = useState<RuleBody | null>(null);
  const [runs, setRuns] = useState<Rule | null>(null);
  const items = [...(rules.data?.items ?? [])].sort((a, b) => a.position - b.position);
  const canEdit = isAdmin(me);
  const list = (kind: RuleKind) => <RuleList kind={kind} rules={items.filter((r) => r.kind === kind)} canEdit={canEdit} onEdit={setEditing} onDryRun={setDryRun} onRuns={setRuns} />;
  return (
    <div data-testid="automation-page">
      <Typography.Paragraph type="secondary">{t('automation.intro')}</Typography.Paragraph>
      {rules.error && <Alert type="error" showIcon title={errorMessage(rules.error, t)} style={{ marginBottom: 12 }} />}
      {list('trigger')}
      {list('time')}
      <RuleEditor
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void message.success(t('automation.saved'));
          void queryClient.invalidateQueries({ queryKey: AUTOMATION_KEYS.rules });
        }}
      />
      <DryRunModal rule={dryRun} onClose={() => setDryRun(null)} />
      <RunLog rule={runs} onClose={() => setRuns(null)} />
    </div>
  );
}
