import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, Menu, Modal, Popconfirm, Row, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogApi } from '../api/endpoints';
import { RESOLVE_REQUIREMENTS, type CustomField, type ResolveRequirement, type TicketType } from '../api/types';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { useLocalName, useLookups } from '../common/lookups';
import { isAdmin } from './access';
import { CustomFieldEditor } from './custom-field-editor';
import { reorder } from './custom-field-rules';
import { useFormSubmit } from '../common/use-form-submit';
import { confirmIcon } from '../common/quiet-icons';

// Ticket types and their custom fields. "All types" holds the fields every ticket has.

const GLOBAL = 'global';

function TicketTypeModal({ type, open, onClose, onSaved }: { type: TicketType | null; open: boolean; onClose: () => void; onSaved: (x: TicketType) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ key: string; nameZh: string; nameEn?: string; resolveRequires: ResolveRequirement[] }>();
  const { busy, general, setGeneral, submit: submitForm } = useFormSubmit(form, ['key', 'nameZh', 'nameEn', 'resolveRequires']);
  const submit = () =>
    submitForm(async (v) => {
      const body = { nameZh: v.nameZh.trim(), nameEn: v.nameEn?.trim() ?? '', resolveRequires: v.resolveRequires ?? [] };
      onSaved(type ? await catalogApi.updateTicketType(type.id, body) : await catalogApi.createTicketType({ ...body, key: v.key.trim() }));
    });
  return (
    <Modal
      open={open}
      title={type ? t('admin.types.edit') : t('admin.types.create')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'type-form-ok' } as never}
      destroyOnHidden
      afterClose={() => setGeneral(null)}
    >
      <Form
        form={form}
        initialValues={{ key: type?.key ?? '', nameZh: type?.nameZh ?? '', nameEn: type?.nameEn ?? '', resolveRequires: [...(type?.resolveRequires ?? RESOLVE_REQUIREMENTS)] }}
        layout="vertical"
        preserve={false}
        data-testid="type-form"
      >
        <Form.Item
          name="key"
          label={t('admin.types.key')}
          extra={type ? t('admin.fields.fixed') : t('admin.types.keyHelp')}
          rules={[{ required: true, pattern: /^[a-z0-9_-]+$/, message: t('admin.types.keyInvalid') }]}
        >
          <Input data-testid="type-key" disabled={!!type} maxLength={64} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('admin.nameZh')} rules={[{ required: true, whitespace: true, message: t('customers.nameRequired') }]}>
          <Input data-testid="type-name-zh" maxLength={200} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.nameEn')}>
          <Input data-testid="type-name-en" maxLength={200} />
        </Form.Item>
        <Form.Item name="resolveRequires" label={t('admin.types.resolveRequires')} extra={t('admin.types.resolveRequiresHelp')}>
          <Checkbox.Group data-testid="type-resolve-requires" options={RESOLVE_REQUIREMENTS.map((r) => ({ value: r, label: t(`admin.types.requirement.${r}`) }))} />
        </Form.Item>
      </Form>
      {general && <Alert type="error" showIcon title={general} />}
    </Modal>
  );
}

