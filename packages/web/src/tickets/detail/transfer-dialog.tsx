import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ticketsApi } from '../../api/endpoints';
import type { Ticket } from '../../api/types';
import type { SignedIn } from '../../auth/auth-context';
import { mapErrorToFields } from '../../common/api-errors';
import { dispatchApi } from '../../dispatch/dispatch-api';
import type { Exclusion } from '../../dispatch/dispatch-types';
import { exclusionText } from '../../dispatch/dispatch-words';
import { canOverride } from '../../dispatch/use-dispatch-actions';

// 转派 / 改派 on the ticket's properties: a new team always carries a reason; a new person may. A person
// the dispatch rules exclude (the server's 409) is named with the rules they fail: a supervisor or admin
// may assign anyway with a reason (recorded as 强制派单), anyone else picks someone else.

export interface TransferTarget {
  field: 'assigneeId' | 'teamId';
  to: string;
  /** the server already refused this person (a first assignment straight from the picker) */
  refused?: boolean;
}

interface Props {
  ticket: Ticket;
  me: SignedIn;
  target: TransferTarget | null;
  onClose: () => void;
  onUpdated: (t: Ticket) => void;
}

const FIELDS = ['assigneeId', 'teamId', 'transferReason'];

export function TransferDialog({ ticket, me, target, onClose, onUpdated }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  // the rules the person fails, worded; null: not refused
  const [rules, setRules] = useState<string[] | null>(null);

  const explain = async (userId: string) => {
    const words = await dispatchApi
      .candidates(ticket.id)
      .then((c) => (c.excluded.find((e) => e.userId === userId)?.reasons ?? []).map((r) => exclusionText(r as Exclusion, t)))
      .catch(() => []);
    setRules(words.length ? words : [t('detail.transfer.rulesUnknown')]);
  };

  useEffect(() => {
    setReason('');
    setError('');
    setRules(null);
    if (target?.refused) void explain(target.to);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);
  if (!target) return null;

  const overriding = rules !== null;
  const allowed = !overriding || canOverride(me.role);
  const needsReason = target.field === 'teamId' || overriding;

  const submit = async () => {
    const why = reason.trim();
    if (needsReason && !why) return setError(t(overriding ? 'detail.transfer.overrideReasonRequired' : 'detail.transfer.reasonRequired'));
    setSaving(true);
    setError('');
    try {
      onUpdated(await ticketsApi.update(ticket.id, { [target.field]: target.to, ...(why ? { transferReason: why } : {}) }));
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'DISPATCH_RULE_VIOLATION' && target.field === 'assigneeId') await explain(target.to);
      else {
        const { fields, general } = mapErrorToFields(err, t, FIELDS);
        setError(fields.flatMap((f) => f.errors).join('；') || general || '');
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t(overriding ? 'detail.transfer.overrideTitle' : target.field === 'teamId' ? 'detail.transfer.teamTitle' : 'detail.transferTitle')}
      okText={t(overriding ? 'detail.transfer.override' : 'app.confirm')}
      cancelText={t('app.cancel')}
      okButtonProps={{ 'data-testid': 'transfer-ok', loading: saving, disabled: !allowed, danger: overriding } as never}
      onCancel={onClose}
      onOk={submit}
      destroyOnHidden
    >
      {overriding && (
        <>
          <Typography.Paragraph type="danger">{t('detail.transfer.refused')}</Typography.Paragraph>
          <ul data-testid="transfer-rules">
            {rules.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {!allowed && <Alert type="info" showIcon title={t('detail.transfer.onlySupervisor')} />}
        </>
      )}
      {allowed && (
        <Form layout="vertical">
          <Form.Item
            label={t(overriding ? 'detail.transfer.overrideReason' : target.field === 'teamId' ? 'detail.transfer.teamReason' : 'detail.transferReason')}
            required={needsReason}
            validateStatus={error ? 'error' : undefined}
            help={error || undefined}
          >
            <Input.TextArea
              data-testid="transfer-reason"
              autoFocus
              rows={3}
              maxLength={1000}
              showCount
              placeholder={t('detail.transferReasonPlaceholder')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
