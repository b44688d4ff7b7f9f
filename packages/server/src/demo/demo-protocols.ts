import type { Role } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { findUserByUsername } from '../auth/auth.repository.ts';
import { type RequestContext, systemContext } from '../http/context.ts';
import { approveProtocolDocument, createProtocolDraft } from '../modules/protocols/protocol-document.service.ts';
import { homeObservationProfile } from '../modules/protocols/sample-profile.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** The demo's local profile: 湖塘镇 puts close contacts in home isolation medical observation (§18 V1). */
export const DEMO_PROFILE_ID = 'hutang-home-observation';
const DEMO_TOWN_CODE = '320412100';

async function asAccount(deps: Deps, username: string, role: Role, county: { id: string; path: string }): Promise<RequestContext> {
  const user = await findUserByUsername(deps.database.db, username);
  const grant = { role, jurisdictionId: county.id, jurisdictionPath: county.path };
  return { ...systemContext('demo-seed'), actor: { userId: user?.id ?? null, username, displayName: username, grants: [grant] } };
}

/**
 * One approved local profile beside the shipped editions (issue 14 demo), through the real services: `office`
 * drafts 湖塘镇's home-observation profile under the 9th edition and `commander` approves it with its basis.
 * It is left approved, not active, so the demo's own episodes keep the edition's plan and `commander` can
 * preview and activate it on 防控方案.
 */
export async function seedDemoProtocols(deps: Deps, county: { id: string; path: string }): Promise<number> {
  const office = await asAccount(deps, 'office', 'command_office_staff', county);
  const commander = await asAccount(deps, 'commander', 'district_commander', county);
  const draft = await createProtocolDraft(deps, office, { document: homeObservationProfile(DEMO_TOWN_CODE, DEMO_PROFILE_ID) });
  await approveProtocolDocument(deps, commander, draft.id, { basis: '武进区新冠肺炎疫情防控指挥部〔演示〕2号' });
  return 1;
}
