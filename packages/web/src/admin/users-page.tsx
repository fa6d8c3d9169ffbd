import { EditOutlined, KeyOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Select, Switch, Tag, Typography, type TableProps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peopleApi, type UserChanges, type UserInput } from '../api/endpoints';
import { ROLES, SCOPES, type User } from '../api/types';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { useLookups } from '../common/lookups';
import { resolveContact, searchContacts } from '../common/people-search';
import { RemoteSelect } from '../common/remote-select';
import { isAdmin } from './access';
import { AddButton, AdminFormModal, AdminTablePage, useAdminList } from './admin-table';
import { useFormSubmit } from '../common/use-form-submit';

// Users: role, visibility scope (agents and engineers), skill groups, active; create, change,
// reset a password. Admins change; supervisors read.

interface Values {
  email: string;
  name: string;
  role: User['role'];
  scope: User['scope'];
  phone?: string;
  password?: string;
  locale: NonNullable<UserInput['locale']>;
  teamIds: string[];
  contactId?: string;
}

const KNOWN = ['email', 'name', 'role', 'scope', 'phone', 'password', 'locale', 'teamIds', 'contactId'];
/** Admins and supervisors always see every ticket; the scope matters for the others. */
const scoped = (role: string | undefined) => role === 'agent' || role === 'engineer';

