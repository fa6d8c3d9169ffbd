import { Tabs } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoading } from '../common/page-loading';

// An administration section made of tabs, each its own lazily loaded page under /admin/<section>/<page>;
// an unknown page goes to the first one.

interface Props {
  section: string;
  pages: readonly string[];
  /** the i18n key prefix of the tabs' labels (e.g. delivery.tabs) */
  labels: string;
}

export function TabbedAdmin({ section, pages, labels }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const current = useLocation().pathname.split('/')[3];
  if (!pages.includes(current)) return <Navigate to={`/admin/${section}/${pages[0]}`} replace />;
  return (
    <div data-testid={`${section}-admin`}>
      <Tabs
        size="small"
        type="card"
        activeKey={current}
        onChange={(k) => navigate(`/admin/${section}/${k}`)}
        items={pages.map((p) => ({ key: p, label: <span data-testid={`${section}-tab-${p}`}>{t(`${labels}.${p}`)}</span> }))}
      />
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </div>
  );
}
