import { AppError, type Role } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { systemContext } from '../http/context.ts';
import { createUser } from '../modules/users/user.service.ts';

/** Public on purpose (docs/demo-accounts.md): demo databases are for trying the platform, never for real data. */
export const DEMO_PASSWORD = 'fangkong2026';

/** Where each account stands: the country, the district, 湖塘镇, or the first community of 湖塘镇. */
export type DemoScope = 'country' | 'county' | 'town' | 'community';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  scope: DemoScope;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员（演示）', role: 'system_admin', scope: 'country' },
  { username: 'commander', displayName: '区指挥部指挥长（演示）', role: 'district_commander', scope: 'county' },
  { username: 'office', displayName: '指挥部办公室（演示）', role: 'command_office_staff', scope: 'county' },
  { username: 'cdc', displayName: '疾控流调人员（演示）', role: 'cdc_epidemiologist', scope: 'county' },
  { username: 'town', displayName: '湖塘镇干部（演示）', role: 'town_cadre', scope: 'town' },
  { username: 'grid', displayName: '社区网格员（演示）', role: 'grid_worker', scope: 'community' },
  { username: 'medic', displayName: '包保医务人员（演示）', role: 'assigned_medic', scope: 'community' },
  { username: 'lab', displayName: '检测机构人员（演示）', role: 'lab_staff', scope: 'county' },
  { username: 'site', displayName: '隔离点工作人员（演示）', role: 'quarantine_site_staff', scope: 'county' },
  { username: 'checkpoint', displayName: '卡口值守人员（演示）', role: 'checkpoint_staff', scope: 'town' },
  { username: 'school', displayName: '学校疫情报告人（演示）', role: 'institution_reporter', scope: 'town' },
  // In the demo one secretary signs for every community of 湖塘镇 (in practice each community has its own).
  { username: 'secretary', displayName: '社区党组织书记（演示）', role: 'community_secretary', scope: 'town' },
  { username: 'resident', displayName: '社区居民（演示）', role: 'resident', scope: 'community' },
  // Institutions (issue 16): the staff of 南街社区大药房, who register real-name fever-drug sales.
  { username: 'pharmacy', displayName: '南街社区大药房（演示）', role: 'pharmacy_staff', scope: 'community' },
  // Issue 16 part 2: the front desk of 湖塘宾馆 in 南街社区, who registers the hotel's guests (PUB-007).
  { username: 'hotel', displayName: '湖塘宾馆前台（演示）', role: 'institution_reporter', scope: 'community' },
];

/** Creates the demo accounts; an account whose username is taken is left as it is. Returns how many were created. */
export async function createDemoAccounts(deps: AppDeps, scopes: Record<DemoScope, string>): Promise<number> {
  const context = systemContext('demo-seed');
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const { scope, ...user } = account;
    try {
      await createUser(deps, context, { ...user, password: DEMO_PASSWORD, jurisdictionId: scopes[scope] });
      created++;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'duplicateUsername')) throw error;
    }
  }
  return created;
}
