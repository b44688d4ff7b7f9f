import type { Permission } from '@fangkong/core';
import { Result } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { SessionProvider, useMeQuery, useSession } from './auth/session.tsx';
import { Loading } from './components/loading.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { ScopeProvider } from './jurisdictions/scope.tsx';

const LoginPage = lazy(() => import('./pages/login/login.page.tsx').then((m) => ({ default: m.LoginPage })));
const AppLayout = lazy(() => import('./layout/app-layout.tsx').then((m) => ({ default: m.AppLayout })));
const JurisdictionBrowserPage = lazy(() =>
  import('./pages/jurisdictions/jurisdiction-browser.page.tsx').then((m) => ({ default: m.JurisdictionBrowserPage })),
);
const PersonSearchPage = lazy(() => import('./pages/persons/person-search.page.tsx').then((m) => ({ default: m.PersonSearchPage })));
const UsersPage = lazy(() => import('./pages/users/users.page.tsx').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/audit/audit.page.tsx').then((m) => ({ default: m.AuditPage })));
const H5App = lazy(() => import('./pages/h5/h5-app.tsx').then((m) => ({ default: m.H5App })));

function Signed({ children }: { children: ReactNode }) {
  const me = useMeQuery();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
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

function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('app.notFound')} />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* Residents' mobile pages (their own layout and sign-in). */}
        <Route path="/h5/*" element={<H5App />} />
        <Route
          element={
            <Signed>
              <AppLayout />
            </Signed>
          }
        >
          <Route index element={<Navigate to="/jurisdictions" replace />} />
          <Route
            path="jurisdictions"
            element={
              <Allowed permission="jurisdiction.read">
                <JurisdictionBrowserPage />
              </Allowed>
            }
          />
          <Route
            path="persons"
            element={
              <Allowed permission="person.read">
                <PersonSearchPage />
              </Allowed>
            }
          />
          <Route
            path="users"
            element={
              <Allowed permission="user.read">
                <UsersPage />
              </Allowed>
            }
          />
          <Route
            path="audit"
            element={
              <Allowed permission="audit.read">
                <AuditPage />
              </Allowed>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
