import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DownOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  MedicineBoxOutlined,
  NotificationOutlined,
  ProfileOutlined,
  QrcodeOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  ShareAltOutlined,
  SolutionOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission, Role } from '@fangkong/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api, setCsrfToken, unwrap } from '../api/client.ts';
import { ME_KEY, useSession } from '../auth/session.tsx';
import { Loading } from '../components/loading.tsx';
import { type MessageKey, useI18n } from '../i18n/i18n.tsx';
import { labelOf } from '../i18n/labels.ts';
import { JurisdictionPicker } from '../jurisdictions/jurisdiction-picker.tsx';
import { ChangePasswordModal } from '../pages/account/change-password.modal.tsx';
import { AlertBell } from '../pages/alerts/alert-bell.tsx';

interface MenuEntry {
  path: string;
  label: MessageKey;
  permission: Permission;
  icon: ReactNode;
  /** Shown only to these roles (besides the permission): a menu that is not everyone's daily work. */
  roles?: readonly Role[];
}

/** 传播链 is the CDC's and the command's view. */
const CDC_ROLES: readonly Role[] = ['cdc_epidemiologist', 'district_commander', 'command_office_staff'];

/** 风险区域 is the command's, the CDC's and the town's work (issue 14). */
const ZONE_ROLES: readonly Role[] = [...CDC_ROLES, 'town_cadre', 'system_admin'];
/** 报送看板 is the receiving office's view (the town, the command office, the commander), not a reporter's. */
const REPORT_BOARD_ROLES: readonly Role[] = ['town_cadre', 'district_commander', 'command_office_staff', 'system_admin'];

/** 场所登记与报批 (hotel guests, event permits, the sharing outbox) is the hotel's, the organizer's, the community's and the town's work, not a pharmacy's. */
const RECORDS_ROLES: readonly Role[] = [
  'institution_reporter',
  'grid_worker',
  'assigned_medic',
  'town_cadre',
  'cdc_epidemiologist',
  'district_commander',
  'command_office_staff',
  'system_admin',
];

const MENU: MenuEntry[] = [
  { path: '/jurisdictions', label: 'menu.jurisdictions', permission: 'jurisdiction.read', icon: <ApartmentOutlined /> },
  { path: '/persons', label: 'menu.persons', permission: 'person.read', icon: <UserOutlined /> },
  { path: '/work-list', label: 'menu.workList', permission: 'keyPerson.read', icon: <CalendarOutlined /> },
  { path: '/key-persons', label: 'menu.keyPersons', permission: 'keyPerson.read', icon: <SafetyCertificateOutlined /> },
  { path: '/roster-import', label: 'menu.rosterImport', permission: 'keyPerson.write', icon: <UploadOutlined /> },
  { path: '/sites', label: 'menu.sites', permission: 'site.read', icon: <HomeOutlined /> },
  { path: '/alerts', label: 'menu.alerts', permission: 'alert.read', icon: <AlertOutlined /> },
  { path: '/assist-requests', label: 'menu.assistRequests', permission: 'keyPerson.read', icon: <FileSearchOutlined /> },
  { path: '/code-changes', label: 'menu.codeChanges', permission: 'code.read', icon: <QrcodeOutlined /> },
  { path: '/appeals', label: 'menu.appeals', permission: 'code.read', icon: <AuditOutlined /> },
  { path: '/checkpoint', label: 'menu.checkpoint', permission: 'checkpoint.operate', icon: <SafetyOutlined /> },
  { path: '/duty-roster', label: 'menu.dutyRoster', permission: 'checkpoint.operate', icon: <ScheduleOutlined /> },
  { path: '/passes', label: 'menu.passes', permission: 'pass.manage', icon: <IdcardOutlined /> },
  { path: '/place-codes', label: 'menu.placeCodes', permission: 'place.code', icon: <QrcodeOutlined /> },
  { path: '/users', label: 'menu.users', permission: 'user.read', icon: <TeamOutlined /> },
  { path: '/audit', label: 'menu.audit', permission: 'audit.read', icon: <AuditOutlined /> },
  { path: '/testing-overview', label: 'menu.testingOverview', permission: 'testing.read', icon: <DashboardOutlined /> },
  { path: '/testing', label: 'menu.testingCampaigns', permission: 'testing.read', icon: <ExperimentOutlined /> },
  { path: '/testing-groups', label: 'menu.testingGroups', permission: 'testing.read', icon: <SolutionOutlined /> },
  { path: '/sampling', label: 'menu.testingSampling', permission: 'testing.sample', icon: <ExperimentOutlined /> },
  { path: '/lab-results', label: 'menu.testingLabResults', permission: 'testing.labResult', icon: <ExperimentOutlined /> },
  { path: '/lab-corrections', label: 'menu.testingLabCorrections', permission: 'testing.manage', icon: <ExperimentOutlined /> },
  { path: '/environment-sampling', label: 'menu.environmentSampling', permission: 'testing.read', icon: <ExperimentOutlined /> },
  { path: '/fever-clinic', label: 'menu.feverClinic', permission: 'testing.read', icon: <ExperimentOutlined /> },
  { path: '/cases', label: 'menu.cases', permission: 'case.read', icon: <MedicineBoxOutlined /> },
  { path: '/case-board', label: 'menu.caseBoard', permission: 'case.read', icon: <FieldTimeOutlined /> },
  { path: '/chains', label: 'menu.chains', permission: 'keyPerson.read', icon: <ShareAltOutlined />, roles: CDC_ROLES },
  { path: '/zones', label: 'menu.zones', permission: 'zone.read', icon: <EnvironmentOutlined />, roles: ZONE_ROLES },
  { path: '/response-levels', label: 'menu.responseLevels', permission: 'response.read', icon: <AlertOutlined /> },
  { path: '/reports', label: 'menu.reports', permission: 'report.submit', icon: <FileTextOutlined /> },
  {
    path: '/report-board',
    label: 'menu.reportBoard',
    permission: 'report.read',
    icon: <FundProjectionScreenOutlined />,
    roles: REPORT_BOARD_ROLES,
  },
  { path: '/command', label: 'menu.command', permission: 'command.read', icon: <ClusterOutlined /> },
  { path: '/tasks', label: 'menu.tasks', permission: 'task.work', icon: <CheckSquareOutlined /> },
  { path: '/supervision', label: 'menu.supervision', permission: 'command.read', icon: <FileDoneOutlined /> },
  { path: '/accountability', label: 'menu.accountability', permission: 'command.read', icon: <FlagOutlined /> },
  // Supplies and preparedness (issue 15 parts 4 and 6).
  { path: '/supplies', label: 'menu.supplies', permission: 'supply.read', icon: <InboxOutlined /> },
  // Information release and public opinion (issue 15 part 5).
  { path: '/information', label: 'menu.information', permission: 'information.read', icon: <NotificationOutlined /> },
  // community daily work (issue 16 §7)
  { path: '/community', label: 'menu.community', permission: 'community.write', icon: <HomeOutlined /> },
  // Command overview (issue 13, helper levels)
  // Protocols as data (issue 14 part 3).
  { path: '/protocols', label: 'menu.protocols', permission: 'protocol.read', icon: <FileTextOutlined /> },
  // Institutions (issue 16)
  { path: '/institutions', label: 'menu.institutions', permission: 'institution.read', icon: <BankOutlined /> },
  {
    path: '/institution-records',
    label: 'menu.institutionRecords',
    permission: 'institution.read',
    icon: <ProfileOutlined />,
    roles: RECORDS_ROLES,
  },
  // dashboard (issue 17)
  { path: '/dashboard', label: 'menu.dashboard', permission: 'dashboard.read', icon: <DashboardOutlined /> },
];

