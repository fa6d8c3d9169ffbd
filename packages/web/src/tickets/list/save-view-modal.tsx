import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { viewsApi } from '../../api/endpoints';
import type { SavedView } from '../../api/types';
import { useFormSubmit } from '../../common/use-form-submit';
import { cleanFilters, type ListState } from './list-state';

// Saves the list's current filters, columns and sort as a view, personal or shared.

interface Props {
  open: boolean;
  state: ListState;
  /** The saved view the list came from, when the user owns it: it can be updated instead. */
  current: SavedView | null;
  onClose: () => void;
  onSaved: (v: SavedView) => void;
}

export function SaveViewModal({ open, state, current, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; shared: boolean }>();
  const { busy, general, submit: submitForm } = useFormSubmit(form, ['name', 'shared']);

  const submit = () =>
    submitForm(async (values) => {
      const body = { name: values.name.trim(), shared: !!values.shared, filters: cleanFilters(state.filters), columns: state.columns, sort: state.sort };
      const saved = current ? await viewsApi.update(current.id, body) : await viewsApi.create(body);
      onSaved(saved);
    });

  return (
    <Modal
      open={open}
      title={current ? t('views.update') : t('views.save')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'save-view-ok' } as never}
      destroyOnHidden
      afterOpenChange={(o) => o && form.setFieldsValue({ name: current?.name ?? '', shared: current?.shared ?? false })}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="name" label={t('views.name')} rules={[{ required: true, whitespace: true, message: t('views.nameRequired') }]}>
          <Input data-testid="save-view-name" maxLength={100} />
        </Form.Item>
        <Form.Item name="shared" valuePropName="checked">
          <Checkbox data-testid="save-view-shared">{t('views.sharedLabel')}</Checkbox>
        </Form.Item>
      </Form>
      {general && <Alert type="error" showIcon title={general} />}
    </Modal>
  );
}
