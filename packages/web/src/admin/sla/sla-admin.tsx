import { Tabs } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoading } from '../../common/page-loading';

// Administration › SLA: SLA 策略 (policies) and SLA 设置 (settings), each its own lazily loaded page.

export const SLA_PAGES = ['policies', 'settings'] as const;

export default function SlaAdmin() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const current = useLocation().pathname.split('/')[3];
  if (!SLA_PAGES.includes(current as never)) return <Navigate to="/admin/sla/policies" replace />;
  return (
    <div data-testid="sla-admin">
      <Tabs
        size="small"
        type="card"
        activeKey={current}
        onChange={(k) => navigate(`/admin/sla/${k}`)}
        items={SLA_PAGES.map((p) => ({ key: p, label: <span data-testid={`sla-tab-${p}`}>{t(`sla.admin.tabs.${p}`)}</span> }))}
      />
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </div>
  );
}
