import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage, mapErrorToFields } from '../common/api-errors';
import { successToast, useAccept, useDecline } from '../dispatch/use-dispatch-actions';

// 接单 / 拒单 for the person the ticket is offered to; declining needs a reason (it goes on the timeline).
// Once declined the ticket is no longer theirs (they may not even see it): the page goes to the ticket list.

/** The server's limit on a decline reason (1000 characters), said at the input up front. */
const REASON_MAX = 1000;

export function DispatchResponse({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const accept = useAccept();
  const decline = useDecline();
  const [declining, setDeclining] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const navigate = useNavigate();

  const onAccept = () =>
    accept.mutate(ticketId, {
      onSuccess: () => message.success(successToast(t('dispatchMap.panel.accepted'))),
      onError: (err) => message.error(errorMessage(err, t)),
    });
  const onDecline = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    const { reason } = values;
    decline.mutate(
      { ticketId, reason: reason.trim() },
      {
        onSuccess: () => {
          setDeclining(false);
          message.success(successToast(t('dispatchMap.panel.declined')));
          // the ticket went back to dispatch and out of the person's sight: not a half-empty page
          void navigate('/tickets', { replace: true });
        },
        onError: (err) => {
          // an issue with the reason under it; anything else (with what the server says) in the toast
          const { fields, general } = mapErrorToFields(err, t, ['reason']);
          form.setFields(fields as never);
          if (general) message.error(general);
        },
      },
    );
  };
  return (
    <Space>
      <Button type="primary" loading={accept.isPending} onClick={onAccept} data-testid="dispatch-accept">
        {t('dispatchMap.panel.accept')}
      </Button>
      <Button danger onClick={() => setDeclining(true)} data-testid="dispatch-decline">
        {t('dispatchMap.panel.decline')}
      </Button>
      <Modal
        open={declining}
        title={t('dispatchMap.declineDialog.title')}
        okText={t('dispatchMap.declineDialog.ok')}
        cancelText={t('app.cancel')}
        okButtonProps={{ danger: true, 'data-testid': 'decline-confirm' } as never}
        confirmLoading={decline.isPending}
        onOk={onDecline}
        onCancel={() => setDeclining(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('dispatchMap.declineDialog.reason')} rules={[{ required: true, whitespace: true, message: t('dispatchMap.declineDialog.required') }]}>
            <Input.TextArea rows={3} maxLength={REASON_MAX} showCount placeholder={t('dispatchMap.declineDialog.placeholder')} data-testid="decline-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
