import { Tabs } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoading } from '../../common/page-loading';

// Administration › 智能派单: the skill matrix, outlets, rules and policies, each its own lazily loaded page.

export const DISPATCH_PAGES = ['skills', 'outlets', 'rules', 'policies'] as const;

export default function DispatchAdmin() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const current = useLocation().pathname.split('/')[3];
  if (!DISPATCH_PAGES.includes(current as never)) return <Navigate to="/admin/dispatch/skills" replace />;
  return (
    <div data-testid="dispatch-admin">
      <Tabs
        size="small"
        type="card"
        activeKey={current}
        onChange={(k) => navigate(`/admin/dispatch/${k}`)}
        items={DISPATCH_PAGES.map((p) => ({ key: p, label: <span data-testid={`dispatch-tab-${p}`}>{t(`dispatch.tabs.${p}`)}</span> }))}
      />
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </div>
  );
}
