import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { mapErrorToFields } from '../common/api-errors';
import { formatWait } from '../i18n/format';
import { LanguageSwitch } from '../layout/app-layout';
import { useAuth } from './auth-context';

interface Values {
  email: string;
  password: string;
  tenant?: string;
}

export default function SignInPage() {
  const { t } = useTranslation();
  const { me, signIn, expired } = useAuth();
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/tickets';
  if (me) return <Navigate to={from} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setGeneral(null);
    try {
      await signIn(v.email.trim(), v.password, v.tenant?.trim() || undefined);
      navigate(from, { replace: true });
    } catch (err) {
      // too many failed sign-ins from this address: say when to try again (the server's Retry-After)
      if (err instanceof ApiError && err.code === 'RATE_LIMITED' && err.retryAfterSeconds) {
        setGeneral(t('auth.retryAfter', { wait: formatWait(err.retryAfterSeconds) }));
        return;
      }
      const { fields, general: g } = mapErrorToFields(err, t, ['email', 'password', 'tenant']);
      form.setFields(fields as never);
      setGeneral(g);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f5f7fa', padding: 16 }}>
      <Card style={{ width: 380, maxWidth: '100%' }} extra={<LanguageSwitch />} title={t('auth.title')}>
        {expired && <Alert type="warning" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit} data-testid="sign-in-form" requiredMark={false}>
          <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, whitespace: true, message: t('auth.emailRequired') }]}>
            <Input prefix={<MailOutlined aria-hidden />} autoComplete="username" autoFocus data-testid="sign-in-email" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" data-testid="sign-in-password" />
          </Form.Item>
          <Form.Item name="tenant" label={t('auth.tenant')}>
            <Input data-testid="sign-in-tenant" />
          </Form.Item>
          {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="sign-in-submit">
            {t('auth.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          Gongdan 工单
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
