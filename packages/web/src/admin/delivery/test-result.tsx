import { Alert, Modal, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../common/api-errors';
import { CloseIcon } from '../../common/quiet-icons';
import type { TestResult } from './delivery-api';

// What a test send answered: the platform's HTTP status and, when it refused, what it said (a robot's
// errcode and errmsg, a gateway's code), or why it could not be reached — in the platform's own words.

export type TestState = { name: string; result?: TestResult; error?: unknown } | null;

export function TestResultModal({ state, onClose }: { state: TestState; onClose: () => void }) {
  const { t } = useTranslation();
  const r = state?.result;
  return (
    <Modal open={!!state} title={`${t('delivery.testTitle')} · ${state?.name ?? ''}`} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} destroyOnHidden closeIcon={<CloseIcon />}>
      <div data-testid="test-result">
        {!r && !state?.error && <Spin tip={t('delivery.testing')} />}
        {!!state?.error && <Alert type="error" showIcon title={errorMessage(state.error, t)} />}
        {r && (
          <>
            <Alert type={r.ok ? 'success' : 'error'} showIcon title={r.ok ? t('delivery.testOk', { status: r.status ?? '' }) : t('delivery.testFailed')} style={{ marginBottom: 8 }} data-testid={r.ok ? 'test-ok' : 'test-failed'} />
            {!r.ok && r.status != null && <Typography.Paragraph>{t('delivery.testStatus', { status: r.status })}</Typography.Paragraph>}
            {r.error && (
              <>
                <Typography.Text type="secondary">{t('delivery.testAnswer')}</Typography.Text>
                <pre style={{ background: '#fafafa', padding: 8, maxHeight: 240, overflow: 'auto', whiteSpace: 'pre-wrap' }} data-testid="test-answer">
                  {r.error}
                </pre>
              </>
            )}
            {r.deliveryId && <Typography.Text type="secondary" style={{ fontSize: 12 }}>X-Gongdan-Delivery: {r.deliveryId}</Typography.Text>}
          </>
        )}
      </div>
    </Modal>
  );
}
