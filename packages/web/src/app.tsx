import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { AuthProvider, useAuth } from './auth/auth-context';
import { ScreenPop } from './calls/screen-pop';
import { LiveProvider } from './common/live-context';
import { LookupsProvider } from './common/lookups';
import { PageLoading } from './common/page-loading';
import { createQueryClient } from './common/query-client';
import { Themed } from './common/themed';
import { i18n } from './i18n';
import { AppLayout } from './layout/app-layout';
import { signInPage, ticketDetailPage, ticketListPage } from './page-loaders';

// Providers and routes. Every page is its own chunk (React.lazy), loaded when first visited.

const SignInPage = lazy(signInPage);
const TicketListPage = lazy(ticketListPage);
const TicketDetailPage = lazy(ticketDetailPage);
const CreateTicketPage = lazy(() => import('./tickets/create/create-ticket-page'));
const OrganizationsPage = lazy(() => import('./customers/organizations-page'));
const OrganizationDetailPage = lazy(() => import('./customers/organization-detail-page'));
const ContactsPage = lazy(() => import('./customers/contacts-page'));
const ContactDetailPage = lazy(() => import('./customers/contact-detail-page'));
const AdminLayout = lazy(() => import('./admin/admin-layout'));
const UsersPage = lazy(() => import('./admin/users-page'));
const TeamsPage = lazy(() => import('./admin/teams-page'));
const CategoriesPage = lazy(() => import('./admin/categories-page'));
const TicketTypesPage = lazy(() => import('./admin/ticket-types-page'));
const ReplyTemplatesPage = lazy(() => import('./admin/reply-templates-page'));
const ApiKeysPage = lazy(() => import('./admin/api-keys-page'));
const DispatchAdmin = lazy(() => import('./admin/dispatch/dispatch-admin'));
const SkillMatrixPage = lazy(() => import('./admin/dispatch/skill-matrix-page'));
const OutletsPage = lazy(() => import('./admin/dispatch/outlets-page'));
const DispatchRulesPage = lazy(() => import('./admin/dispatch/rules-page'));
const DispatchPoliciesPage = lazy(() => import('./admin/dispatch/policies-page'));
const AutomationPage = lazy(() => import('./admin/automation/automation-page'));
const DeliveryAdmin = lazy(() => import('./admin/delivery/delivery-admin'));
const WebhooksPage = lazy(() => import('./admin/delivery/webhooks-page'));
const ChannelsAdminPage = lazy(() => import('./admin/delivery/channels-page'));
const DeadLettersPage = lazy(() => import('./admin/delivery/dead-letters-page'));
const NotificationPreferencesPage = lazy(() => import('./settings/notification-preferences-page'));
const CalendarsPage = lazy(() => import('./admin/calendars/calendars-page'));
const SlaAdmin = lazy(() => import('./admin/sla/sla-admin'));
const SlaPoliciesPage = lazy(() => import('./admin/sla/policies-page'));
const SlaSettingsPage = lazy(() => import('./admin/sla/settings-page'));
const TenantPage = lazy(() => import('./admin/tenant-page'));
const ChannelsPage = lazy(() => import('./admin/channels/channels-page'));
const IntakePage = lazy(() => import('./admin/intake/intake-page'));
const IntelligencePage = lazy(() => import('./admin/intelligence/intelligence-page'));
const KbStatsPage = lazy(() => import('./admin/assist/kb-stats-page'));
const ImportsPage = lazy(() => import('./admin/imports/imports-page'));
const DeviceKeysPage = lazy(() => import('./admin/iot/device-keys-page'));
const AssetsPage = lazy(() => import('./assets/assets-page'));
const AssetLabelsPage = lazy(() => import('./assets/labels-page'));
const MaintenanceAdmin = lazy(() => import('./admin/maintenance/maintenance-admin'));
const ContractsPage = lazy(() => import('./admin/maintenance/contracts-page'));
const PlansPage = lazy(() => import('./admin/maintenance/plans-page'));
const TelemetryPage = lazy(() => import('./admin/maintenance/telemetry-page'));
const NotificationsPage = lazy(() => import('./notifications/notifications-page'));
const DispatchMapPage = lazy(() => import('./dispatch/dispatch-map-page'));
const KnowledgePage = lazy(() => import('./knowledge/knowledge-page'));
const ArticleEditorPage = lazy(() => import('./knowledge/article-editor-page'));
const NotFoundPage = lazy(() => import('./pages/not-found-page'));
const PortalPage = lazy(() => import('./portal/portal-page'));
const PortalSettingsPage = lazy(() => import('./admin/portal-settings-page'));
const RatingPage = lazy(() => import('./satisfaction/rating-page'));
const SatisfactionAdminPage = lazy(() => import('./admin/satisfaction/satisfaction-page'));
const FieldLayout = lazy(() => import('./field/field-layout'));
const FieldJobsPage = lazy(() => import('./field/jobs-page'));
const FieldJobPage = lazy(() => import('./field/job-page'));
const PartsPage = lazy(() => import('./inventory/parts-page'));
const WarehousesPage = lazy(() => import('./inventory/warehouses-page'));