function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="language-switch"
      onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
    >
      {t('app.language')}
    </Button>
  );
}

function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const { me } = useSession();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
      navigate('/login');
    },
  });
  const roles = [...new Set(me.roles.map((r) => labelOf(t, 'role', r.role)))].join('、');
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'password', label: t('app.changePassword'), onClick: onChangePassword },
          { key: 'logout', label: <span data-testid="logout">{t('app.logout')}</span>, onClick: () => logout.mutate() },
        ],
      }}
    >
      <Button type="text" data-testid="user-menu">
        <Space>
          <UserOutlined />
          <span>{me.displayName}</span>
          <Typography.Text type="secondary">{roles}</Typography.Text>
          <DownOutlined />
        </Space>
      </Button>
    </Dropdown>
  );
}

/** Header (title, jurisdiction picker, language, user), a menu of what the user may open, and the page. */
export function AppLayout() {
  const { t, language } = useI18n();
  const { can, me } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [changingPassword, setChangingPassword] = useState(false);
  const hasRole = (roles: readonly Role[] | undefined) => !roles || me.roles.some((r) => roles.includes(r.role as Role));
  const items = MENU.filter((entry) => can(entry.permission) && hasRole(entry.roles)).map((entry) => ({
    key: entry.path,
    icon: entry.icon,
    // The English menu is wider so its labels are not cut off; the full label is also the hover title.
    label: (
      <span data-testid={`menu-${entry.path.slice(1)}`} title={t(entry.label)}>
        {t(entry.label)}
      </span>
    ),
  }));
  // `/testing-groups` is not under `/testing`: a page or one of its sub-paths.
  const selected = MENU.find((entry) => location.pathname === entry.path || location.pathname.startsWith(`${entry.path}/`))?.path;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* A phone scrolls the header inside itself: the page stays as wide as the screen (issue 15, forms on a phone). */}
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 24,
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
          padding: '0 24px',
          overflowX: 'auto',
          overflowY: 'hidden',
        }}
      >
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap', color: '#1f5fbf' }}>
          {t('app.title')}
        </Typography.Title>
        {can('jurisdiction.read') && (
          <Space>
            <Typography.Text type="secondary">{t('app.scope')}</Typography.Text>
            <JurisdictionPicker />
          </Space>
        )}
        <div style={{ flex: 1 }} />
        {can('alert.read') && <AlertBell />}
        <LanguageSwitch />
        <UserMenu onChangePassword={() => setChangingPassword(true)} />
      </Layout.Header>
      <Layout>
        {/* On a phone (issue 15: reports filled in on the spot) the menu folds away behind the trigger. */}
        <Layout.Sider
          width={language === 'en' ? 248 : 200}
          theme="light"
          breakpoint="md"
          collapsedWidth={0}
          style={{ borderRight: '1px solid #f0f0f0' }}
        >
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={items}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 0 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}
