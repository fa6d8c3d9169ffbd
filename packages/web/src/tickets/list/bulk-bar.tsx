import { Alert, App, Button, Form, Input, Modal, Select, Space, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../../api/endpoints';
import { PRIORITIES, STATUSES, type BulkChanges, type Priority, type Status, type Ticket } from '../../api/types';
import { useMe } from '../../auth/auth-context';
import { bulkFailureMessage, errorMessage } from '../../common/api-errors';
import { useCategoryTree, useLookups } from '../../common/lookups';
import { searchStaff } from '../../common/people-search';
import { selectArrow } from '../../common/quiet-icons';
import { RemoteSelect } from '../../common/remote-select';
import { resolveAsks, ResolveFields, type ResolveValues } from '../detail/resolve-dialog';

// Bulk actions on the selected tickets: assign, status, priority, category, add tag. 改状态 to 已解决
// asks what resolving needs, as the ticket page does (ResolveFields): the resolution note, and a
// category / assignee for the tickets whose type requires one they have not got (given to those tickets
// only, before they are resolved). Tickets left unchanged are listed with the reason, in words.

type Action = 'assign' | 'status' | 'priority' | 'category' | 'addTag';
const ACTIONS: Action[] = ['assign', 'status', 'priority', 'category', 'addTag'];

interface Props {
  selected: Ticket[];
  /** after a bulk change: the tickets left as they were (the queue keeps them selected, the dialog says why) */
  onDone: (left: string[]) => void;
}

export function BulkBar({ selected, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const categoryTree = useCategoryTree();
  const { ticketTypes } = useLookups();
  const [form] = Form.useForm<ResolveValues>();
  const [action, setAction] = useState<Action | null>(null);
  const [value, setValue] = useState<string | string[] | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);

  const resolving = action === 'status' && value === 'resolved';
  const asks = useMemo(() => resolveAsks(selected, ticketTypes), [selected, ticketTypes]);

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

  /** One bulk request; its refusals, in words, by ticket (a later request's word for a ticket replaces an earlier one's). */
  const run = async (ids: string[], c: BulkChanges, refused: Map<string, string>) => {
    const res = await ticketsApi.bulk(ids, c);
    for (const f of res.failed) refused.set(f.id, bulkFailureMessage(f.error, t));
    return res;
  };

  const apply = async () => {
    const c = changes();
    if (!c) return;
    const v = resolving ? await form.validateFields().catch(() => null) : null;
    if (resolving && !v) return;
    setBusy(true);
    try {
      const ids = selected.map((s) => s.id);
      const refused = new Map<string, string>();
      if (v?.categoryId && asks.needCategory.length) await run(asks.needCategory, { categoryId: v.categoryId }, refused);
      if (v?.assigneeId && asks.needAssignee.length) await run(asks.needAssignee, { assigneeId: v.assigneeId }, refused);
      const note = v?.resolution?.trim();
      const res = await run(ids, { ...c, ...(note ? { resolution: note } : {}) }, refused);
      const done = new Set(res.updated);
      const byId = new Map(selected.map((s) => [s.id, s.number]));
      const left = ids.filter((id) => !done.has(id));
      if (left.length) {
        message.warning(t('bulk.partial', { updated: res.updated.length, failed: left.length }));
        setFailures(left.map((id) => t('bulk.failedItem', { id: byId.get(id) ?? id, message: refused.get(id) ?? t('errors.generic') })));
      } else {
        message.success(t('bulk.done', { updated: res.updated.length }));
        setAction(null);
      }
      onDone(left);
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
        return (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Select data-testid="bulk-status" style={{ width: '100%' }} value={value} onChange={setValue} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
            {resolving && (
              <Form form={form} layout="vertical" preserve={false} initialValues={{ assigneeId: asks.needAssignee.length ? me.id : undefined }} data-testid="bulk-resolve-form">
                <ResolveFields asks={asks} me={me} />
              </Form>
            )}
          </Space>
        );
      case 'priority':
        return <Select data-testid="bulk-priority" style={{ width: '100%' }} value={value} onChange={setValue} options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />;
      case 'category':
        return <TreeSelect data-testid="bulk-category" suffixIcon={selectArrow} style={{ width: '100%' }} value={value} onChange={setValue} treeData={categoryTree} showSearch={{ treeNodeFilterProp: 'title' }} />;
      case 'addTag':
        return <Select data-testid="bulk-tags" mode="tags" style={{ width: '100%' }} value={value as string[] | undefined} onChange={setValue} open={false} placeholder={t('list.tagPlaceholder')} />;
      default:
        return null;
    }
  };

  // the dialog stays while it says why tickets were left as they were, as the queue reloads under it
  if (!selected.length && !action) return null;
  return (
    <Space wrap data-testid="bulk-bar">
      <Typography.Text strong>{t('list.selected', { count: selected.length })}</Typography.Text>
      {ACTIONS.map((a) => (
        <Button key={a} size="small" onClick={() => open(a)} data-testid={`bulk-action-${a}`}>
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
