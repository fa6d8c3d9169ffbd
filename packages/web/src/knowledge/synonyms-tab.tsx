import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../api/client';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { confirmIcon } from '../common/quiet-icons';
import { useFormSubmit } from '../common/use-form-submit';
import { formatDateTime } from '../i18n/format';
import { kbApi } from './kb-api';
import type { KbSynonym } from './kb-types';

// 知识库 › 同义词: the tenant's search synonyms (a query with the word also finds what the articles say
// instead: 登陆 → 登录). Every staff member reads them; admins add, change and delete (the server decides).

interface FormValues {
  term: string;
  synonyms: string[];
}

/** Separators a pasted list may use: commas, the Chinese enumeration comma, semicolons. */
const SEPARATORS = [',', '，', '、', ';', '；'];

function SynonymModal({ editing, onClose, onSaved }: { editing: KbSynonym | 'new' | null; onClose: () => void; onSaved: (s: KbSynonym, created: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  // the server's own words for this form: a term that already has an entry, a synonym equal to its term
  const describe = (issue: FieldIssue) =>
    issue.code === 'CONFLICT' && issue.field === 'term' ? t('kb.synonyms.termTaken') : issue.code === 'VALIDATION_FAILED' && issue.field === 'synonyms' ? t('kb.synonyms.sameAsTerm') : null;
  const { busy, general, setGeneral, submit } = useFormSubmit(form, ['term', 'synonyms'], { describe });
  useEffect(() => {
    if (!editing) return;
    setGeneral(null);
    form.resetFields();
    form.setFieldsValue(editing === 'new' ? { term: '', synonyms: [] } : { term: editing.term, synonyms: editing.synonyms });
  }, [editing, form, setGeneral]);
  const save = () =>
    submit(async (v) => {
      const body = { term: v.term.trim(), synonyms: v.synonyms.map((s) => s.trim()).filter(Boolean) };
      const saved = editing === 'new' ? await kbApi.createSynonym(body) : await kbApi.updateSynonym((editing as KbSynonym).id, body);
      onSaved(saved, editing === 'new');
    });
  return (
    <Modal
      open={!!editing}
      title={editing === 'new' ? t('kb.synonyms.add') : t('kb.synonyms.editTitle')}
      onCancel={onClose}
      onOk={save}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
      okButtonProps={{ 'data-testid': 'synonym-save' } as never}
    >
      {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} data-testid="synonym-error" />}
      <Form form={form} layout="vertical" requiredMark={false} data-testid="synonym-form">
        <Form.Item name="term" label={t('kb.synonyms.term')} extra={t('kb.synonyms.termHint')} rules={[{ required: true, whitespace: true, message: t('kb.synonyms.termRequired') }]}>
          <Input maxLength={100} data-testid="synonym-term" />
        </Form.Item>
        <Form.Item name="synonyms" label={t('kb.synonyms.synonyms')} extra={t('kb.synonyms.synonymsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('kb.synonyms.synonymsRequired') }]}>
          <Select mode="tags" tokenSeparators={SEPARATORS} maxCount={20} data-testid="synonym-synonyms" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SynonymsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const admin = useMe().role === 'admin';
  const [items, setItems] = useState<KbSynonym[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<KbSynonym | 'new' | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    setError(null);
    kbApi
      .synonyms()
      .then((r) => setItems(r.items))
      .catch(setError)
      .finally(() => setLoading(false));
  }, []);
  useEffect(load, [load]);

  const remove = (s: KbSynonym) =>
    kbApi
      .removeSynonym(s.id)
      .then(() => {
        setItems((prev) => prev.filter((x) => x.id !== s.id));
        message.success(t('kb.synonyms.deleted'));
      })
      .catch((err) => message.error(errorMessage(err, t)));

  const saved = (s: KbSynonym, created: boolean) => {
    setItems((prev) => (created ? [...prev, s] : prev.map((x) => (x.id === s.id ? s : x))).sort((a, b) => a.term.localeCompare(b.term, 'zh-CN')));
    setEditing(null);
    message.success(t('kb.synonyms.saved'));
  };

  return (
    <Flex vertical gap={12} data-testid="kb-synonyms">
      <Flex justify="space-between" gap={8} wrap align="center">
        <Typography.Text type="secondary">{t('kb.synonyms.intro')}</Typography.Text>
        {admin && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="synonym-add">
            {t('kb.synonyms.add')}
          </Button>
        )}
      </Flex>
      {!admin && <Typography.Text type="secondary">{t('kb.synonyms.adminsOnly')}</Typography.Text>}
      {error != null && <Alert type="error" showIcon title={errorMessage(error, t)} action={<Button onClick={load}>{t('app.retry')}</Button>} />}
      <Table<KbSynonym>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('kb.synonyms.empty') }}
        onRow={(r) => ({ 'data-testid': `synonym-row-${r.term}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'term', title: t('kb.synonyms.term'), width: 160, render: (_, r) => <Typography.Text strong>{r.term}</Typography.Text> },
          { key: 'synonyms', title: t('kb.synonyms.synonyms'), render: (_, r) => r.synonyms.map((s) => <Tag key={s}>{s}</Tag>) },
          { key: 'updatedAt', title: t('kb.column.updatedAt'), width: 160, render: (_, r) => formatDateTime(r.updatedAt) },
          ...(admin
            ? [
                {
                  key: 'actions',
                  title: '',
                  width: 100,
                  render: (_: unknown, r: KbSynonym) => (
                    <Space size={4}>
                      <Button size="small" type="text" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(r)} aria-label={t('app.edit')} data-testid="synonym-edit" />
                      <Popconfirm icon={confirmIcon} title={t('kb.synonyms.confirmDelete', { term: r.term })} okText={t('app.delete')} cancelText={t('app.cancel')} onConfirm={() => remove(r)}>
                        <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('app.delete')} data-testid="synonym-delete" />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <SynonymModal editing={editing} onClose={() => setEditing(null)} onSaved={saved} />
    </Flex>
  );
}
