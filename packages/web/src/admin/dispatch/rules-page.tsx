import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../common/api-errors';
import { useLocalName, useLookups } from '../../common/lookups';
import { confirmIcon } from '../../common/quiet-icons';
import { AddButton, AdminTablePage, useAdminList } from '../admin-table';
import { DISPATCH_KEYS, dispatchApi, type DispatchRule, type DispatchRuleSaved } from './dispatch-api';
import { RuleModal } from './rule-form';
import { RuleWarningsAlert } from './rule-warnings';

// 派单规则: hard rules in order — the first enabled rule whose conditions match a ticket says what a
// person needs to be sent. Move rules up and down; nothing is ever assigned against one. A rule saved
// (or switched on) with requirements nobody meets is kept, and the page says which, and why it matters.

export default function RulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { categoryById, ticketTypes, teamById } = useLookups();
  const name = useLocalName();
  const list = useAdminList(DISPATCH_KEYS.rules, dispatchApi.rules);
  const [editing, setEditing] = useState<DispatchRule | 'new' | null>(null);
  const [warned, setWarned] = useState<DispatchRuleSaved | null>(null);
  const saved = (r: DispatchRuleSaved) => {
    // a save without warnings clears the alert of that rule only
    setWarned((w) => (r.warnings.length ? r : w?.id === r.id ? null : w));
    return list.refetch();
  };
  const fail = (err: unknown) => message.error(errorMessage(err, t));
  const move = (i: number, by: -1 | 1) => {
    const ids = list.rows.map((r) => r.id);
    [ids[i], ids[i + by]] = [ids[i + by], ids[i]];
    dispatchApi.reorderRules(ids).then(() => list.refetch(), fail);
  };
  const toggle = (r: DispatchRule, enabled: boolean) => dispatchApi.updateRule(r.id, { enabled }).then(saved, fail);
  const remove = (r: DispatchRule) => dispatchApi.deleteRule(r.id).then(() => (message.success(t('dispatch.rules.deleted')), list.refetch()), fail);

  const when = (r: DispatchRule) => {
    const c = r.conditions;
    const parts = [
      ...(c.categoryIds ?? []).map((id) => name(categoryById.get(id))),
      ...(c.typeIds ?? []).map((id) => name(ticketTypes.find((x) => x.id === id))),
      ...(c.tiers ?? []).map((x) => t(`tier.${x}`)),
      ...(c.channels ?? []).map((x) => t(`channel.${x}`)),
      ...(c.priorities ?? []).map((x) => t(`priority.${x}`)),
      ...(c.productLines ?? []),
    ].filter(Boolean);
    return parts.length ? parts.map((p) => <Tag key={p}>{p}</Tag>) : <Typography.Text type="secondary">{t('dispatch.rules.anyTicket')}</Typography.Text>;
  };
  const needs = (r: DispatchRule) => {
    const q = r.requirements;
    const parts = [
      q.skill && (q.level ? t('dispatch.rules.needSkillLevel', { skill: q.skill, level: q.level }) : q.skill),
      q.certification && t('dispatch.rules.needCert', { name: q.certification }),
      q.language && t(`dispatch.languages.${q.language}`, { defaultValue: q.language }),
      q.region,
      q.productLine,
      q.teamId && teamById.get(q.teamId)?.name,
      q.onSite && t('dispatch.rules.onSite'),
      q.onSiteMinutes && t('dispatch.rules.needMinutes', { n: q.onSiteMinutes }),
    ].filter(Boolean) as string[];
    return parts.map((p) => (
      <Tag key={p} color="blue">
        {p}
      </Tag>
    ));
  };

  return (
    <AdminTablePage<DispatchRule>
      testId="rules-page"
      help={t('dispatch.rules.intro')}
      add={<AddButton label={t('dispatch.rules.add')} onClick={() => setEditing('new')} testId="rule-add" />}
      error={list.error}
      notice={warned && <RuleWarningsAlert rule={warned.name} warnings={warned.warnings} onClose={() => setWarned(null)} />}
      table={{
        dataSource: list.rows,
        loading: list.loading && !list.rows.length,
        locale: { emptyText: t('dispatch.rules.empty') },
        onRow: (r) => ({ 'data-testid': `rule-row-${r.name}` }) as React.HTMLAttributes<HTMLElement>,
        columns: [
          { key: 'order', title: t('dispatch.rules.order'), width: 60, render: (_, _r, i) => i + 1 },
          { key: 'name', title: t('dispatch.rules.name'), width: 200, render: (_, r) => <Typography.Text strong>{r.name}</Typography.Text> },
          { key: 'when', title: t('dispatch.rules.conditions'), render: (_, r) => when(r) },
          { key: 'needs', title: t('dispatch.rules.requirements'), render: (_, r) => needs(r) },
          { key: 'enabled', title: t('dispatch.rules.enabled'), width: 80, render: (_, r) => <Switch size="small" checked={r.enabled} onChange={(v) => void toggle(r, v)} data-testid="rule-enabled" /> },
          {
            key: 'actions',
            title: '',
            width: 150,
            render: (_, r, i) => (
              <Space size={2}>
                <Button size="small" type="text" icon={<ArrowUpOutlined aria-hidden />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('dispatch.rules.up')} data-testid="rule-up" />
                <Button size="small" type="text" icon={<ArrowDownOutlined aria-hidden />} disabled={i === list.rows.length - 1} onClick={() => move(i, 1)} aria-label={t('dispatch.rules.down')} data-testid="rule-down" />
                <Button size="small" type="text" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(r)} aria-label={t('app.edit')} data-testid="rule-edit" />
                <Popconfirm icon={confirmIcon} title={t('dispatch.rules.confirmDelete', { name: r.name })} okText={t('app.delete')} cancelText={t('app.cancel')} onConfirm={() => void remove(r)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('app.delete')} data-testid="rule-delete" />
                </Popconfirm>
              </Space>
            ),
          },
        ],
      }}
    >
      <RuleModal editing={editing} onClose={() => setEditing(null)} onSaved={(r) => (setEditing(null), saved(r))} />
    </AdminTablePage>
  );
}
