import { Tabs } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoading } from '../../common/page-loading';

// Administration › 通知与 Webhook: webhooks, notification channels (group robots, SMS gateway), dead letters.

export const DELIVERY_PAGES = ['webhooks', 'channels', 'dead'] as const;

export default function DeliveryAdmin() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const current = useLocation().pathname.split('/')[3];
  if (!DELIVERY_PAGES.includes(current as never)) return <Navigate to="/admin/delivery/webhooks" replace />;
  return (
    <div data-testid="delivery-admin">
      <Tabs
        size="small"
        type="card"
        activeKey={current}
        onChange={(k) => navigate(`/admin/delivery/${k}`)}
        items={DELIVERY_PAGES.map((p) => ({ key: p, label: <span data-testid={`delivery-tab-${p}`}>{t(`delivery.tabs.${p}`)}</span> }))}
      />
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </div>
  );
}