function UserModal({ user, open, onClose, onSaved }: { user: User | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { teams, reload } = useLookups();
  const { busy, general, setGeneral, submit: submitForm } = useFormSubmit(form, KNOWN);
  const role = Form.useWatch('role', form);

  const submit = () =>
    submitForm(async (v) => {
      if (user) {
        // the user's teams change with the rest, in one request (one transaction on the server)
        const body: UserChanges = { name: v.name.trim(), phone: v.phone?.trim() ?? '', role: v.role, scope: v.scope, locale: v.locale, teamIds: v.teamIds ?? [] };
        await peopleApi.updateUser(user.id, body);
      } else {
        const body: UserInput = {
          email: v.email.trim(),
          name: v.name.trim(),
          role: v.role,
          scope: v.scope,
          locale: v.locale,
          teamIds: v.teamIds ?? [],
          ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
          ...(v.password ? { password: v.password } : {}),
          ...(v.role === 'customer' && v.contactId ? { contactId: v.contactId } : {}),
        };
        await peopleApi.createUser(body);
      }
      reload();
      onSaved();
    });

  return (
    <AdminFormModal
      open={open}
      title={user ? t('admin.users.edit') : t('admin.users.create')}
      onOk={submit}
      onCancel={onClose}
      busy={busy}
      okTestId="user-form-ok"
      general={general}
      generalTestId="user-form-error"
      clearGeneral={() => setGeneral(null)}
    >
      <Form form={form} initialValues={user
            ? { email: user.email, name: user.name, role: user.role, scope: user.scope, phone: user.phone ?? '', locale: user.locale, teamIds: user.teamIds }
            : { role: 'agent', scope: 'team', locale: 'zh-CN', teamIds: [] }} layout="vertical" preserve={false} data-testid="user-form">
        <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, type: 'email', message: t('admin.users.emailInvalid') }]}>
          <Input data-testid="user-email" disabled={!!user} maxLength={320} />
        </Form.Item>
        <Form.Item name="name" label={t('admin.users.name')} rules={[{ required: true, whitespace: true, message: t('customers.nameRequired') }]}>
          <Input data-testid="user-name" maxLength={200} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="role" label={t('admin.users.role')} style={{ flex: 1, minWidth: 160 }}>
            <Select
              data-testid="user-role"
              options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              onChange={(r: string) => form.setFieldValue('scope', r === 'engineer' ? 'own' : r === 'agent' ? 'team' : 'all')}
            />
          </Form.Item>
          <Form.Item name="scope" label={t('admin.users.scope')} style={{ flex: 1, minWidth: 160 }} extra={scoped(role) ? undefined : t('admin.users.scopeManagers')}>
            <Select data-testid="user-scope" disabled={!scoped(role)} options={SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))} />
          </Form.Item>
        </Flex>
        {role === 'customer' && !user && (
          <Form.Item name="contactId" label={t('admin.users.contact')} rules={[{ required: true, message: t('admin.users.contactRequired') }]}>
            <RemoteSelect testId="user-contact" search={searchContacts} resolve={resolveContact} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="teamIds" label={t('admin.users.teams')}>
          <Select data-testid="user-teams" mode="multiple" allowClear optionFilterProp="label" options={teams.map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="phone" label={t('admin.users.phone')} style={{ flex: 1, minWidth: 160 }}>
            <Input data-testid="user-phone" maxLength={40} />
          </Form.Item>
          <Form.Item name="locale" label={t('app.language')} style={{ flex: 1, minWidth: 160 }}>
            <Select data-testid="user-locale" options={[{ value: 'zh-CN', label: '简体中文' }, { value: 'en-US', label: 'English' }]} />
          </Form.Item>
        </Flex>
        {!user && (
          <Form.Item name="password" label={t('admin.users.initialPassword')} extra={t('admin.users.passwordHelp')}>
            <Input.Password data-testid="user-password" autoComplete="new-password" maxLength={1024} />
          </Form.Item>
        )}
      </Form>
    </AdminFormModal>
  );
}

function PasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const { busy, general, setGeneral, submit: submitForm } = useFormSubmit(form, ['password']);
  const submit = () =>
    submitForm(async (v) => {
      if (!user) return;
      await peopleApi.updateUser(user.id, { password: v.password });
      message.success(t('admin.users.passwordReset'));
      onClose();
    });
  return (
    <AdminFormModal
      open={!!user}
      title={t('admin.users.resetPasswordFor', { name: user?.name ?? '' })}
      onOk={submit}
      onCancel={onClose}
      busy={busy}
      okTestId="password-ok"
      general={general}
      clearGeneral={() => setGeneral(null)}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="password" label={t('admin.users.newPassword')} extra={t('admin.users.passwordHelp')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password data-testid="password-new" autoComplete="new-password" maxLength={1024} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('admin.users.confirmPassword')}
          dependencies={['password']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: string) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('admin.users.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password data-testid="password-confirm" autoComplete="new-password" maxLength={1024} />
        </Form.Item>
      </Form>
    </AdminFormModal>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const admin = isAdmin(me);
  const { teamById } = useLookups();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | undefined>();
  const { rows: users, loading, error, refetch, setRows } = useAdminList(['admin', 'users', q, role], () => peopleApi.users(q || undefined, 500, { role }));
  const [editing, setEditing] = useState<User | null | 'new'>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const toggleActive = useMutation({
    mutationFn: ({ u, active }: { u: User; active: boolean }) => peopleApi.updateUser(u.id, { active }),
    onSuccess: (updated, { u, active }) => {
      setRows((prev) => prev.map((x) => (x.id === u.id ? { ...x, ...updated } : x)));
      message.success(active ? t('admin.users.activated', { name: u.name }) : t('admin.users.deactivated', { name: u.name }));
    },
    onError: (err) => void message.error(errorMessage(err, t)),
  });

  return (
    <AdminTablePage<User>
      testId="admin-users"
      start={
        <Flex gap={8} wrap>
          <Input.Search allowClear placeholder={t('admin.users.search')} onSearch={(v) => setQ(v.trim())} style={{ width: 260 }} data-testid="users-search" />
          <Select allowClear placeholder={t('admin.users.allRoles')} value={role} onChange={setRole} style={{ width: 150 }} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} data-testid="users-role" />
        </Flex>
      }
      add={admin && <AddButton label={t('admin.users.create')} onClick={() => setEditing('new')} testId="user-new" />}
      error={error}
      table={{
        loading,
        dataSource: users,
        pagination: { pageSize: 50, hideOnSinglePage: true, showSizeChanger: false },
        scroll: { x: 860 },
        'data-testid': 'users-table',
        columns: [
          { key: 'name', title: t('admin.users.name'), width: 140, render: (_, u) => <Typography.Text delete={!u.active}>{u.name}</Typography.Text> },
          { key: 'email', title: t('auth.email'), ellipsis: true, render: (_, u) => u.email },
          { key: 'role', title: t('admin.users.role'), width: 100, render: (_, u) => <Tag>{t(`role.${u.role}`)}</Tag> },
          { key: 'scope', title: t('admin.users.scope'), width: 140, render: (_, u) => (scoped(u.role) ? t(`scope.${u.scope}`, { defaultValue: u.scope }) : t('scope.all')) },
          { key: 'teams', title: t('admin.users.teams'), width: 180, render: (_, u) => u.teamIds.map((id) => <Tag key={id}>{teamById.get(id)?.name ?? '…'}</Tag>) },
          {
            key: 'active',
            title: t('admin.users.active'),
            width: 90,
            render: (_, u) => <Switch size="small" checked={u.active} disabled={!admin || u.id === me.id} onChange={(active) => toggleActive.mutate({ u, active })} data-testid={`user-active-${u.email}`} />,
          },
          ...(admin
            ? [
                {
                  key: 'actions',
                  title: '',
                  width: 100,
                  render: (_: unknown, u: User) => (
                    <Flex gap={4}>
                      <Button size="small" type="text" icon={<EditOutlined aria-hidden />} aria-label={t('app.edit')} onClick={() => setEditing(u)} data-testid={`user-edit-${u.email}`} />
                      <Button size="small" type="text" icon={<KeyOutlined aria-hidden />} aria-label={t('admin.users.resetPassword')} title={t('admin.users.resetPassword')} onClick={() => setResetting(u)} data-testid={`user-password-${u.email}`} />
                    </Flex>
                  ),
                },
              ]
            : []),
        ],
      } as TableProps<User>}
    >
      <UserModal
        open={editing !== null}
        user={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(t('detail.saved'));
          refetch();
        }}
      />
      <PasswordModal user={resetting} onClose={() => setResetting(null)} />
    </AdminTablePage>
  );
}
