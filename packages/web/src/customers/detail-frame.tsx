import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { errorMessage } from '../common/api-errors';
import { PageLoading } from '../common/page-loading';

// What a customer page shows before its record is there: loading, not found, or the error with a retry.
export function DetailState({ loading, error, onRetry, back }: { loading: boolean; error: unknown; onRetry: () => void; back: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (loading) return <PageLoading />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('errors.NOT_FOUND')} extra={<Button onClick={() => navigate(back)}>{t('customers.backToList')}</Button>} />;
  return <Alert type="error" showIcon title={errorMessage(error, t)} action={<Button onClick={onRetry}>{t('app.retry')}</Button>} />;
}

export function BackLink({ to }: { to: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(to)} style={{ paddingInline: 0 }} data-testid="customer-back">
      {t('customers.backToList')}
    </Button>
  );
}
