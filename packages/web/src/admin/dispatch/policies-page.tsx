import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../common/api-errors';
import { useLocalName, useLookups } from '../../common/lookups';
import { confirmIcon } from '../../common/quiet-icons';
import { AddButton, AdminTablePage, useAdminList } from '../admin-table';
import { DISPATCH_KEYS, dispatchApi, type DispatchPolicy } from './dispatch-api';
import { PolicyModal, WEIGHTS } from './policy-form';

// 派单方式: how tickets are dispatched — the tenant's default, overridden per team or per category.

export default function PoliciesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { teamById, categoryById } = useLookups();
  const name = useLocalName();
  const list = useAdminList(DISPATCH_KEYS.policies, dispatchApi.policies);
  const [editing, setEditing] = useState<DispatchPolicy | 'new' | null>(null);
  const hasTenant = list.rows.some((p) => p.scope === 'tenant');
  const target = (p: DispatchPolicy) =>
    p.scope === 'tenant' ? t('dispatch.policies.scopes.tenant') : p.scope === 'team' ? (teamById.get(p.scopeId ?? '')?.name ?? '') : name(categoryById.get(p.scopeId ?? ''));
  const remove = (p: DispatchPolicy) =>
    dispatchApi.deletePolicy(p.scope, p.scopeId).then(
      () => (message.success(t('dispatch.policies.deleted')), list.refetch()),
      (err) => message.error(errorMessage(err, t)),
    );
  const newTenant = (): DispatchPolicy => ({
    id: '', scope: 'tenant', scopeId: null, mode: 'manual', target: 'person', weights: {}, batchWindowS: 30, acceptTimeoutS: null, overflowTeamId: null, overflowThreshold: null,
    speedKmh: 30, positionStaleMin: 30, defaultCapacity: { ticket: 8, chat: 2, field: 5 }, defaultDailyLimit: {}, autoImprove: false, updatedAt: '',
  });
  return (
    <AdminTablePage<DispatchPolicy>
      testId="policies-page"
      help={t('dispatch.policies.intro')}
      add={
        <Space>
          {!hasTenant && <Button onClick={() => setEditing(newTenant())} data-testid="policy-add-tenant">{t('dispatch.policies.addTenant')}</Button>}
          <AddButton label={t('dispatch.policies.add')} onClick={() => setEditing('new')} testId="policy-add" />
        </Space>
      }
      error={list.error}
      table={{
        dataSource: list.rows,
        loading: list.loading && !list.rows.length,
        locale: { emptyText: t('dispatch.policies.empty') },
        onRow: (p) => ({ 'data-testid': `policy-row-${p.scope}` }) as React.HTMLAttributes<HTMLElement>,
        columns: [
          { key: 'scope', title: t('dispatch.policies.scope'), width: 100, render: (_, p) => <Tag>{t(`dispatch.policies.scopes.${p.scope}`)}</Tag> },
          { key: 'target', title: t('dispatch.policies.target'), width: 160, render: (_, p) => <Typography.Text strong>{target(p)}</Typography.Text> },
          { key: 'mode', title: t('dispatch.policies.mode'), width: 180, render: (_, p) => t(`dispatch.modes.${p.mode}`) },
          { key: 'dispatchTo', title: t('dispatch.policies.dispatchTo'), width: 140, render: (_, p) => t(`dispatch.dispatchTargets.${p.target ?? 'person'}`) },
          {
            key: 'weights',
            title: t('dispatch.policies.weights'),
            render: (_, p) => WEIGHTS.filter((w) => p.weights[w]).map((w) => <Tag key={w}>{`${t(`dispatch.weights.${w}`)} ${p.weights[w]}`}</Tag>),
          },
          {
            key: 'accept',
            title: t('dispatch.policies.acceptTimeoutS'),
            width: 120,
            render: (_, p) => (p.acceptTimeoutS === null ? t('dispatch.policies.noAccept') : t('dispatch.policies.seconds', { n: p.acceptTimeoutS })),
          },
          {
            key: 'actions',
            title: '',
            width: 100,
            render: (_, p) => (
              <Space size={4}>
                <Button size="small" type="text" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(p)} aria-label={t('app.edit')} data-testid="policy-edit" />
                <Popconfirm icon={confirmIcon} title={t('dispatch.policies.confirmDelete')} okText={t('app.delete')} cancelText={t('app.cancel')} onConfirm={() => void remove(p)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('app.delete')} data-testid="policy-delete" />
                </Popconfirm>
              </Space>
            ),
          },
        ],
      }}
    >
      <PolicyModal editing={editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), list.refetch())} />
    </AdminTablePage>
  );
}
