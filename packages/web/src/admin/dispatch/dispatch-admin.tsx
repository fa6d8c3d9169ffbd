import { Segmented } from 'antd';
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
      <Segmented
        value={current}
        onChange={(v) => navigate(`/admin/dispatch/${v}`)}
        options={DISPATCH_PAGES.map((p) => ({ value: p, label: <span data-testid={`dispatch-tab-${p}`}>{t(`dispatch.tabs.${p}`)}</span> }))}
        style={{ marginBottom: 12 }}
      />
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </div>
  );
}
