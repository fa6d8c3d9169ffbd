import { Alert, Modal, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../common/api-errors';
import type { TestResult } from './delivery-api';

// What a test send answered: the platform's status and its answer as it gave it (a robot's errcode and
// errmsg, a gateway's JSON), or why it could not be reached.

export type TestState = { name: string; result?: TestResult; error?: unknown } | null;

const show = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body, null, 2));

export function TestResultModal({ state, onClose }: { state: TestState; onClose: () => void }) {
  const { t } = useTranslation();
  const r = state?.result;
  return (
    <Modal open={!!state} title={`${t('delivery.testTitle')} · ${state?.name ?? ''}`} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} destroyOnHidden>
      <div data-testid="test-result">
        {!r && !state?.error && <Spin tip={t('delivery.testing')} />}
        {!!state?.error && <Alert type="error" showIcon title={errorMessage(state.error, t)} />}
        {r && (
          <>
            <Alert type={r.ok ? 'success' : 'error'} showIcon title={r.ok ? t('delivery.testOk', { status: r.status ?? '' }) : t('delivery.testFailed')} style={{ marginBottom: 8 }} />
            {!r.ok && r.status != null && <Typography.Paragraph>{t('delivery.testStatus', { status: r.status })}</Typography.Paragraph>}
            {r.error && <Typography.Paragraph>{t('delivery.testError', { error: r.error })}</Typography.Paragraph>}
            {r.body !== undefined && r.body !== null && r.body !== '' && (
              <>
                <Typography.Text type="secondary">{t('delivery.testAnswer')}</Typography.Text>
                <pre style={{ background: '#fafafa', padding: 8, maxHeight: 240, overflow: 'auto', whiteSpace: 'pre-wrap' }} data-testid="test-answer">
                  {show(r.body)}
                </pre>
              </>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
