import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { channelsApi } from '../../api/intake-endpoints';
import { INTAKE_KINDS, type IntakeChannel, type IntakeKind } from '../../api/intake-types';
import { useMe } from '../../auth/auth-context';
import { errorMessage } from '../../common/api-errors';
import { isAdmin } from '../access';
import { ChannelForm } from './channel-form';
import { KIND_SPECS } from './channel-kinds';
import { confirmIcon } from '../../common/quiet-icons';

// Administration → 渠道: the tenant's channels by kind, switched on and off in the list; added and
// changed in the channel dialog (admins; supervisors read).

export default function ChannelsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canEdit = isAdmin(useMe());
  const [items, setItems] = useState<IntakeChannel[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [kind, setKind] = useState<IntakeKind | 'all'>('all');
  const [target, setTarget] = useState<IntakeChannel | 'new' | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    channelsApi
      .list()
      .then((r) => {
        setItems(r.items);
        setError(null);
      })
      .catch(setError)
      .finally(() => setLoading(false));
  }, []);
  useEffect(load, [load]);

  const counts = useMemo(() => new Map(INTAKE_KINDS.map((k) => [k, items.filter((c) => c.kind === k).length])), [items]);
  const shown = useMemo(
    () => items.filter((c) => kind === 'all' || c.kind === kind).sort((a, b) => INTAKE_KINDS.indexOf(a.kind) - INTAKE_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name)),
    [items, kind],
  );
  const replace = (ch: IntakeChannel) => setItems((prev) => (prev.some((c) => c.id === ch.id) ? prev.map((c) => (c.id === ch.id ? ch : c)) : [...prev, ch]));

  const toggle = async (ch: IntakeChannel, enabled: boolean) => {
    try {
      replace(await channelsApi.update(ch.id, { enabled }));
      message.success(t(enabled ? 'intake.channels.enabledOn' : 'intake.channels.enabledOff', { name: ch.name }));
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };
  const remove = async (ch: IntakeChannel) => {
    try {
      await channelsApi.remove(ch.id);
      setItems((prev) => prev.filter((c) => c.id !== ch.id));
      message.success(t('intake.channels.removed', { name: ch.name }));
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  return (
    <div data-testid="admin-channels">
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('intake.channels.help')}</Typography.Text>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setTarget('new')} data-testid="channel-new">
            {t('intake.channels.add')}
          </Button>
        )}
      </Flex>
      <Segmented
        style={{ marginBottom: 12 }}
        data-testid="channel-kind-filter"
        aria-label={t('intake.channels.kindFilter')}
        value={kind}
        onChange={(v) => setKind(v as IntakeKind | 'all')}
        options={[
          { value: 'all', label: `${t('intake.channels.all')} ${items.length}` },
          ...INTAKE_KINDS.filter((k) => counts.get(k)).map((k) => ({ value: k, label: `${t(`channel.${k}`)} ${counts.get(k)}` })),
        ]}
      />
      {!!error && <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 12 }} />}
      <Table<IntakeChannel>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 760 }}
        data-testid="channels-table"
        locale={{ emptyText: t('intake.channels.empty') }}
        onRow={(c) => ({ 'data-testid': `channel-row-${c.name}` }) as never}
        columns={[
          { key: 'kind', title: t('intake.channels.kind'), width: 110, render: (_, c) => <Tag color="blue">{t(`channel.${c.kind}`, { defaultValue: c.kind })}</Tag> },
          {
            key: 'name',
            title: t('intake.channels.name'),
            render: (_, c) => (
              <Typography.Link onClick={() => setTarget(c)} data-testid={`channel-open-${c.name}`}>
                {c.name}
              </Typography.Link>
            ),
          },
          { key: 'address', title: t('intake.channels.address'), render: (_, c) => (c.address ? <Typography.Text code>{c.address}</Typography.Text> : t('app.none')) },
          {
            key: 'secrets',
            title: t('intake.channels.secrets'),
            render: (_, c) => (
              <Space size={4} wrap>
                {KIND_SPECS[c.kind]?.secrets.map((s) => (
                  <Tag key={s} color={c.secretsSet.includes(s) ? 'success' : 'default'}>
                    {t(`intake.channels.field.${s}`)}：{c.secretsSet.includes(s) ? t('intake.channels.secretSet') : t('intake.channels.secretUnset')}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'enabled',
            title: t('intake.channels.enabled'),
            width: 80,
            render: (_, c) => <Switch size="small" checked={c.enabled} disabled={!canEdit} onChange={(v) => void toggle(c, v)} data-testid={`channel-enabled-${c.name}`} />,
          },
          {
            key: 'actions',
            title: '',
            width: 140,
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => setTarget(c)} data-testid={`channel-edit-${c.name}`}>
                  {t('app.edit')}
                </Button>
                {canEdit && (
                  <Popconfirm icon={confirmIcon}
                    title={t('intake.channels.confirmRemove', { name: c.name })}
                    description={t('intake.channels.removeHelp')}
                    okText={t('intake.channels.remove')}
                    cancelText={t('app.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(c)}
                  >
                    <Button size="small" danger data-testid={`channel-remove-${c.name}`}>
                      {t('intake.channels.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ChannelForm
        target={target}
        canEdit={canEdit}
        onClose={() => setTarget(null)}
        onSaved={(ch, keepOpen) => {
          const created = !items.some((c) => c.id === ch.id);
          replace(ch);
          setTarget(keepOpen ? ch : null);
          message.success(created ? t('intake.channels.created', { name: ch.name }) : t('intake.channels.saved'));
        }}
      />
    </div>
  );
}
