import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Tag, Typography, type TableProps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../api/endpoints';
import type { ApiKey, CreatedApiKey } from '../api/types';
import { errorMessage } from '../common/api-errors';
import { copyText } from '../common/copy-text';
import { formatDateTime } from '../i18n/format';
import { useFormSubmit } from '../common/use-form-submit';
import { AddButton, AdminFormModal, AdminTablePage, useAdminList } from './admin-table';
import { confirmIcon } from '../common/quiet-icons';

// API keys for integrations: create (the key is shown once, to copy now), list, revoke.

const KEY_ROLES = ['agent', 'supervisor', 'admin'] as const;

/** The new key, once: copy it now; closing forgets it. `children` replace the API-key usage line (device keys). */
export function NewKeyModal({ created, onClose, children }: { created: Pick<CreatedApiKey, 'name' | 'prefix' | 'key'> | null; onClose: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);
  useEffect(() => setCopied(false), [created]);
  // rendered only while there is a key: closing removes it from the page at once (no closing animation keeps it)
  if (!created) return null;
  return (
    <Modal
      open
      title={t('admin.keys.createdTitle', { name: created?.name ?? '' })}
      onCancel={onClose}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="api-key-done">
          {copied ? t('admin.keys.done') : t('admin.keys.doneWithoutCopy')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('admin.keys.onceWarning')} style={{ marginBottom: 12 }} data-testid="api-key-warning" />
      <Flex gap={8}>
        <Input readOnly value={created?.key ?? ''} data-testid="api-key-secret" style={{ fontFamily: 'monospace' }} onFocus={(e) => e.target.select()} />
        <Button
          icon={<CopyOutlined aria-hidden />}
          data-testid="api-key-copy"
          onClick={async () => {
            if (created && (await copyText(created.key))) {
              setCopied(true);
              message.success(t('admin.keys.copied'));
            } else message.warning(t('admin.keys.copyFailed'));
          }}
        >
          {t('admin.keys.copy')}
        </Button>
      </Flex>
      {children ?? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('admin.keys.usage')}
          <Typography.Text code>Authorization: Bearer {created ? `${created.prefix}…` : ''}</Typography.Text>
        </Typography.Paragraph>
      )}
    </Modal>
  );
}

/**
 * The last cell of a key list (API keys, device keys): "revoked", or a revoke button asking first.
 * `testId` prefixes the data-testids (`<testId>-revoked`, `<testId>-revoke-<name>`, `<testId>-revoke-ok`).
 */
export function KeyRevokeCell({ name, revokedAt, help, testId, revokedTitle, onRevoke }: { name: string; revokedAt: string | null; help: string; testId: string; revokedTitle?: string; onRevoke: () => void }) {
  const { t } = useTranslation();
  if (revokedAt)
    return (
      <Tag data-testid={`${testId}-revoked`} title={revokedTitle}>
        {t('admin.keys.revokedTag')}
      </Tag>
    );
  return (
    <Popconfirm
      icon={confirmIcon}
      title={t('admin.keys.confirmRevoke', { name })}
      description={help}
      okText={t('admin.keys.revoke')}
      cancelText={t('app.cancel')}
      okButtonProps={{ danger: true, 'data-testid': `${testId}-revoke-ok` } as never}
      onConfirm={onRevoke}
    >
      <Button size="small" danger data-testid={`${testId}-revoke-${name}`}>
        {t('admin.keys.revoke')}
      </Button>
    </Popconfirm>
  );
}

export default function ApiKeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { rows: keys, loading, error, refetch, setRows } = useAdminList(['admin', 'api-keys'], adminApi.apiKeys);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [form] = Form.useForm<{ name: string; role: ApiKey['role'] }>();
  const { busy, general, setGeneral, submit: submitForm } = useFormSubmit(form, ['name', 'role']);

  const create = () =>
    submitForm(async (v) => {
      const k = await adminApi.createApiKey({ name: v.name.trim(), role: v.role });
      setCreating(false);
      setCreated(k);
      // the list keeps only what the server lists: never the key itself
      const { key: _secret, ...listed } = k;
      setRows((prev) => [listed, ...prev]);
    });

  const revoke = useMutation({
    mutationFn: (k: ApiKey) => adminApi.revokeApiKey(k.id),
    onSuccess: (_, k) => {
      message.success(t('admin.keys.revoked', { name: k.name }));
      refetch();
    },
    onError: (err) => void message.error(errorMessage(err, t)),
  });

  return (
    <AdminTablePage<ApiKey>
      testId="admin-api-keys"
      help={t('admin.keys.help')}
      add={<AddButton label={t('admin.keys.create')} onClick={() => setCreating(true)} testId="api-key-new" />}
      error={error}
      table={{
        loading,
        dataSource: keys,
        scroll: { x: 760 },
        'data-testid': 'api-keys-table',
        locale: { emptyText: t('admin.keys.empty') },
        columns: [
          { key: 'name', title: t('admin.keys.name'), render: (_, k) => <Typography.Text delete={!!k.revokedAt}>{k.name}</Typography.Text> },
          { key: 'prefix', title: t('admin.keys.prefix'), width: 150, render: (_, k) => <Typography.Text code>{k.prefix}…</Typography.Text> },
          { key: 'role', title: t('admin.users.role'), width: 100, render: (_, k) => <Tag>{t(`role.${k.role}`)}</Tag> },
          { key: 'created', title: t('field.createdAt'), width: 150, render: (_, k) => formatDateTime(k.createdAt) },
          { key: 'used', title: t('admin.keys.lastUsed'), width: 150, render: (_, k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('admin.keys.neverUsed')) },
          {
            key: 'actions',
            title: '',
            width: 110,
            render: (_, k) => <KeyRevokeCell name={k.name} revokedAt={k.revokedAt} help={t('admin.keys.revokeHelp')} testId="api-key" onRevoke={() => revoke.mutate(k)} />,
          },
        ],
      } as TableProps<ApiKey>}
    >
      <AdminFormModal
        open={creating}
        title={t('admin.keys.create')}
        okText={t('admin.keys.createOk')}
        onOk={create}
        onCancel={() => setCreating(false)}
        busy={busy}
        okTestId="api-key-create-ok"
        general={general}
        clearGeneral={() => setGeneral(null)}
      >
        <Form form={form} initialValues={{ name: '', role: 'agent' }} layout="vertical" preserve={false}>
          <Form.Item name="name" label={t('admin.keys.name')} extra={t('admin.keys.nameHelp')} rules={[{ required: true, whitespace: true, message: t('customers.nameRequired') }]}>
            <Input data-testid="api-key-name" maxLength={200} />
          </Form.Item>
          <Form.Item name="role" label={t('admin.users.role')}>
            <Select data-testid="api-key-role" options={KEY_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
        </Form>
      </AdminFormModal>
      <NewKeyModal created={created} onClose={() => setCreated(null)} />
    </AdminTablePage>
  );
}
