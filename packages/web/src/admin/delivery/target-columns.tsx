import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../common/api-errors';
import { confirmIcon } from '../../common/quiet-icons';

// The columns a webhook's and a channel's table share: the name, the address, on or off, and the row's
// buttons (测试, edit, delete after a confirmation); the target's own columns go before or after the address.

interface Target {
  id: string;
  name: string;
  active: boolean;
}

interface Options<T extends Target> {
  /** webhook / channel: the prefix of the buttons' test ids */
  testId: string;
  nameWidth: number;
  urlTitle: string;
  urlOf: (row: T) => string;
  /** the target's own columns, before and after the address */
  beforeUrl?: TableColumnsType<T>;
  afterUrl?: TableColumnsType<T>;
  onTest: (row: T) => void;
  onEdit: (row: T) => void;
  remove: (id: string) => Promise<unknown>;
  /** after a delete: the list is loaded again */
  onRemoved: () => void;
}

export function useTargetColumns<T extends Target>(o: Options<T>): TableColumnsType<T> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = (row: T) => o.remove(row.id).then(() => (message.success(t('delivery.deleted')), o.onRemoved()), (err) => message.error(errorMessage(err, t)));
  const buttons = (row: T): ReactNode => (
    <Space size={2}>
      <Button size="small" onClick={() => o.onTest(row)} data-testid={`${o.testId}-test`}>
        {t('delivery.test')}
      </Button>
      <Button size="small" type="text" icon={<EditOutlined aria-hidden />} onClick={() => o.onEdit(row)} aria-label={t('app.edit')} data-testid={`${o.testId}-edit`} />
      <Popconfirm icon={confirmIcon} title={t('delivery.confirmDelete', { name: row.name })} okText={t('app.delete')} cancelText={t('app.cancel')} onConfirm={() => void remove(row)}>
        <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('app.delete')} data-testid={`${o.testId}-delete`} />
      </Popconfirm>
    </Space>
  );
  return [
    { key: 'name', title: t('delivery.name'), width: o.nameWidth, render: (_, row) => <Typography.Text strong>{row.name}</Typography.Text> },
    ...(o.beforeUrl ?? []),
    { key: 'url', title: o.urlTitle, render: (_, row) => <Typography.Text code style={{ wordBreak: 'break-all' }}>{o.urlOf(row)}</Typography.Text> },
    ...(o.afterUrl ?? []),
    { key: 'active', title: t('delivery.active'), width: 70, render: (_, row) => (row.active ? <Tag color="green">{t('delivery.active')}</Tag> : <Tag>—</Tag>) },
    { key: 'actions', title: '', width: 170, render: (_, row) => buttons(row) },
  ];
}
