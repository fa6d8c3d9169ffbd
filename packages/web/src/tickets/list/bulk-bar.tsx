import { Alert, App, Button, Input, Modal, Select, Space, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../../api/endpoints';
import { PRIORITIES, STATUSES, type BulkChanges, type Priority, type Status, type Ticket } from '../../api/types';
import { errorMessage } from '../../common/api-errors';
import { useCategoryTree } from '../../common/lookups';
import { searchStaff } from '../../common/people-search';
import { RemoteSelect } from '../../common/remote-select';

// Bulk actions on the selected tickets: assign, status, priority, category, add tag.

type Action = 'assign' | 'status' | 'priority' | 'category' | 'addTag';
const ACTIONS: Action[] = ['assign', 'status', 'priority', 'category', 'addTag'];

interface Props {
  selected: Ticket[];
  onDone: () => void;
}

export function BulkBar({ selected, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const categoryTree = useCategoryTree();
  const [action, setAction] = useState<Action | null>(null);
  const [value, setValue] = useState<string | string[] | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);

  const open = (a: Action) => {
    setAction(a);
    setValue(undefined);
    setReason('');
    setFailures([]);
  };

  const changes = (): BulkChanges | null => {
    if (!value || (Array.isArray(value) && !value.length)) return null;
    switch (action) {
      case 'assign':
        return { assigneeId: value as string, ...(reason.trim() ? { transferReason: reason.trim() } : {}) };
      case 'status':
        return { status: value as Status };
      case 'priority':
        return { priority: value as Priority };
      case 'category':
        return { categoryId: value as string };
      case 'addTag':
        return { addTags: value as string[] };
      default:
        return null;
    }
  };

  const apply = async () => {
    const c = changes();
    if (!c) return;
    setBusy(true);
    try {
      const res = await ticketsApi.bulk(
        selected.map((s) => s.id),
        c,
      );
      const byId = new Map(selected.map((s) => [s.id, s.number]));
      if (res.failed.length) {
        message.warning(t('bulk.partial', { updated: res.updated.length, failed: res.failed.length }));
        setFailures(res.failed.map((f) => t('bulk.failedItem', { id: byId.get(f.id) ?? f.id, message: t(`errors.${f.error.code}`, { defaultValue: f.error.message }) })));
      } else {
        message.success(t('bulk.done', { updated: res.updated.length }));
        setAction(null);
      }
      onDone();
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  const control = () => {
    switch (action) {
      case 'assign':
        return (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <RemoteSelect testId="bulk-assignee" value={value as string | undefined} onChange={setValue} search={searchStaff} style={{ width: '100%' }} />
            <Input.TextArea data-testid="bulk-reason" placeholder={t('bulk.transferReason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          </Space>
        );
      case 'status':
        return <Select data-testid="bulk-status" style={{ width: '100%' }} value={value} onChange={setValue} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />;
      case 'priority':
        return <Select data-testid="bulk-priority" style={{ width: '100%' }} value={value} onChange={setValue} options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />;
      case 'category':
        return <TreeSelect data-testid="bulk-category" style={{ width: '100%' }} value={value} onChange={setValue} treeData={categoryTree} showSearch={{ treeNodeFilterProp: 'title' }} />;
      case 'addTag':
        return <Select data-testid="bulk-tags" mode="tags" style={{ width: '100%' }} value={value as string[] | undefined} onChange={setValue} open={false} placeholder={t('list.tagPlaceholder')} />;
      default:
        return null;
    }
  };

  if (!selected.length) return null;
  return (
    <Space wrap data-testid="bulk-bar">
      <Typography.Text strong>{t('list.selected', { count: selected.length })}</Typography.Text>
      {ACTIONS.map((a) => (
        <Button key={a} size="small" onClick={() => open(a)} data-testid={`bulk-${a}`}>
          {t(`bulk.${a}`)}
        </Button>
      ))}
      <Modal
        open={!!action}
        title={action ? `${t(`bulk.${action}`)} · ${t('list.selected', { count: selected.length })}` : ''}
        okText={t('bulk.apply')}
        cancelText={t('app.cancel')}
        okButtonProps={{ disabled: !changes(), loading: busy, 'data-testid': 'bulk-apply' } as never}
        onOk={apply}
        onCancel={() => setAction(null)}
        destroyOnHidden
      >
        {control()}
        {failures.length > 0 && <Alert style={{ marginTop: 12 }} type="warning" showIcon title={failures.slice(0, 10).join('；')} />}
      </Modal>
    </Space>
  );
}
