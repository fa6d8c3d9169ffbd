import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Modal, Popconfirm, Space, Table, TreeSelect, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templatesApi } from '../api/endpoints';
import type { ReplyTemplate } from '../api/types';
import { errorMessage } from '../common/api-errors';
import { useCategoryTree, useLocalName, useLookups } from '../common/lookups';
import { useFormSubmit } from '../common/use-form-submit';
import { formatDateTime } from '../i18n/format';
import { htmlToText, textToHtml } from '../tickets/detail/draft';
import { confirmIcon } from '../common/quiet-icons';

// Administration › 快捷回复: the reply templates agents pick in the reply box — list, search by name,
// add, change, delete (admins and supervisors; the server enforces it). Written as plain text, stored
// as the comment HTML the reply box reads back.

/** One page of the list; the API gives at most 200 at a time. */
const PAGE = 100;

interface FormValues {
  name: string;
  text: string;
  categoryId?: string | null;
}

function TemplateModal({ editing, onClose, onSaved }: { editing: ReplyTemplate | 'new' | null; onClose: () => void; onSaved: (t: ReplyTemplate, created: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const categoryTree = useCategoryTree();
  const { busy, general, setGeneral, submit } = useFormSubmit(form, ['name', 'categoryId']);
  useEffect(() => {
    if (!editing) return;
    setGeneral(null);
    form.setFieldsValue(editing === 'new' ? { name: '', text: '', categoryId: undefined } : { name: editing.name, text: htmlToText(editing.body), categoryId: editing.categoryId ?? undefined });
  }, [editing, form, setGeneral]);
  const save = () =>
    submit(async (v) => {
      const body = { name: v.name.trim(), body: textToHtml(v.text.trim()), categoryId: v.categoryId ?? null };
      const saved = editing === 'new' ? await templatesApi.create(body) : await templatesApi.update((editing as ReplyTemplate).id, body);
      onSaved(saved, editing === 'new');
    });
  return (
    <Modal
      open={!!editing}
      title={editing === 'new' ? t('admin.templates.add') : t('admin.templates.editTitle')}
      onCancel={onClose}
      onOk={save}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
      okButtonProps={{ 'data-testid': 'template-save' } as never}
    >
      {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark={false} data-testid="template-form">
        <Form.Item name="name" label={t('admin.templates.name')} rules={[{ required: true, whitespace: true, message: t('admin.templates.nameRequired') }]}>
          <Input maxLength={200} data-testid="template-name" />
        </Form.Item>
        <Form.Item name="text" label={t('admin.templates.body')} rules={[{ required: true, whitespace: true, message: t('admin.templates.bodyRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} data-testid="template-body" />
        </Form.Item>
        <Form.Item name="categoryId" label={t('admin.templates.category')}>
          <TreeSelect allowClear treeData={categoryTree} showSearch={{ treeNodeFilterProp: 'title' }} data-testid="template-category" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ReplyTemplatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { categoryById } = useLookups();
  const name = useLocalName();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<ReplyTemplate[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<ReplyTemplate | 'new' | null>(null);

  const load = useCallback(
    (offset: number) => {
      setLoading(true);
      setError(null);
      templatesApi
        .list(q || undefined, { limit: PAGE, offset })
        .then((r) => {
          setItems((prev) => (offset ? [...prev, ...r.items] : r.items));
          setMore(r.items.length === PAGE);
        })
        .catch(setError)
        .finally(() => setLoading(false));
    },
    [q],
  );
  useEffect(() => load(0), [load]);

  const remove = (tpl: ReplyTemplate) =>
    templatesApi
      .remove(tpl.id)
      .then(() => {
        setItems((prev) => prev.filter((x) => x.id !== tpl.id));
        message.success(t('admin.templates.deleted'));
      })
      .catch((err) => message.error(errorMessage(err, t)));

  return (
    <Flex vertical gap={12} data-testid="reply-templates-page">
      <Typography.Text type="secondary">{t('admin.templates.intro')}</Typography.Text>
      <Flex justify="space-between" gap={8} wrap>
        <Input.Search allowClear placeholder={t('admin.templates.search')} onSearch={(v) => setQ(v.trim())} style={{ maxWidth: 280 }} data-testid="template-search" />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="template-add">
          {t('admin.templates.add')}
        </Button>
      </Flex>
      {error != null && <Alert type="error" showIcon title={errorMessage(error, t)} action={<Button onClick={() => load(0)}>{t('app.retry')}</Button>} />}
      <Table<ReplyTemplate>
        rowKey="id"
        size="middle"
        loading={loading && !items.length}
        dataSource={items}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('admin.templates.empty') }}
        onRow={(r) => ({ 'data-testid': `template-row-${r.name}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'name', title: t('admin.templates.name'), width: 180, render: (_, r) => <Typography.Text strong>{r.name}</Typography.Text> },
          { key: 'body', title: t('admin.templates.body'), ellipsis: true, render: (_, r) => htmlToText(r.body) },
          { key: 'category', title: t('admin.templates.category'), width: 140, render: (_, r) => (r.categoryId && categoryById.has(r.categoryId) ? name(categoryById.get(r.categoryId)) : '') },
          { key: 'updatedAt', title: t('admin.templates.updatedAt'), width: 160, render: (_, r) => (r.updatedAt ? formatDateTime(r.updatedAt) : '') },
          {
            key: 'actions',
            title: '',
            width: 120,
            render: (_, r) => (
              <Space size={4}>
                <Button size="small" type="text" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(r)} aria-label={t('app.edit')} data-testid="template-edit" />
                <Popconfirm icon={confirmIcon} title={t('admin.templates.confirmDelete', { name: r.name })} okText={t('app.delete')} cancelText={t('app.cancel')} onConfirm={() => remove(r)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('app.delete')} data-testid="template-delete" />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {more && (
        <Flex justify="center">
          <Button size="small" loading={loading} onClick={() => load(items.length)} data-testid="template-more">
            {t('list.loadMore')}
          </Button>
        </Flex>
      )}
      <TemplateModal
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved, created) => {
          setEditing(null);
          setItems((prev) => (created ? [...prev, saved].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) : prev.map((x) => (x.id === saved.id ? saved : x))));
          message.success(created ? t('admin.templates.created') : t('admin.templates.saved'));
        }}
      />
    </Flex>
  );
}