export default function TicketTypesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const admin = isAdmin(me);
  const name = useLocalName();
  const lookups = useLookups();
  const [types, setTypes] = useState<TicketType[]>([]);
  const [fields, setFields] = useState<CustomField[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string>(GLOBAL);
  const [editingType, setEditingType] = useState<TicketType | null | 'new'>(null);
  const [editingField, setEditingField] = useState<CustomField | null | 'new'>(null);

  const load = useCallback(() => {
    Promise.all([catalogApi.allTicketTypes(), catalogApi.customFields()])
      .then(([ty, f]) => {
        setTypes(ty.items);
        setFields(f.items);
      })
      .catch((e: unknown) => setError(e));
  }, []);
  useEffect(load, [load]);

  const typeId = selected === GLOBAL ? null : selected;
  const own = useMemo(() => fields.filter((f) => f.ticketTypeId === typeId).sort((a, b) => a.position - b.position), [fields, typeId]);
  const current = types.find((x) => x.id === selected) ?? null;

  const toggleType = async (x: TicketType, active: boolean) => {
    try {
      const saved = await catalogApi.updateTicketType(x.id, { active });
      setTypes((prev) => prev.map((y) => (y.id === x.id ? saved : y)));
      lookups.reload();
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  const move = async (f: CustomField, delta: -1 | 1) => {
    try {
      for (const change of reorder(own, f.id, delta)) await catalogApi.updateCustomField(change.id, { position: change.position });
    } catch (err) {
      message.error(errorMessage(err, t));
    }
    load();
  };

  const remove = async (f: CustomField) => {
    try {
      await catalogApi.deleteCustomField(f.id);
      setFields((prev) => prev.filter((x) => x.id !== f.id));
      message.success(t('admin.fields.deleted'));
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  return (
    <div data-testid="admin-ticket-types">
      {!!error && <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 12 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card
            size="small"
            title={t('admin.types.title')}
            extra={
              admin && (
                <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setEditingType('new')} data-testid="type-new">
                  {t('admin.types.create')}
                </Button>
              )
            }
            styles={{ body: { padding: 4 } }}
          >
            <Menu
              mode="inline"
              selectedKeys={[selected]}
              onClick={({ key }) => setSelected(key)}
              style={{ borderInlineEnd: 'none' }}
              data-testid="types-menu"
              items={[
                { key: GLOBAL, label: <Typography.Text strong>{t('admin.types.global')}</Typography.Text> },
                ...types.map((x) => ({
                  key: x.id,
                  label: (
                    <Flex justify="space-between" align="center" data-testid={`type-${x.key}`}>
                      <Typography.Text type={x.active ? undefined : 'secondary'} ellipsis>
                        {name(x)}
                      </Typography.Text>
                      {!x.active && <Tag>{t('admin.inactive')}</Tag>}
                    </Flex>
                  ),
                })),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            title={
              <Flex align="center" gap={8} wrap>
                <span>{current ? t('admin.fields.titleOf', { name: name(current) }) : t('admin.fields.titleGlobal')}</span>
                {current && admin && (
                  <>
                    <Switch size="small" checked={current.active} onChange={(v) => void toggleType(current, v)} data-testid="type-active" />
                    <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                      {current.active ? t('admin.active') : t('admin.inactive')}
                    </Typography.Text>
                    <Button size="small" type="text" icon={<EditOutlined aria-hidden />} aria-label={t('app.edit')} onClick={() => setEditingType(current)} data-testid="type-edit" />
                  </>
                )}
              </Flex>
            }
            extra={
              admin && (
                <Button size="small" type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditingField('new')} data-testid="field-new">
                  {t('admin.fields.create')}
                </Button>
              )
            }
          >
            {current && (
              <Typography.Paragraph data-testid="type-resolve-summary">
                <Typography.Text type="secondary">{t('admin.types.resolveRequires')}：</Typography.Text>
                {(current.resolveRequires ?? RESOLVE_REQUIREMENTS).map((r) => t(`admin.types.requirement.${r}`)).join('、') || t('admin.types.resolveRequiresNone')}
              </Typography.Paragraph>
            )}
            {current && <Typography.Paragraph type="secondary">{t('admin.fields.globalToo')}</Typography.Paragraph>}
            <Table<CustomField>
              rowKey="id"
              size="small"
              dataSource={own}
              pagination={false}
              scroll={{ x: 640 }}
              data-testid="fields-table"
              locale={{ emptyText: t('admin.fields.empty') }}
              columns={[
                { key: 'label', title: t('admin.fields.label'), render: (_, f) => name(f) },
                { key: 'key', title: t('admin.fields.key'), width: 130, render: (_, f) => <Typography.Text code>{f.key}</Typography.Text> },
                { key: 'kind', title: t('admin.fields.kind'), width: 90, render: (_, f) => t(`fieldKind.${f.kind}`) },
                { key: 'required', title: t('admin.fields.required'), width: 70, render: (_, f) => (f.required ? <Tag color="red">{t('admin.fields.requiredShort')}</Tag> : null) },
                { key: 'options', title: t('admin.fields.options'), width: 180, ellipsis: true, render: (_, f) => f.options.map((o) => name(o)).join('、') },
                ...(admin
                  ? [
                      {
                        key: 'actions',
                        title: '',
                        width: 150,
                        render: (_: unknown, f: CustomField) => {
                          const i = own.findIndex((x) => x.id === f.id);
                          return (
                            <Flex gap={2}>
                              <Button size="small" type="text" icon={<ArrowUpOutlined aria-hidden />} disabled={i === 0} aria-label={t('admin.moveUp')} onClick={() => void move(f, -1)} data-testid={`field-up-${f.key}`} />
                              <Button size="small" type="text" icon={<ArrowDownOutlined aria-hidden />} disabled={i === own.length - 1} aria-label={t('admin.moveDown')} onClick={() => void move(f, 1)} data-testid={`field-down-${f.key}`} />
                              <Button size="small" type="text" icon={<EditOutlined aria-hidden />} aria-label={t('app.edit')} onClick={() => setEditingField(f)} data-testid={`field-edit-${f.key}`} />
                              <Popconfirm icon={confirmIcon}
                                title={t('admin.fields.confirmDelete', { name: name(f) })}
                                description={t('admin.fields.deleteHelp')}
                                okText={t('app.delete')}
                                cancelText={t('app.cancel')}
                                okButtonProps={{ danger: true }}
                                onConfirm={() => remove(f)}
                              >
                                <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('app.delete')} data-testid={`field-delete-${f.key}`} />
                              </Popconfirm>
                            </Flex>
                          );
                        },
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
      <TicketTypeModal
        open={editingType !== null}
        type={editingType === 'new' ? null : editingType}
        onClose={() => setEditingType(null)}
        onSaved={(x) => {
          setEditingType(null);
          setTypes((prev) => (prev.some((y) => y.id === x.id) ? prev.map((y) => (y.id === x.id ? x : y)) : [...prev, x]));
          setSelected(x.id);
          lookups.reload();
          message.success(t('detail.saved'));
        }}
      />
      <CustomFieldEditor
        open={editingField !== null}
        field={editingField === 'new' ? null : editingField}
        ticketTypeId={typeId}
        nextPosition={own.length ? Math.max(...own.map((f) => f.position)) + 10 : 10}
        onClose={() => setEditingField(null)}
        onSaved={(f) => {
          setEditingField(null);
          setFields((prev) => (prev.some((x) => x.id === f.id) ? prev.map((x) => (x.id === f.id ? f : x)) : [...prev, f]));
          message.success(t('detail.saved'));
        }}
      />
    </div>
  );
}
