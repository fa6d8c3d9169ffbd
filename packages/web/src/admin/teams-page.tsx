import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Select, Tag, Typography, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peopleApi } from '../api/endpoints';
import type { Team, User } from '../api/types';
import { useMe } from '../auth/auth-context';
import { useLookups, useUserNames } from '../common/lookups';
import { canEditTeams, isAdmin } from './access';
import { AddButton, AdminFormModal, AdminTablePage } from './admin-table';
import { useFormSubmit } from '../common/use-form-submit';

// Skill groups: name, description, skills, members. Admins create; admins and supervisors change.

interface Values {
  name: string;
  description?: string;
  skills: string[];
  memberIds: string[];
}

function TeamModal({ team, open, onClose, onSaved }: { team: Team | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { busy, general, setGeneral, submit: submitForm } = useFormSubmit(form, ['name', 'description', 'skills', 'memberIds']);
  // the staff to choose from; members are shown by name even when not among them
  const [users, setUsers] = useState<User[]>([]);
  useEffect(() => {
    if (!open) return;
    let live = true;
    peopleApi
      .users(undefined, 500)
      .then((r) => live && setUsers(r.items))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [open]);
  const members = useUserNames(team?.memberIds ?? []);
  const staff = users.filter((u) => u.role !== 'customer' && (u.active || team?.memberIds.includes(u.id)));
  for (const id of team?.memberIds ?? []) {
    const m = members.get(id);
    if (m && !staff.some((u) => u.id === id)) staff.push(m);
  }

  const submit = () =>
    submitForm(async (v) => {
      const body = { name: v.name.trim(), description: v.description ?? '', skills: v.skills ?? [], memberIds: v.memberIds ?? [] };
      if (team) await peopleApi.updateTeam(team.id, body);
      else await peopleApi.createTeam(body);
      onSaved();
    });

  return (
    <AdminFormModal
      open={open}
      title={team ? t('admin.teams.edit') : t('admin.teams.create')}
      onOk={submit}
      onCancel={onClose}
      busy={busy}
      okTestId="team-form-ok"
      general={general}
      clearGeneral={() => setGeneral(null)}
    >
      <Form form={form} initialValues={{ name: team?.name ?? '', description: team?.description ?? '', skills: team?.skills ?? [], memberIds: team?.memberIds ?? [] }} layout="vertical" preserve={false} data-testid="team-form">
        <Form.Item name="name" label={t('admin.teams.name')} rules={[{ required: true, whitespace: true, message: t('customers.nameRequired') }]}>
          <Input data-testid="team-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('admin.teams.description')}>
          <Input.TextArea data-testid="team-description" rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="skills" label={t('admin.teams.skills')}>
          <Select data-testid="team-skills" mode="tags" open={false} placeholder={t('list.tagPlaceholder')} />
        </Form.Item>
        <Form.Item name="memberIds" label={t('admin.teams.members')}>
          <Select data-testid="team-members" mode="multiple" allowClear optionFilterProp="label" options={staff.map((u) => ({ value: u.id, label: `${u.name}（${u.email}）` }))} />
        </Form.Item>
      </Form>
    </AdminFormModal>
  );
}

export default function TeamsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { teams, reload } = useLookups();
  const userById = useUserNames(teams.flatMap((x) => x.memberIds));
  const [editing, setEditing] = useState<Team | null | 'new'>(null);
  const editable = canEditTeams(me);

  return (
    <AdminTablePage<Team>
      testId="admin-teams"
      help={t('admin.teams.help')}
      add={isAdmin(me) && <AddButton label={t('admin.teams.create')} onClick={() => setEditing('new')} testId="team-new" />}
      notice={!teams.length && <Alert type="info" showIcon title={t('admin.teams.empty')} />}
      table={{
        dataSource: teams,
        scroll: { x: 720 },
        'data-testid': 'teams-table',
        columns: [
          { key: 'name', title: t('admin.teams.name'), width: 160, render: (_, x) => <Typography.Text strong>{x.name}</Typography.Text> },
          { key: 'description', title: t('admin.teams.description'), ellipsis: true, render: (_, x) => x.description },
          { key: 'skills', title: t('admin.teams.skills'), width: 200, render: (_, x) => x.skills.map((s) => <Tag key={s}>{s}</Tag>) },
          {
            key: 'members',
            title: t('admin.teams.members'),
            width: 240,
            render: (_, x) => (
              <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 230 }}>
                {x.memberIds.map((id) => userById.get(id)?.name ?? '…').join('、') || t('app.none')}
              </Typography.Text>
            ),
          },
          ...(editable
            ? [
                {
                  key: 'actions',
                  title: '',
                  width: 60,
                  render: (_: unknown, x: Team) => <Button size="small" type="text" icon={<EditOutlined aria-hidden />} aria-label={t('app.edit')} onClick={() => setEditing(x)} data-testid={`team-edit-${x.name}`} />,
                },
              ]
            : []),
        ],
      } as TableProps<Team>}
    >
      <TeamModal
        open={editing !== null}
        team={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(t('detail.saved'));
          reload();
        }}
      />
    </AdminTablePage>
  );
}
