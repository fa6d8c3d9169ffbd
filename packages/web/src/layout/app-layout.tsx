import { AppstoreOutlined, BellOutlined, BookOutlined, EnvironmentOutlined, HddOutlined, InboxOutlined, GlobalOutlined, LogoutOutlined, MenuOutlined, PlusOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Avatar, Button, Drawer, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth/auth-context';
import { useLiveState } from '../common/live-context';
import { PageLoading } from '../common/page-loading';
import { SiderTrigger } from '../common/quiet-icons';
import { currentLanguage, setLanguage } from '../i18n';
import { canSeeAdmin } from '../admin/access';
import { StatusDot, useDispatchStatusMenu } from '../admin/dispatch/my-dispatch-status';
import { canDispatch } from '../dispatch/access';
import { NotificationBell } from './notification-bell';
import { usePhone } from './use-phone';

// The frame of every signed-in page: navigation on the left (collapses on tablets; in a drawer
// behind the menu button on phones), the bell, the language switch and the user menu on top.

export function LanguageSwitch() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <Dropdown
      menu={{
        selectedKeys: [lng],
        items: [
          { key: 'zh-CN', label: '简体中文', 'data-testid': 'lang-zh' } as never,
          { key: 'en', label: 'English', 'data-testid': 'lang-en' } as never,
        ],
        onClick: ({ key }) => setLanguage(key as 'zh-CN' | 'en'),
      }}
    >
      <Button type="text" icon={<GlobalOutlined aria-hidden />} data-testid="language-switch" aria-label={t('app.language')}>
        {lng === 'en' ? 'EN' : '中文'}
      </Button>
    </Dropdown>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const live = useLiveState();
  const [collapsed, setCollapsed] = useState(false);
  // warn about a lost connection only once there was one (the server may not offer the socket)
  const [everOpen, setEverOpen] = useState(false);
  useEffect(() => {
    if (live === 'open') setEverOpen(true);
  }, [live]);
  const phone = usePhone();
  const dispatchStatus = useDispatchStatusMenu(me);
  const [navOpen, setNavOpen] = useState(false);
  const section = location.pathname === '/tickets/new' ? 'new' : location.pathname.split('/')[1] || 'tickets';

  const nav = (
    <Menu
      mode="inline"
      selectedKeys={[section]}
      data-testid="main-nav"
      onClick={({ key }) => {
        setNavOpen(false);
        navigate(key === 'new' ? '/tickets/new' : `/${key}`);
      }}
      items={[
        { key: 'tickets', icon: <AppstoreOutlined aria-hidden />, label: t('nav.tickets'), 'data-testid': 'nav-tickets' } as never,
        { key: 'new', icon: <PlusOutlined aria-hidden />, label: t('nav.newTicket'), 'data-testid': 'nav-new-ticket' } as never,
        { key: 'customers', icon: <TeamOutlined aria-hidden />, label: t('nav.customers'), 'data-testid': 'nav-customers' } as never,
        ...(me.role !== 'customer' ? [{ key: 'assets', icon: <HddOutlined aria-hidden />, label: t('assets.nav'), 'data-testid': 'nav-assets' } as never] : []),
        ...(me.role !== 'customer' ? [{ key: 'knowledge', icon: <BookOutlined aria-hidden />, label: t('kb.nav'), 'data-testid': 'nav-knowledge' } as never] : []),
        ...(me.role !== 'customer' ? [{ key: 'inventory', icon: <InboxOutlined aria-hidden />, label: t('inv.nav'), 'data-testid': 'nav-inventory' } as never] : []),
        ...(canDispatch(me) ? [{ key: 'dispatch', icon: <EnvironmentOutlined aria-hidden />, label: t('dispatchMap.nav'), 'data-testid': 'nav-dispatch' } as never] : []),
        ...(canSeeAdmin(me) ? [{ key: 'admin', icon: <SettingOutlined aria-hidden />, label: t('nav.admin'), 'data-testid': 'nav-admin' } as never] : []),
      ]}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer placement="left" open={navOpen} onClose={() => setNavOpen(false)} size={240} title={t('app.name')} styles={{ body: { padding: 0 } }} data-testid="phone-nav">
          {nav}
        </Drawer>
      ) : (
        <Layout.Sider breakpoint="lg" collapsible collapsed={collapsed} onCollapse={setCollapsed} trigger={<SiderTrigger collapsed={collapsed} />} theme="light" width={180} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 600, fontSize: 18, whiteSpace: 'nowrap' }}>{t('app.name')}</div>
          {nav}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          className={phone ? 'gd-phone-header' : undefined}
          style={{ background: '#fff', padding: phone ? '0 8px' : '0 16px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: phone ? 4 : 8, borderBottom: '1px solid #f0f0f0', height: 56 }}
        >
          {phone && (
            <>
              <Button type="text" icon={<MenuOutlined aria-hidden />} onClick={() => setNavOpen(true)} aria-label={t('nav.menu')} data-testid="phone-nav-button" />
              <Typography.Text strong style={{ fontSize: 17, marginInlineEnd: 'auto', whiteSpace: 'nowrap' }} data-testid="app-name">
                {t('app.name')}
              </Typography.Text>
            </>
          )}
          <NotificationBell />
          <LanguageSwitch />
          <Dropdown
            menu={{
              items: [
                ...dispatchStatus.items,
                { key: 'notification-settings', icon: <BellOutlined aria-hidden />, label: t('delivery.prefs.title'), 'data-testid': 'notification-settings' } as never,
                { key: 'signout', icon: <LogoutOutlined aria-hidden />, label: t('nav.signOut'), 'data-testid': 'sign-out' } as never,
              ],
              onClick: ({ key }) => dispatchStatus.choose(key) || (key === 'notification-settings' ? navigate('/settings/notifications') : void signOut().then(() => navigate('/login'))),
            }}
          >
            <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined aria-hidden />} />
              {dispatchStatus.current && <StatusDot status={dispatchStatus.current} />}
              {!phone && <Typography.Text>{me.name}</Typography.Text>}
            </Space>
          </Dropdown>
        </Layout.Header>
        {everOpen && live !== 'open' && <Alert type="warning" banner title={t('app.liveOffline')} data-testid="live-offline" />}
        <Layout.Content style={{ padding: phone ? 8 : 16, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
