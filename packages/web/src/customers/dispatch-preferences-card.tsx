import { CloseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Select, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPATCH_KEYS, dispatchApi, type PreferenceOwner } from '../admin/dispatch/dispatch-api';
import type { Me } from '../api/types';
import { CloseIcon, useSelectClear } from '../common/quiet-icons';
import { useFormSubmit } from '../common/use-form-submit';

// 客户偏好 on a contact's or an organization's page: the engineers dispatch prefers for this customer
// (指定工程师) and the people it never sends (排除人员). Admins and supervisors only (the server checks too).

export const canEditPreferences = (me: Me) => me.role === 'admin' || me.role === 'supervisor';

type Values = { preferredUserIds: string[]; excludedUserIds: string[] };
const KNOWN = ['preferredUserIds', 'excludedUserIds'];

export function DispatchPreferencesCard({ owner }: { owner: PreferenceOwner }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const selectClear = useSelectClear();
  const removeTag = <CloseOutlined aria-label={t('app.delete')} />;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const key = DISPATCH_KEYS.preferences(owner);
  const prefs = useQuery({ queryKey: key, queryFn: () => dispatchApi.preferences(owner) });
  const staff = useQuery({ queryKey: DISPATCH_KEYS.profiles, queryFn: () => dispatchApi.profiles() });
  const { busy, general, setGeneral, submit } = useFormSubmit(form, KNOWN);
  const preferred = Form.useWatch('preferredUserIds', form) ?? [];
  const excluded = Form.useWatch('excludedUserIds', form) ?? [];
  useEffect(() => {
    if (prefs.data) form.setFieldsValue({ preferredUserIds: prefs.data.preferredUserIds, excludedUserIds: prefs.data.excludedUserIds });
  }, [prefs.data, form]);
  const people = useMemo(() => (staff.data?.items ?? []).map((p) => ({ value: p.userId, label: p.name })), [staff.data]);
  // a person is on one list at most: the other list does not offer them
  const without = (ids: string[]) => people.map((o) => ({ ...o, disabled: ids.includes(o.value) }));

  const save = () =>
    submit(async (v) => {
      const saved = await dispatchApi.putPreferences(owner, { preferredUserIds: v.preferredUserIds ?? [], excludedUserIds: v.excludedUserIds ?? [] });
      queryClient.setQueryData(key, saved);
      message.success(t('dispatch.preferences.saved'));
    });

  return (
    <Card size="small" title={t('dispatch.preferences.title')} data-testid="dispatch-preferences" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('dispatch.preferences.hint')}
      </Typography.Paragraph>
      {!!(general || prefs.error) && (
        <Alert type="error" showIcon title={general ?? t('errors.generic')} closable={{ onClose: () => setGeneral(null), closeIcon: <CloseIcon /> }} style={{ marginBottom: 8 }} data-testid="preferences-error" />
      )}
      <Form form={form} layout="vertical" requiredMark={false} disabled={prefs.isPending}>
        <Form.Item name="preferredUserIds" label={t('dispatch.preferences.preferred')}>
          <Select mode="multiple" removeIcon={removeTag} allowClear={selectClear} optionFilterProp="label" placeholder={t('dispatch.preferences.none')} options={without(excluded)} loading={staff.isPending} data-testid="preferences-preferred" />
        </Form.Item>
        <Form.Item name="excludedUserIds" label={t('dispatch.preferences.excluded')}>
          <Select mode="multiple" removeIcon={removeTag} allowClear={selectClear} optionFilterProp="label" placeholder={t('dispatch.preferences.none')} options={without(preferred)} loading={staff.isPending} data-testid="preferences-excluded" />
        </Form.Item>
        <Flex justify="end">
          <Button type="primary" size="small" loading={busy} onClick={() => void save()} data-testid="preferences-save">
            {t('dispatch.preferences.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
