import type { Permission } from '@fangkong/core';
import { Result } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { landingPath } from './auth/landing.ts';
import { SessionProvider, useMeQuery, useSession } from './auth/session.tsx';
import { Loading } from './components/loading.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { ScopeProvider } from './jurisdictions/scope.tsx';

const LoginPage = lazy(() => import('./pages/login/login.page.tsx').then((m) => ({ default: m.LoginPage })));
// The public notices page, no sign-in (issue 15 part 5: INFO-005, SC-68).
const PublicNoticesPage = lazy(() => import('./pages/notices/public-notices.page.tsx').then((m) => ({ default: m.PublicNoticesPage })));
const AppLayout = lazy(() => import('./layout/app-layout.tsx').then((m) => ({ default: m.AppLayout })));
const JurisdictionBrowserPage = lazy(() =>
  import('./pages/jurisdictions/jurisdiction-browser.page.tsx').then((m) => ({ default: m.JurisdictionBrowserPage })),
);
const PersonSearchPage = lazy(() => import('./pages/persons/person-search.page.tsx').then((m) => ({ default: m.PersonSearchPage })));
const UsersPage = lazy(() => import('./pages/users/users.page.tsx').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/audit/audit.page.tsx').then((m) => ({ default: m.AuditPage })));
const PlaceCodesPage = lazy(() => import('./pages/checkpoints/place-codes.page.tsx').then((m) => ({ default: m.PlaceCodesPage })));
const PassesPage = lazy(() => import('./pages/checkpoints/passes.page.tsx').then((m) => ({ default: m.PassesPage })));
const DutyRosterPage = lazy(() => import('./pages/checkpoints/duty-roster.page.tsx').then((m) => ({ default: m.DutyRosterPage })));
const CheckpointPage = lazy(() => import('./pages/checkpoints/checkpoint.page.tsx').then((m) => ({ default: m.CheckpointPage })));
const WorkListPage = lazy(() => import('./pages/work-list/work-list.page.tsx').then((m) => ({ default: m.WorkListPage })));
const KeyPersonsPage = lazy(() => import('./pages/key-persons/key-persons.page.tsx').then((m) => ({ default: m.KeyPersonsPage })));
const RosterImportPage = lazy(() => import('./pages/key-persons/roster-import.page.tsx').then((m) => ({ default: m.RosterImportPage })));
const SitesPage = lazy(() => import('./pages/sites/sites.page.tsx').then((m) => ({ default: m.SitesPage })));
const AlertsPage = lazy(() => import('./pages/alerts/alerts.page.tsx').then((m) => ({ default: m.AlertsPage })));
const AssistRequestsPage = lazy(() =>
  import('./pages/assist-requests/assist-requests.page.tsx').then((m) => ({ default: m.AssistRequestsPage })),
);
const CodeChangesPage = lazy(() => import('./pages/codes/code-changes.page.tsx').then((m) => ({ default: m.CodeChangesPage })));
const AppealsPage = lazy(() => import('./pages/codes/appeals.page.tsx').then((m) => ({ default: m.AppealsPage })));
const H5App = lazy(() => import('./pages/h5/h5-app.tsx').then((m) => ({ default: m.H5App })));
const TestingCampaignsPage = lazy(() => import('./pages/testing/campaigns.page.tsx').then((m) => ({ default: m.TestingCampaignsPage })));
const TestingOverviewPage = lazy(() => import('./pages/testing/overview.page.tsx').then((m) => ({ default: m.TestingOverviewPage })));
const TestingSamplingPage = lazy(() => import('./pages/testing/sampling.page.tsx').then((m) => ({ default: m.TestingSamplingPage })));
const TestingLabResultsPage = lazy(() =>
  import('./pages/testing/lab-results.page.tsx').then((m) => ({ default: m.TestingLabResultsPage })),
);
const LabCorrectionsPage = lazy(() => import('./pages/testing/lab-corrections.page.tsx').then((m) => ({ default: m.LabCorrectionsPage })));
const EnvironmentSamplingPage = lazy(() =>
  import('./pages/testing/environment-sampling.page.tsx').then((m) => ({ default: m.EnvironmentSamplingPage })),
);
const FeverClinicPage = lazy(() => import('./pages/testing/fever-clinic.page.tsx').then((m) => ({ default: m.FeverClinicPage })));
const TestingGroupsPage = lazy(() => import('./pages/testing/testing-groups.page.tsx').then((m) => ({ default: m.TestingGroupsPage })));
const CasesPage = lazy(() => import('./pages/cases/cases.page.tsx').then((m) => ({ default: m.CasesPage })));
const CaseDetailPage = lazy(() => import('./pages/cases/case-detail.page.tsx').then((m) => ({ default: m.CaseDetailPage })));
const CaseBoardPage = lazy(() => import('./pages/cases/case-board.page.tsx').then((m) => ({ default: m.CaseBoardPage })));
const ReportsPage = lazy(() => import('./pages/reports/reports.page.tsx').then((m) => ({ default: m.ReportsPage })));
const ReportFillPage = lazy(() => import('./pages/reports/report-fill.page.tsx').then((m) => ({ default: m.ReportFillPage })));
const ReportBoardPage = lazy(() => import('./pages/reports/report-board.page.tsx').then((m) => ({ default: m.ReportBoardPage })));
const ChainsPage = lazy(() => import('./pages/tracing/chains.page.tsx').then((m) => ({ default: m.ChainsPage })));
const ResponseLevelsPage = lazy(() => import('./pages/response/response-levels.page.tsx').then((m) => ({ default: m.ResponseLevelsPage })));
const ZonesPage = lazy(() => import('./pages/zones/zones.page.tsx').then((m) => ({ default: m.ZonesPage })));
const OrganizationPage = lazy(() => import('./pages/command/organization.page.tsx').then((m) => ({ default: m.OrganizationPage })));
const TasksPage = lazy(() => import('./pages/command/tasks.page.tsx').then((m) => ({ default: m.TasksPage })));
const SupervisionPage = lazy(() => import('./pages/command/supervision.page.tsx').then((m) => ({ default: m.SupervisionPage })));
const AccountabilityPage = lazy(() => import('./pages/command/accountability.page.tsx').then((m) => ({ default: m.AccountabilityPage })));
// Supplies and preparedness (issue 15 parts 4 and 6).
const SuppliesPage = lazy(() => import('./pages/supplies/supplies.page.tsx').then((m) => ({ default: m.SuppliesPage })));
// Information release and public opinion (issue 15 part 5).
const InformationPage = lazy(() => import('./pages/information/information.page.tsx').then((m) => ({ default: m.InformationPage })));
// community daily work (issue 16 §7)
const CommunityPage = lazy(() => import('./pages/community/community.page.tsx').then((m) => ({ default: m.CommunityPage })));
const CommandOverviewPage = lazy(() =>
  import('./pages/command/command-overview.page.tsx').then((m) => ({ default: m.CommandOverviewPage })),
);
const ProtocolsPage = lazy(() => import('./pages/protocols/protocols.page.tsx').then((m) => ({ default: m.ProtocolsPage })));
// Institutions (issue 16)
const InstitutionsPage = lazy(() => import('./pages/institutions/institutions.page.tsx').then((m) => ({ default: m.InstitutionsPage })));
const InstitutionRecordsPage = lazy(() =>
  import('./pages/institutions/institution-records.page.tsx').then((m) => ({ default: m.InstitutionRecordsPage })),
);
const DashboardPage = lazy(() => import('./pages/dashboard/dashboard.page.tsx').then((m) => ({ default: m.DashboardPage })));
const ForcedPasswordPage = lazy(() => import('./pages/password/forced-password.page.tsx').then((m) => ({ default: m.ForcedPasswordPage })));

/** Pages behind a permission, in menu order (the menu itself is in layout/app-layout.tsx). */
const GUARDED: { path: string; permission: Permission; element: ReactNode }[] = [
  { path: 'jurisdictions', permission: 'jurisdiction.read', element: <JurisdictionBrowserPage /> },
  { path: 'persons', permission: 'person.read', element: <PersonSearchPage /> },
  { path: 'work-list', permission: 'keyPerson.read', element: <WorkListPage /> },
  { path: 'key-persons', permission: 'keyPerson.read', element: <KeyPersonsPage /> },
  { path: 'roster-import', permission: 'keyPerson.write', element: <RosterImportPage /> },
  { path: 'sites', permission: 'site.read', element: <SitesPage /> },
  { path: 'alerts', permission: 'alert.read', element: <AlertsPage /> },
  { path: 'assist-requests', permission: 'keyPerson.read', element: <AssistRequestsPage /> },
  { path: 'code-changes', permission: 'code.read', element: <CodeChangesPage /> },
  { path: 'appeals', permission: 'code.read', element: <AppealsPage /> },
  { path: 'checkpoint', permission: 'checkpoint.operate', element: <CheckpointPage /> },
  { path: 'duty-roster', permission: 'checkpoint.operate', element: <DutyRosterPage /> },
  { path: 'passes', permission: 'pass.manage', element: <PassesPage /> },
  { path: 'place-codes', permission: 'place.code', element: <PlaceCodesPage /> },
  { path: 'users', permission: 'user.read', element: <UsersPage /> },
  { path: 'audit', permission: 'audit.read', element: <AuditPage /> },
  { path: 'testing-overview', permission: 'testing.read', element: <TestingOverviewPage /> },
  { path: 'testing', permission: 'testing.read', element: <TestingCampaignsPage /> },
  { path: 'testing-groups', permission: 'testing.read', element: <TestingGroupsPage /> },
  { path: 'sampling', permission: 'testing.sample', element: <TestingSamplingPage /> },
  { path: 'lab-results', permission: 'testing.labResult', element: <TestingLabResultsPage /> },
  { path: 'lab-corrections', permission: 'testing.manage', element: <LabCorrectionsPage /> },
  { path: 'environment-sampling', permission: 'testing.read', element: <EnvironmentSamplingPage /> },
  { path: 'fever-clinic', permission: 'testing.read', element: <FeverClinicPage /> },
  { path: 'cases', permission: 'case.read', element: <CasesPage /> },
  { path: 'cases/:id', permission: 'case.read', element: <CaseDetailPage /> },
  { path: 'case-board', permission: 'case.read', element: <CaseBoardPage /> },
  { path: 'zones', permission: 'zone.read', element: <ZonesPage /> },
  { path: 'response-levels', permission: 'response.read', element: <ResponseLevelsPage /> },
  { path: 'chains', permission: 'keyPerson.read', element: <ChainsPage /> },
  { path: 'reports', permission: 'report.submit', element: <ReportsPage /> },
  { path: 'reports/fill', permission: 'report.submit', element: <ReportFillPage /> },
  { path: 'report-board', permission: 'report.read', element: <ReportBoardPage /> },
  { path: 'command', permission: 'command.read', element: <OrganizationPage /> },
  { path: 'tasks', permission: 'task.work', element: <TasksPage /> },
  { path: 'supervision', permission: 'command.read', element: <SupervisionPage /> },
  { path: 'accountability', permission: 'command.read', element: <AccountabilityPage /> },
  // Supplies and preparedness (issue 15 parts 4 and 6).
  { path: 'supplies', permission: 'supply.read', element: <SuppliesPage /> },
  // Information release and public opinion (issue 15 part 5).
  { path: 'information', permission: 'information.read', element: <InformationPage /> },
  // community daily work (issue 16 §7)
  { path: 'community', permission: 'community.write', element: <CommunityPage /> },
  // Command overview (issue 13, helper levels)
  { path: 'command-overview', permission: 'command.read', element: <CommandOverviewPage /> },
  // Protocols as data (issue 14 part 3).
  { path: 'protocols', permission: 'protocol.read', element: <ProtocolsPage /> },
  // Institutions (issue 16)
  { path: 'institutions', permission: 'institution.read', element: <InstitutionsPage /> },
  { path: 'institution-records', permission: 'institution.read', element: <InstitutionRecordsPage /> },
  // dashboard (issue 17)
  { path: 'dashboard', permission: 'dashboard.read', element: <DashboardPage /> },
];

function Signed({ children }: { children: ReactNode }) {
  const me = useMeQuery();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  // A one-time password is changed before anything else opens.
  if (me.data.mustChangePassword)
    return (
      <Suspense fallback={<Loading />}>
        <ForcedPasswordPage />
      </Suspense>
    );
  return (
    <SessionProvider me={me.data}>
      <ScopeProvider>{children}</ScopeProvider>
    </SessionProvider>
  );
}

function Allowed({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  const { t } = useI18n();
  if (!can(permission)) return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** `/` opens the signed-in user's own work page (auth/landing.ts). */
function Landing() {
  const { me } = useSession();
  return <Navigate to={landingPath(me.roles)} replace />;
}

function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('app.notFound')} />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/notices" element={<PublicNoticesPage />} />
        {/* Residents' mobile pages (their own layout and sign-in). */}
        <Route path="/h5/*" element={<H5App />} />
        <Route
          element={
            <Signed>
              <AppLayout />
            </Signed>
          }
        >
          <Route index element={<Landing />} />
          {GUARDED.map((page) => (
            <Route key={page.path} path={page.path} element={<Allowed permission={page.permission}>{page.element}</Allowed>} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
