import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import type { Exclusion } from './dispatch-types';
import { exclusionText } from './dispatch-words';
import { canOverride, successToast, useAssign } from './use-dispatch-actions';

// Confirms one assignment (from a recommendation, a click or a drop on the map). A person a hard rule
// excludes can only be sent by a supervisor's override, which needs a reason (强制派单, recorded). Taking
// the ticket from its holder (改派) asks for an optional reason, kept in the ticket's dispatch history.

export interface AssignTarget {
  ticket: { id: string; number: number; title: string };
  person: { userId: string; name: string };
  /** the rules the person fails (from the recommendations); empty or absent: eligible */
  reasons?: Exclusion[];
  /** who holds the ticket now (the recommendations' `current`): another person is then a 改派 */
  holder?: { userId: string; name: string } | null;
}

export function AssignDialog({ target, onClose }: { target: AssignTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const assign = useAssign();
  const [form] = Form.useForm<{ reason: string }>();
  // a refusal by the server (the rules changed since the ranking) turns the dialog into an override
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    setRefused(false);
    form.resetFields();
    assign.reset();
  }, [target]);
  if (!target) return null;
  const { ticket, person } = target;
  const override = refused || (target.reasons?.length ?? 0) > 0;
  const allowed = !override || canOverride(me.role);
  const reassign = !!target.holder && target.holder.userId !== person.userId;

  const submit = async () => {
    const values = override ? await form.validateFields().catch(() => null) : { reason: form.getFieldValue('reason') ?? '' };
    if (!values) return; // the form shows what is missing
    const reason = String(values.reason ?? '').trim();
    try {
      await assign.mutateAsync({ ticketId: ticket.id, body: override ? { userId: person.userId, override: true, reason } : { userId: person.userId, ...(reason ? { reason } : {}) } });
      message.success(successToast(t('dispatchMap.rec.assigned', { name: person.name })));
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'DISPATCH_RULE_VIOLATION' && !override) setRefused(true);
    }
  };

  const error = assign.error && !(assign.error instanceof ApiError && assign.error.code === 'DISPATCH_RULE_VIOLATION') ? assign.error : null;
  return (
    <Modal
      open
      title={t(override ? 'dispatchMap.confirm.overrideTitle' : 'dispatchMap.confirm.title', { name: person.name })}
      okText={t(override ? 'dispatchMap.rec.override' : 'dispatchMap.confirm.ok')}
      cancelText={t('app.cancel')}
      okButtonProps={{ disabled: !allowed, danger: override, 'data-testid': 'assign-confirm' } as never}
      confirmLoading={assign.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      data-testid="assign-dialog"
    >
      <Typography.Paragraph>
        {reassign
          ? t('dispatchMap.confirm.reassignBody', { number: ticket.number, title: ticket.title, name: person.name, holder: target.holder!.name })
          : t('dispatchMap.confirm.body', { number: ticket.number, title: ticket.title, name: person.name })}
      </Typography.Paragraph>
      {reassign && !override && (
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('dispatchMap.confirm.reassignReason')}>
            <Input.TextArea rows={2} maxLength={1000} placeholder={t('dispatchMap.confirm.reassignPlaceholder')} data-testid="reassign-reason" />
          </Form.Item>
        </Form>
      )}
      {override && (
        <>
          <Typography.Paragraph type="danger">{t('dispatchMap.confirm.overrideBody', { name: person.name })}</Typography.Paragraph>
          <ul data-testid="override-rules">
            {(target.reasons?.length ? target.reasons.map((r) => exclusionText(r, t)) : [t('dispatchMap.errors.ruleViolationShort')]).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {allowed ? (
            <Form form={form} layout="vertical">
              <Form.Item name="reason" label={t('dispatchMap.confirm.reason')} rules={[{ required: true, whitespace: true, message: t('dispatchMap.confirm.reasonRequired') }]}>
                <Input.TextArea rows={2} placeholder={t('dispatchMap.confirm.reasonPlaceholder')} data-testid="override-reason" />
              </Form.Item>
            </Form>
          ) : (
            <Alert type="info" showIcon title={t('dispatchMap.confirm.onlySupervisor')} />
          )}
        </>
      )}
      {error && <Alert type="error" showIcon title={errorMessage(error, t)} />}
    </Modal>
  );
}
