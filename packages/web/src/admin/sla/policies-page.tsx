import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/auth-context';
import { errorMessage } from '../../common/api-errors';
import { useLocalName, useLookups } from '../../common/lookups';
import { confirmIcon } from '../../common/quiet-icons';
import { SLA_KEYS, slaApi } from '../../sla/sla-api';
import type { SlaPolicy } from '../../sla/sla-types';
import { isAdmin } from '../access';
import { AddButton, AdminTablePage, useAdminList } from '../admin-table';
import { PolicyModal } from './policy-form';
import { policyBody, policyValues, targetCount } from './policy-values';
import { RecomputeNotice } from './recompute-notice';

// SLA 策略: policies in order — the first active policy whose conditions match a ticket sets its clocks.
// Admins add, change, reorder (up / down) and delete them; supervisors read.

export default function SlaPoliciesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const admin = isAdmin(useMe());
  const { categoryById, ticketTypes, teamById } = useLookups();
  const name = useLocalName();
  const list = useAdminList(SLA_KEYS.policies, slaApi.policies);
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const fail = (err: unknown) => message.error(errorMessage(err, t));
  const move = (i: number, by: -1 | 1) => {
    const ids = list.rows.map((r) => r.id);
    [ids[i], ids[i + by]] = [ids[i + by], ids[i]];
    // shown in the new order at once; the server's answer (or the list read again) confirms it
    list.setRows((rows) => ids.map((id) => rows.find((r) => r.id === id)!));
    slaApi.reorderPolicies(ids).then(() => list.refetch(), (e) => (fail(e), list.refetch()));
  };
  // PUT replaces the policy: the whole of it, switched on or off
  const toggle = (p: SlaPolicy, active: boolean) => slaApi.updatePolicy(p.id, { ...policyBody(policyValues(p)), active }).then(() => list.refetch(), fail);
  const remove = (p: SlaPolicy) => slaApi.deletePolicy(p.id).then(() => (message.success(t('sla.admin.policies.deleted')), list.refetch()), fail);

  const when = (p: SlaPolicy) => {
    const c = p.conditions;
    const parts = [
      ...(c.priorities ?? []).map((x) => t(`priority.${x}`)),
      ...(c.categoryIds ?? []).map((id) => name(categoryById.get(id))),
      ...(c.typeIds ?? []).map((id) => name(ticketTypes.find((x) => x.id === id))),
      ...(c.tiers ?? []).map((x) => t(`tier.${x}`)),
      ...(c.organizationIds?.length ? [`${t('sla.admin.policies.organizations')} ×${c.organizationIds.length}`] : []),
      ...(c.channels ?? []).map((x) => t(`channel.${x}`)),
      ...(c.teamIds ?? []).map((id) => teamById.get(id)?.name ?? ''),
    ].filter(Boolean);
    return parts.length ? parts.map((x) => <Tag key={x}>{x}</Tag>) : <Typography.Text type="secondary">{t('sla.admin.policies.anyTicket')}</Typography.Text>;
  };

  return (
    <AdminTablePage<SlaPolicy>
      testId="sla-policies-page"
      help={t('sla.admin.policies.intro')}
      notice={<RecomputeNotice changed={list.rows} />}
      add={admin && <AddButton label={t('sla.admin.policies.add')} onClick={() => setEditing('new')} testId="policy-add" />}
      error={list.error}
      table={{
        dataSource: list.rows,
        loading: list.loading && !list.rows.length,
        locale: { emptyText: t('sla.admin.policies.empty') },
        onRow: (r) => ({ 'data-testid': `policy-row-${r.name}` }) as React.HTMLAttributes<HTMLElement>,
        columns: [
          { key: 'order', title: t('sla.admin.policies.order'), width: 60, render: (_, _r, i) => i + 1 },
          { key: 'name', title: t('sla.admin.policies.name'), width: 200, render: (_, r) => <Typography.Text strong>{r.name}</Typography.Text> },
          { key: 'when', title: t('sla.admin.policies.conditions'), render: (_, r) => when(r) },
          {
            key: 'targets',
            title: t('sla.admin.policies.targets'),
            width: 180,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span>{t('sla.admin.policies.summary', { count: targetCount(r.targets) })}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('sla.admin.policies.warnRemaining', { percent: Math.round(r.warnRemaining * 100) })}
                </Typography.Text>
                {r.firstResponseOn === 'accept' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="policy-accept-note">
                    {t('sla.admin.policies.acceptNote')}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { key: 'active', title: t('sla.admin.policies.active'), width: 80, render: (_, r) => <Switch size="small" checked={r.active} disabled={!admin} onChange={(v) => void toggle(r, v)} data-testid="policy-active-switch" /> },
          ...(admin
            ? [
                {
                  key: 'actions',
                  title: '',
                  width: 150,
                  render: (_: unknown, r: SlaPolicy, i: number) => (
                    <Space size={2}>
                      <Button size="small" type="text" icon={<ArrowUpOutlined aria-hidden />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('sla.admin.policies.up')} data-testid="policy-up" />
                      <Button size="small" type="text" icon={<ArrowDownOutlined aria-hidden />} disabled={i === list.rows.length - 1} onClick={() => move(i, 1)} aria-label={t('sla.admin.policies.down')} data-testid="policy-down" />
                      <Button size="small" type="text" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(r)} aria-label={t('app.edit')} data-testid="policy-edit" />
                      <Popconfirm icon={confirmIcon} title={t('sla.admin.policies.confirmDelete', { name: r.name })} okText={t('app.delete')} cancelText={t('app.cancel')} onConfirm={() => void remove(r)}>
                        <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('app.delete')} data-testid="policy-delete" />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ],
      }}
    >
      <PolicyModal
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={(created) => {
          message.success(t(created ? 'sla.admin.policies.created' : 'sla.admin.policies.saved'));
          setEditing(null);
          list.refetch();
        }}
      />
    </AdminTablePage>
  );
}