function RequireSignIn() {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <LookupsProvider>
      <LiveProvider>
        <Outlet />
        {me.role !== 'customer' && <ScreenPop />}
      </LiveProvider>
    </LookupsProvider>
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<SignInPage />} />
        <Route path="/portal/:slug" element={<PortalPage />} />
        <Route path="/portal/:slug/new" element={<PortalPage />} />
        {/* the customer's rating page: public, the link's token is the credential */}
        <Route path="/csat/:token" element={<RatingPage />} />
        <Route element={<RequireSignIn />}>
          {/* the engineer's phone (PWA): its own frame, no console navigation */}
          <Route path="/field" element={<FieldLayout />}>
            <Route index element={<FieldJobsPage />} />
            <Route path="jobs/:ticketId" element={<FieldJobPage />} />
          </Route>
          <Route element={<AppLayout />}>
            <Route index element={<Navigate to="/tickets" replace />} />
            <Route path="/tickets" element={<TicketListPage />} />
            <Route path="/tickets/new" element={<CreateTicketPage />} />
            <Route path="/tickets/:ticketRef" element={<TicketDetailPage />} />
            <Route path="/customers" element={<Navigate to="/customers/organizations" replace />} />
            <Route path="/customers/organizations" element={<OrganizationsPage />} />
            <Route path="/customers/organizations/:id" element={<OrganizationDetailPage />} />
            <Route path="/customers/contacts" element={<ContactsPage />} />
            <Route path="/customers/contacts/:id" element={<ContactDetailPage />} />
            <Route path="/assets" element={<AssetsPage />} />
            <Route path="/assets/labels" element={<AssetLabelsPage />} />
            {/* the assets page was an admin section before it became the console's 设备 */}
            <Route path="/admin/assets" element={<Navigate to="/assets" replace />} />
            <Route path="/admin" element={<AdminLayout />}>
              <Route path="users" element={<UsersPage />} />
              <Route path="teams" element={<TeamsPage />} />
              <Route path="categories" element={<CategoriesPage />} />
              <Route path="ticket-types" element={<TicketTypesPage />} />
              <Route path="reply-templates" element={<ReplyTemplatesPage />} />
              <Route path="dispatch" element={<DispatchAdmin />}>
                <Route path="skills" element={<SkillMatrixPage />} />
                <Route path="outlets" element={<OutletsPage />} />
                <Route path="rules" element={<DispatchRulesPage />} />
                <Route path="policies" element={<DispatchPoliciesPage />} />
              </Route>
              <Route path="satisfaction" element={<SatisfactionAdminPage />} />
              <Route path="automation" element={<AutomationPage />} />
              <Route path="delivery" element={<DeliveryAdmin />}>
                <Route path="webhooks" element={<WebhooksPage />} />
                <Route path="channels" element={<ChannelsAdminPage />} />
                <Route path="dead" element={<DeadLettersPage />} />
              </Route>
              <Route path="calendars" element={<CalendarsPage />} />
              <Route path="sla" element={<SlaAdmin />}>
                <Route path="policies" element={<SlaPoliciesPage />} />
                <Route path="settings" element={<SlaSettingsPage />} />
              </Route>
              <Route path="channels" element={<ChannelsPage />} />
              <Route path="intake" element={<IntakePage />} />
              <Route path="intelligence" element={<IntelligencePage />} />
              <Route path="kb-stats" element={<KbStatsPage />} />
              <Route path="imports" element={<ImportsPage />} />
              <Route path="device-keys" element={<DeviceKeysPage />} />
              <Route path="maintenance" element={<MaintenanceAdmin />}>
                <Route path="contracts" element={<ContractsPage />} />
                <Route path="plans" element={<PlansPage />} />
                <Route path="telemetry" element={<TelemetryPage />} />
              </Route>
              <Route path="api-keys" element={<ApiKeysPage />} />
              <Route path="tenant" element={<TenantPage />} />
              <Route path="portal" element={<PortalSettingsPage />} />
            </Route>
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/settings/notifications" element={<NotificationPreferencesPage />} />
            <Route path="/dispatch" element={<DispatchMapPage />} />
            <Route path="/inventory" element={<PartsPage />} />
            <Route path="/inventory/warehouses" element={<WarehousesPage />} />
            <Route path="/knowledge" element={<KnowledgePage />} />
            <Route path="/knowledge/:articleId" element={<ArticleEditorPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}

/** Ant Design's theme (its static stylesheet, no styles generated in the page): see common/themed.tsx. */
export { THEME } from './common/themed';

export function Providers({ children }: { children: React.ReactNode }) {
  // one query cache for the app's life (a fresh one per render in tests: test/render.tsx)
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <Themed>
          <AuthProvider>{children}</AuthProvider>
        </Themed>
      </I18nextProvider>
    </QueryClientProvider>
  );
}

export function App() {
  return (
    <Providers>
      {/* The address and the screen change together: by default React Router renders a new location as a
          transition, which a busy machine may hold back while the address has already changed, and a
          search typed meanwhile was then applied to the previous view's filters (我的待办's assignee and statuses). */}
      <BrowserRouter useTransitions={false}>
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  );
}
