import { EllipsisOutlined } from '@ant-design/icons';
import { Result, Tabs, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/auth-context';
import { PageLoading } from '../common/page-loading';
import { sectionsFor } from './access';

// Administration: one tab per section, each section its own lazily loaded page. Admins see all;
// supervisors what the API lets them (users and catalog to read, teams to change).

export default function AdminLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const sections = sectionsFor(me);
  const current = location.pathname.split('/')[2];
  if (!sections.length) return <Result status="403" title={t('admin.forbidden')} data-testid="admin-forbidden" />;
  if (!current || !sections.includes(current as never)) return <Navigate to={`/admin/${sections[0]}`} replace />;
  return (
    <div data-testid="admin-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('nav.admin')}
      </Typography.Title>
      <Tabs
        activeKey={current}
        onChange={(k) => navigate(`/admin/${k}`)}
        more={{ icon: <EllipsisOutlined aria-label={t('admin.moreSections')} /> }}
        data-testid="admin-tabs"
        // the sections overflow a narrow screen into a menu; Ant Design names its button's icon "ellipsis"
        items={sections.map((s) => ({ key: s, label: <span data-testid={`admin-tab-${s}`}>{t(`admin.section.${s}`)}</span> }))}
      />
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </div>
  );
}
