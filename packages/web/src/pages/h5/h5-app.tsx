import { useQueryClient } from '@tanstack/react-query';
import { Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, Route, Routes, useSearchParams } from 'react-router-dom';
import { api, setCsrfToken } from '../../api/client.ts';
import { useMeQuery } from '../../auth/session.tsx';
import { Loading } from '../../components/loading.tsx';
import { AppealPage } from './appeal.page.tsx';
import { ArrivalPage } from './arrival.page.tsx';
import { DeclarePage } from './declare.page.tsx';
import { DependantsPage } from './dependants.page.tsx';
import { useH5 } from './h5-i18n.ts';
import { HomePage } from './home.page.tsx';
import { H5LoginPage, RegisterPage } from './register.page.tsx';

/** A phone-width column: the residents' pages are opened in WeChat or a phone browser. */
export function H5Frame({ children }: { children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', background: '#f2f5f9' }}>
      <div style={{ maxWidth: 480, margin: '0 auto', padding: '12px 12px 72px' }}>{children}</div>
    </div>
  );
}

/** The person a page is about: `?p=` (a dependant) or the account's own person. */
export function usePersonParam(): string | null {
  const [params] = useSearchParams();
  return params.get('p');
}

function Signed() {
  const me = useMeQuery();
  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/h5/login" replace />;
  return <H5Layout />;
}

function H5Layout() {
  const { t, toggleLanguage } = useH5();
  const queryClient = useQueryClient();
  const p = usePersonParam();
  const suffix = p ? `?p=${p}` : '';
  const logout = async () => {
    await api.POST('/api/auth/logout');
    setCsrfToken(null);
    queryClient.clear();
    window.location.assign('/h5/login');
  };
  const tabs: [string, string][] = [
    [`/h5${suffix}`, t('home')],
    [`/h5/declare${suffix}`, t('declare')],
    [`/h5/arrival${suffix}`, t('arrival')],
    ['/h5/dependants', t('dependants')],
  ];
  return (
    <H5Frame>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={4} style={{ margin: '4px 0 12px', color: '#1f5fbf' }}>
          {t('title')}
        </Typography.Title>
        <span>
          <Button type="link" size="small" onClick={toggleLanguage}>
            {t('language')}
          </Button>
          <Button type="link" size="small" onClick={logout} data-testid="h5-logout">
            {t('logout')}
          </Button>
        </span>
      </div>
      <Outlet />
      <nav
        style={{
          position: 'fixed',
          bottom: 0,
          left: 0,
          right: 0,
          display: 'flex',
          background: '#fff',
          borderTop: '1px solid #e5e8ee',
          justifyContent: 'space-around',
          padding: '10px 0',
        }}
      >
        {tabs.map(([to, label]) => (
          <Link key={to} to={to} style={{ fontSize: 14 }}>
            {label}
          </Link>
        ))}
      </nav>
    </H5Frame>
  );
}

export function H5App() {
  return (
    <Routes>
      <Route path="login" element={<H5LoginPage />} />
      <Route path="register" element={<RegisterPage />} />
      <Route element={<Signed />}>
        <Route index element={<HomePage />} />
        <Route path="declare" element={<DeclarePage />} />
        <Route path="arrival" element={<ArrivalPage />} />
        <Route path="dependants" element={<DependantsPage />} />
        <Route path="appeal" element={<AppealPage />} />
        <Route path="*" element={<Navigate to="/h5" replace />} />
      </Route>
    </Routes>
  );
}
