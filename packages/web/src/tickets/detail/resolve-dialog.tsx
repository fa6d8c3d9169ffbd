import { Alert, Form, Input, Modal, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from '../../api/endpoints';
import { RESOLVE_REQUIREMENTS, type ResolveRequirement, type Ticket } from '../../api/types';
import type { SignedIn } from '../../auth/auth-context';
import { mapErrorToFields } from '../../common/api-errors';
import { useCategoryTree, useLookups } from '../../common/lookups';
import { resolveStaff, searchStaff } from '../../common/people-search';
import { RemoteSelect } from '../../common/remote-select';

// Picking 已解决 asks for what resolving needs, in one small dialog: the resolution note (解决说明), and
// the category and assignee when the ticket type requires them and the ticket has none yet. One PATCH
// sets them all with the status; the server's refusal lands under the field it names.

interface Values {
  resolution?: string;
  categoryId?: string;
  assigneeId?: string;
}

/** What resolving a ticket needs: its type's requirements, all of them for a ticket without a type. */
export function resolveRequirements(ticket: Pick<Ticket, 'typeId'>, types: { id: string; resolveRequires?: ResolveRequirement[] }[]): readonly ResolveRequirement[] {
  return types.find((x) => x.id === ticket.typeId)?.resolveRequires ?? RESOLVE_REQUIREMENTS;
}

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
  const categoryTree = useCategoryTree();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const requires = resolveRequirements(ticket, ticketTypes);
  const askCategory = requires.includes('category') && !ticket.categoryId;
  const askAssignee = requires.includes('assignee') && !ticket.assigneeId;
  const required = { required: true, whitespace: true, message: t('errors.issue.required_to_resolve') };

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
      const shown = ['resolution', ...(askCategory ? ['categoryId'] : []), ...(askAssignee ? ['assigneeId'] : [])];
      const { fields, general: g } = mapErrorToFields(err, t, shown);
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
        <Form.Item name="resolution" label={t('field.resolution')} extra={t('detail.resolveHelp')} rules={requires.includes('resolution') ? [required] : []}>
          <Input.TextArea data-testid="resolve-note" autoFocus rows={4} maxLength={5000} placeholder={t('detail.resolutionPlaceholder')} />
        </Form.Item>
        {askCategory && (
          <Form.Item name="categoryId" label={t('field.category')} rules={[required]}>
            <TreeSelect data-testid="resolve-category" showSearch={{ treeNodeFilterProp: 'title' }} treeData={categoryTree} popupMatchSelectWidth={false} />
          </Form.Item>
        )}
        {askAssignee && (
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
      </Form>
      {general && <Alert type="error" showIcon title={general} data-testid="resolve-error" />}
    </Modal>
  );
}
