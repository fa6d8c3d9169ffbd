import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Table, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../common/api-errors';

// The block the administration pages share: a toolbar (what the page is for, or its filters, and the
// button that adds one), the load error, the table of what there is, and the modals that add, change
// and confirm; and the modal shell of their forms (save / cancel, the form's own error under it).

/** The toolbar's primary button: adds a new one. */
export function AddButton({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}

/**
 * An administration page: the toolbar (`help` in secondary text on the left, or `start` of the page's
 * own, filters for instance; `add` on the right), a `notice`, the error the list failed with, the table
 * (rows keyed by id, no paging unless given) unless `table` is false, then `children` (the page's modals).
 */
export function AdminTablePage<T extends object>({
  testId,
  help,
  start,
  add,
  error,
  notice,
  table,
  children,
}: {
  testId: string;
  help?: ReactNode;
  start?: ReactNode;
  add?: ReactNode;
  error?: unknown;
  /** shown under the toolbar, before the error */
  notice?: ReactNode;
  table: TableProps<T> | false;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        {start ?? <Typography.Text type="secondary">{help}</Typography.Text>}
        {add}
      </Flex>
      {notice}
      {!!error && <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 12 }} />}
      {table && <Table<T> rowKey="id" size="middle" pagination={false} {...table} />}
      {children}
    </div>
  );
}

/**
 * The modal of an administration form: save (or `okText`) and cancel, the form's general error under
 * it (cleared once the modal has closed), the contents gone when it is closed.
 */
export function AdminFormModal({
  open,
  title,
  okText,
  okTestId,
  busy,
  onOk,
  onCancel,
  general,
  generalTestId,
  clearGeneral,
  children,
}: {
  open: boolean;
  title: ReactNode;
  okText?: string;
  okTestId: string;
  busy: boolean;
  onOk: () => void;
  onCancel: () => void;
  general: string | null;
  generalTestId?: string;
  clearGeneral: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('app.save')}
      cancelText={t('app.cancel')}
      onOk={onOk}
      onCancel={onCancel}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': okTestId } as never}
      destroyOnHidden
      afterClose={clearGeneral}
    >
      {children}
      {general && <Alert type="error" showIcon title={general} data-testid={generalTestId} />}
    </Modal>
  );
}
