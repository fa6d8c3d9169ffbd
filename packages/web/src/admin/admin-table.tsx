import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Table, Typography, type TableProps } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../common/api-errors';
import { CloseIcon } from '../common/quiet-icons';

// The block the administration pages share: a toolbar (what the page is for, or its filters, and the
// button that adds one), the load error, the table of what there is, and the modals that add, change
// and confirm; and the modal shell of their forms (save / cancel, the form's own error under it).

const NONE: never[] = [];

/**
 * An administration page's list from the query cache (`key` names it, `load` is its api call): the
 * rows (none until loaded), whether it is being (re)loaded, the error it failed with, `refetch` after
 * a change, and `setRows` for rows the server has just answered with (a new key, a user switched off),
 * changed in the cache without asking again.
 */
export function useAdminList<T>(key: readonly unknown[], load: () => Promise<{ items: T[] }>) {
  const queryClient = useQueryClient();
  // another filter's rows stay shown (loading) until its own have come
  const query = useQuery({ queryKey: key, queryFn: () => load(), placeholderData: keepPreviousData });
  return {
    rows: query.data?.items ?? (NONE as T[]),
    loading: query.isFetching,
    error: query.error,
    refetch: () => void queryClient.invalidateQueries({ queryKey: key }),
    setRows: (change: (rows: T[]) => T[]) => queryClient.setQueryData<{ items: T[] }>(key, (old) => old && { ...old, items: change(old.items) }),
  };
}

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
      closeIcon={<CloseIcon />}
      afterClose={clearGeneral}
    >
      {children}
      {general && <Alert type="error" showIcon title={general} data-testid={generalTestId} />}
    </Modal>
  );
}
