import type { Clause, ProfileDocument, Role } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { findUserByUsername } from '../auth/auth.repository.ts';
import { type RequestContext, systemContext } from '../http/context.ts';
import { approveProtocolDocument, createProtocolDraft } from '../modules/protocols/protocol-document.service.ts';
import { homeObservationProfile } from '../modules/protocols/sample-profile.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** The demo's local profile: 湖塘镇 puts close contacts in home isolation medical observation (§18 V1). */
export const DEMO_PROFILE_ID = 'hutang-home-observation';
const DEMO_TOWN_CODE = '320412100';

const townClause = (says: string): Clause => ({ source: '湖塘镇防控指挥部', clause: '湖防指〔演示〕1号', says });

/**
 * The demo profile's document: the home observation of close contacts (§18 V1) and the town's own settings a
 * newcomer sees on 防控方案 — its pool sizes outside zones (TEST-005, §18 V22: 5:1 at most) and its colour for the
 * residents of controlled zones (CODE-, §18 V10: red like sealed ones).
 */
export function demoProfileDocument(): ProfileDocument {
  const document = homeObservationProfile(DEMO_TOWN_CODE, DEMO_PROFILE_ID);
  document.profile.testing = {
    pooling: [
      { zoneType: 'general', sizes: [5, 1], household: false, basis: townClause('Outside control zones the town pools 5:1 at most') },
    ],
  };
  document.profile.codes = [
    {
      kind: 'residentOfControlZone',
      zoneTypes: ['sealed_zone', 'controlled_zone'],
      colour: 'red',
      basis: townClause('Residents of sealed and controlled zones: red code'),
    },
  ];
  return document;
}

async function asAccount(deps: Deps, username: string, role: Role, county: { id: string; path: string }): Promise<RequestContext> {
  const user = await findUserByUsername(deps.database.db, username);
  const grant = { role, jurisdictionId: county.id, jurisdictionPath: county.path };
  return { ...systemContext('demo-seed'), actor: { userId: user?.id ?? null, username, displayName: username, grants: [grant] } };
}

/**
 * One approved local profile beside the shipped editions (issue 14 demo), through the real services: `office`
 * drafts 湖塘镇's profile under the 9th edition (home observation of close contacts, its own pool sizes and
 * code colours) and `commander` approves it with its basis.
 * It is left approved, not active, so the demo's own episodes keep the edition's plan and `commander` can
 * preview and activate it on 防控方案.
 */
export async function seedDemoProtocols(deps: Deps, county: { id: string; path: string }): Promise<number> {
  const office = await asAccount(deps, 'office', 'command_office_staff', county);
  const commander = await asAccount(deps, 'commander', 'district_commander', county);
  const draft = await createProtocolDraft(deps, office, { document: demoProfileDocument() });
  await approveProtocolDocument(deps, commander, draft.id, { basis: '武进区新冠肺炎疫情防控指挥部〔演示〕2号' });
  return 1;
}
