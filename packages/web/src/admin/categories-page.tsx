import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Switch, Tag, TreeSelect, Typography, type TableProps } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogApi, type CategoryInput } from '../api/endpoints';
import type { Category } from '../api/types';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { useLocalName, useLookups } from '../common/lookups';
import { isAdmin } from './access';
import { AddButton, AdminFormModal, AdminTablePage, useAdminList } from './admin-table';
import { useFormSubmit } from '../common/use-form-submit';
import { NO_STEP_BUTTONS } from '../common/quiet-icons';

// The category tree (up to five levels): add a top-level or child category, rename, move under
// another parent, reorder, (de)activate. Admins change; supervisors read.

interface Values {
  nameZh: string;
  nameEn?: string;
  parentId?: string | null;
  position?: number;
  active: boolean;
}

/** Where a category may move: anywhere but under itself or its own descendants. */
export function moveTargets(nodes: Category[], moving: string | null, name: (c: Category) => string): { value: string; title: string; disabled?: boolean; children?: ReturnType<typeof moveTargets> }[] {
  return nodes
    .filter((n) => n.id !== moving)
    .map((n) => ({ value: n.id, title: name(n), children: n.children?.length ? moveTargets(n.children, moving, name) : undefined }));
}

type Editing = { mode: 'create'; parentId: string | null } | { mode: 'edit'; category: Category };

function CategoryModal({ editing, tree, onClose, onSaved }: { editing: Editing | null; tree: Category[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const name = useLocalName();
  const [form] = Form.useForm<Values>();
  const { busy, general, setGeneral, submit: submitForm } = useFormSubmit(form, ['nameZh', 'nameEn', 'parentId', 'position', 'active']);
  const moving = editing?.mode === 'edit' ? editing.category.id : null;
  const targets = useMemo(() => moveTargets(tree, moving, name), [tree, moving, name]);

  const submit = () =>
    submitForm(async (v) => {
      const body: CategoryInput = { nameZh: v.nameZh.trim(), nameEn: v.nameEn?.trim() ?? '', parentId: v.parentId ?? null, active: v.active, ...(v.position != null ? { position: v.position } : {}) };
      if (editing?.mode === 'edit') await catalogApi.updateCategory(editing.category.id, body);
      else await catalogApi.createCategory(body);
      onSaved();
    });

  return (
    <AdminFormModal
      open={!!editing}
      title={editing?.mode === 'edit' ? t('admin.categories.edit') : t('admin.categories.create')}
      onOk={submit}
      onCancel={onClose}
      busy={busy}
      okTestId="category-form-ok"
      general={general}
      clearGeneral={() => setGeneral(null)}
    >
      <Form form={form} initialValues={editing?.mode === 'edit'
            ? { nameZh: editing.category.nameZh, nameEn: editing.category.nameEn, parentId: editing.category.parentId, position: editing.category.position, active: editing.category.active }
            : { nameZh: '', nameEn: '', parentId: editing?.mode === 'create' ? editing.parentId : null, active: true }} layout="vertical" preserve={false} data-testid="category-form">
        <Form.Item name="nameZh" label={t('admin.nameZh')} rules={[{ required: true, whitespace: true, message: t('customers.nameRequired') }]}>
          <Input data-testid="category-name-zh" maxLength={200} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.nameEn')}>
          <Input data-testid="category-name-en" maxLength={200} />
        </Form.Item>
        <Form.Item name="parentId" label={t('admin.categories.parent')} extra={t('admin.categories.parentHelp')}>
          <TreeSelect data-testid="category-parent" allowClear treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} treeData={targets} placeholder={t('admin.categories.topLevel')} popupMatchSelectWidth={false} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="position" label={t('admin.position')} extra={t('admin.positionHelp')} style={{ flex: 1, minWidth: 160 }}>
            <InputNumber controls={NO_STEP_BUTTONS} data-testid="category-position" min={0} max={1_000_000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="active" label={t('admin.active')} valuePropName="checked" extra={t('admin.categories.activeHelp')} style={{ flex: 1, minWidth: 160 }}>
            <Switch data-testid="category-active" />
          </Form.Item>
        </Flex>
      </Form>
    </AdminFormModal>
  );
}

export default function CategoriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const admin = isAdmin(me);
  const lookups = useLookups();
  const { rows: tree, loading, error, refetch } = useAdminList(['admin', 'categories'], catalogApi.categories);
  const [editing, setEditing] = useState<Editing | null>(null);
  const changed = () => {
    refetch();
    lookups.reload();
  };

  const toggle = useMutation({
    mutationFn: ({ c, active }: { c: Category; active: boolean }) => catalogApi.updateCategory(c.id, { active }),
    onSuccess: changed,
    onError: (err) => void message.error(errorMessage(err, t)),
  });

  // Table wants no empty children arrays (they would show an expander)
  const rows = useMemo(() => {
    const strip = (nodes: Category[]): Category[] => nodes.map((n) => ({ ...n, children: n.children?.length ? strip(n.children) : undefined }));
    return strip(tree);
  }, [tree]);

  return (
    <AdminTablePage<Category>
      testId="admin-categories"
      help={t('admin.categories.help')}
      add={admin && <AddButton label={t('admin.categories.createTop')} onClick={() => setEditing({ mode: 'create', parentId: null })} testId="category-new" />}
      error={error}
      table={
        !loading &&
        ({
          size: 'small',
          dataSource: rows,
          expandable: { defaultExpandAllRows: true },
          scroll: { x: 640 },
          'data-testid': 'categories-table',
          locale: { emptyText: t('admin.categories.empty') },
          columns: [
            {
              key: 'nameZh',
              title: t('admin.nameZh'),
              render: (_, c) => (
                <Typography.Text type={c.active ? undefined : 'secondary'} data-testid={`category-${c.nameZh}`}>
                  {c.nameZh} {!c.active && <Tag>{t('admin.inactive')}</Tag>}
                </Typography.Text>
              ),
            },
            { key: 'nameEn', title: t('admin.nameEn'), width: 200, render: (_, c) => c.nameEn },
            { key: 'position', title: t('admin.position'), width: 80, render: (_, c) => c.position },
            {
              key: 'active',
              title: t('admin.active'),
              width: 80,
              render: (_, c) => <Switch size="small" checked={c.active} disabled={!admin} onChange={(active) => toggle.mutate({ c, active })} />,
            },
            ...(admin
              ? [
                  {
                    key: 'actions',
                    title: '',
                    width: 170,
                    render: (_: unknown, c: Category) => (
                      <Flex gap={4}>
                        <Button size="small" type="link" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ mode: 'create', parentId: c.id })} data-testid={`category-add-child-${c.nameZh}`}>
                          {t('admin.categories.addChild')}
                        </Button>
                        <Button size="small" type="text" icon={<EditOutlined aria-hidden />} aria-label={t('app.edit')} onClick={() => setEditing({ mode: 'edit', category: c })} data-testid={`category-edit-${c.nameZh}`} />
                      </Flex>
                    ),
                  },
                ]
              : []),
          ],
        } as TableProps<Category>)
      }
    >
      <CategoryModal
        editing={editing}
        tree={tree}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          message.success(t('detail.saved'));
          changed();
        }}
      />
    </AdminTablePage>
  );
}
