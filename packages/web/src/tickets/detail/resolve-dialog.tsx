import { Alert, Form, Input, Modal, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../../api/endpoints';
import { RESOLVE_REQUIREMENTS, type ResolveRequirement, type Ticket } from '../../api/types';
import type { SignedIn } from '../../auth/auth-context';
import { mapErrorToFields } from '../../common/api-errors';
import { useCategoryTree, useLookups } from '../../common/lookups';
import { selectArrow } from '../../common/quiet-icons';
import { resolveStaff, searchStaff } from '../../common/people-search';
import { RemoteSelect } from '../../common/remote-select';

// Picking 已解决 asks for what resolving needs, in one small dialog: the resolution note (解决说明), and
// the category and assignee when the ticket type requires them and the ticket has none yet. One PATCH
// sets them all with the status; the server's refusal lands under the field it names. The queue's bulk
// 已解决 asks with the same fields (ResolveFields, resolveAsks) for all the tickets it changes.

export interface ResolveValues {
  resolution?: string;
  categoryId?: string;
  assigneeId?: string;
}

/** What resolving a ticket needs: its type's requirements, all of them for a ticket without a type. */
export function resolveRequirements(ticket: Pick<Ticket, 'typeId'>, types: { id: string; resolveRequires?: ResolveRequirement[] }[]): readonly ResolveRequirement[] {
  return types.find((x) => x.id === ticket.typeId)?.resolveRequires ?? RESOLVE_REQUIREMENTS;
}

/** What a dialog resolving these tickets asks: the note (required when a ticket's type requires it), and the tickets that need a category or an assignee they have not got. */
export interface ResolveAsks {
  noteRequired: boolean;
  needCategory: string[];
  needAssignee: string[];
}

export function resolveAsks(tickets: Pick<Ticket, 'id' | 'typeId' | 'categoryId' | 'assigneeId'>[], types: { id: string; resolveRequires?: ResolveRequirement[] }[]): ResolveAsks {
  const asks: ResolveAsks = { noteRequired: false, needCategory: [], needAssignee: [] };
  for (const ticket of tickets) {
    const requires = resolveRequirements(ticket, types);
    if (requires.includes('resolution')) asks.noteRequired = true;
    if (requires.includes('category') && !ticket.categoryId) asks.needCategory.push(ticket.id);
    if (requires.includes('assignee') && !ticket.assigneeId) asks.needAssignee.push(ticket.id);
  }
  return asks;
}

/** The fields a resolve dialog shows for these asks, as form items (names: resolution, categoryId, assigneeId). */
export function ResolveFields({ asks, me }: { asks: ResolveAsks; me: SignedIn }) {
  const { t } = useTranslation();
  const categoryTree = useCategoryTree();
  const required = { required: true, whitespace: true, message: t('errors.issue.required_to_resolve') };
  return (
    <>
      <Form.Item name="resolution" label={t('field.resolution')} extra={t('detail.resolveHelp')} rules={asks.noteRequired ? [required] : []}>
        <Input.TextArea data-testid="resolve-note" autoFocus rows={4} maxLength={5000} placeholder={t('detail.resolutionPlaceholder')} />
      </Form.Item>
      {asks.needCategory.length > 0 && (
        <Form.Item name="categoryId" label={t('field.category')} rules={[required]}>
          <TreeSelect data-testid="resolve-category" suffixIcon={selectArrow} showSearch={{ treeNodeFilterProp: 'title' }} treeData={categoryTree} popupMatchSelectWidth={false} />
        </Form.Item>
      )}
      {asks.needAssignee.length > 0 && (
        <Form.Item name="assigneeId" label={t('field.assignee')} rules={[required]}>
          <RemoteSelect
            testId="resolve-assignee"
            search={searchStaff}
            resolve={async (id) => (id === me.id ? { value: id, label: `${me.name}（${t('list.assigneeMe')}）` } : resolveStaff(id))}
            extra={[{ value: me.id, label: `${me.name}（${t('list.assigneeMe')}）` }]}
            style={{ width: '100%' }}
          />
        </Form.Item>
      )}
    </>
  );
}

/** The form fields a resolve dialog shows, by path, to place the server's refusal under them. */
export const resolveFieldNames = (asks: ResolveAsks) => ['resolution', ...(asks.needCategory.length ? ['categoryId'] : []), ...(asks.needAssignee.length ? ['assigneeId'] : [])];

interface Props {
  ticket: Ticket;
  me: SignedIn;
  open: boolean;
  onClose: () => void;
  onResolved: (t: Ticket) => void;
}

export function ResolveDialog({ ticket, me, open, onClose, onResolved }: Props) {
  const { t } = useTranslation();
  const { ticketTypes } = useLookups();
  const [form] = Form.useForm<ResolveValues>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const asks = resolveAsks([ticket], ticketTypes);
  const askCategory = asks.needCategory.length > 0;
  const askAssignee = asks.needAssignee.length > 0;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setGeneral(null);
    try {
      const resolution = v.resolution?.trim();
      onResolved(
        await ticketsApi.update(ticket.id, {
          status: 'resolved',
          ...(resolution ? { resolution } : {}),
          ...(askCategory && v.categoryId ? { categoryId: v.categoryId } : {}),
          ...(askAssignee && v.assigneeId ? { assigneeId: v.assigneeId } : {}),
        }),
      );
    } catch (err) {
      // under the fields the dialog shows; what it does not show (the type's rules changed meanwhile) is said in words
      const { fields, general: g } = mapErrorToFields(err, t, resolveFieldNames(asks));
      form.setFields(fields as never);
      setGeneral(g);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('detail.resolveTitle')}
      okText={t('detail.resolveOk')}
      cancelText={t('app.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'resolve-ok' } as never}
      destroyOnHidden
      afterClose={() => setGeneral(null)}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ assigneeId: askAssignee ? me.id : undefined }} data-testid="resolve-form">
        <ResolveFields asks={asks} me={me} />
      </Form>
      {general && <Alert type="error" showIcon title={general} data-testid="resolve-error" />}
    </Modal>
  );
}
