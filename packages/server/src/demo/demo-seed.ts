import { addDays, COUNTRY_ROOT, conflict, invalid, ResidentIdAllocator, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findUserByUsername } from '../auth/auth.repository.ts';
import type { Db } from '../db/client.ts';
import { insertJurisdictions, jurisdictionsByCodes } from '../divisions/divisions.repository.ts';
import { importDivisions } from '../divisions/divisions.service.ts';
import { type RequestContext, systemContext } from '../http/context.ts';
import { compileSituationReport } from '../modules/dashboard/situation-report.service.ts';
import { hasPeopleOrPlaces, type JurisdictionRow, townsAndVillagesUnder } from './demo.repository.ts';
import { createDemoAccounts, type DemoScope } from './demo-accounts.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoCodes } from './demo-codes.ts';
import { seedDemoCommand } from './demo-command.ts';
// community daily work (issue 16 §7)
import { seedDemoCommunity } from './demo-community.ts';
import { type CountyNames, type DemoGrid, gridRow, planGrids } from './demo-grids.ts';
import { hasNonDemoAccounts } from './demo-guard.ts';
import { type HomeContext, type HomeCounts, seedGridHomes } from './demo-homes.ts';
import { seedDemoInformation } from './demo-information.ts';
// Institutions (issue 16)
import { seedDemoInstitutions } from './demo-institutions.ts';
import { seedDemoKeyPersons } from './demo-key-persons.ts';
import { seedDemoProtocols } from './demo-protocols.ts';
import { seedDemoReports } from './demo-reports.ts';
import { linkDemoResident } from './demo-resident.ts';
import { seedDemoResponse } from './demo-response.ts';
import { seedDemoSentinel } from './demo-sentinel.ts';
import { seedDemoSupplies } from './demo-supplies.ts';
import { seedDemoTesting } from './demo-testing.ts';
import { seedVenues, type VenueCounts } from './demo-venues.ts';
import { DemoWriter } from './demo-writer.ts';
import { seedDemoZones } from './demo-zones.ts';

/** 常州市武进区: the district of seed 002, whose emergency plan the demo follows. */
export const DEMO_COUNTY = '320412';
/** 湖塘镇, the town the town-level demo accounts stand in. */
export const DEMO_TOWN = '320412100';
export const DEFAULT_DEMO_SEED = 20200128;
/** Ages are computed at this date, so the same seed gives the same people whatever day it runs. */
export const DEMO_REFERENCE_DATE = '2025-01-01';
export const MAX_DEMO_RESIDENTS = 5_000_000;
// Rows per insert: a few MB of JSON per statement, memory stays bounded at any size.
const BATCH_SIZE = 5000;

export interface DemoSeedOptions {
  residents: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface DemoSummary extends HomeCounts {
  county: string;
  seed: number;
  towns: number;
  villages: number;
  grids: number;
  venues: VenueCounts;
  accounts: number;
  keyPersons: number;
  /** Daily reports of the demo day in 湖塘镇 (issue 15). */
  reports: number;
  seconds: number;
}

/** The demo county, its address names and its towns and villages. */
interface SeedArea {
  county: JurisdictionRow;
  names: CountyNames;
  divisions: JurisdictionRow[];
}

async function loadArea(db: Db): Promise<SeedArea> {
  const chain = new Map((await jurisdictionsByCodes(db, ['32', '3204', DEMO_COUNTY])).map((row) => [row.code, row]));
  const county = chain.get(DEMO_COUNTY);
  if (!county) throw new Error(`county ${DEMO_COUNTY} missing after the divisions import`);
  const names = { province: chain.get('32')?.name ?? '', city: chain.get('3204')?.name ?? '', county: county.name };
  return { county, names, divisions: await townsAndVillagesUnder(db, county.path) };
}

/** Logs each tenth of the residents as it lands. */
function progress(log: (line: string) => void, residents: number) {
  let next = 0.1;
  return (written: number) => {
    if (written < residents * next) return;
    log(`演示数据：已写入 ${written}/${residents} 名居民 / demo: ${written} of ${residents} residents written`);
    while (written >= residents * next) next += 0.1;
  };
}

async function seedHomes(ctx: HomeContext, grids: readonly DemoGrid[]) {
  const nextBuilding = new Map<string, number>();
  for (const grid of grids) {
    const first = nextBuilding.get(grid.villageCode) ?? 1;
    nextBuilding.set(grid.villageCode, await seedGridHomes(ctx, grid, first));
  }
}

/** Grids, venues, buildings, units, households and residents, and the run's audit event, in one transaction. */
async function buildDemo(tx: Db, deps: AppDeps, area: SeedArea, options: Required<DemoSeedOptions>, context: RequestContext) {
  const grids = planGrids(options.seed, area.names, area.divisions, options.residents);
  // Six parameters per grid row: 5 000 rows stay below PostgreSQL's 65 535 bind parameters.
  for (let i = 0; i < grids.length; i += BATCH_SIZE) await insertJurisdictions(tx, grids.slice(i, i + BATCH_SIZE).map(gridRow));
  const writer = new DemoWriter(tx, BATCH_SIZE, progress(options.log, options.residents));
  const venues = await seedVenues(options.seed, writer, area.names, area.divisions);
  const counts: HomeCounts = { buildings: 0, units: 0, households: 0, residents: 0 };
  const ids = new ResidentIdAllocator(DEMO_COUNTY);
  await seedHomes({ seed: options.seed, referenceDate: DEMO_REFERENCE_DATE, cipher: deps.cipher, ids, writer, counts }, grids);
  await writer.finish();
  const built = { grids: grids.length, venues, ...counts };
  await recordAudit(tx, context, {
    action: 'demo.seed',
    entityType: 'jurisdiction',
    entityId: area.county.id,
    jurisdictionPath: area.county.path,
    after: { seed: options.seed, ...built },
  });
  return built;
}

async function accountScopes(db: Db, area: SeedArea): Promise<Record<DemoScope, string>> {
  const root = (await jurisdictionsByCodes(db, [COUNTRY_ROOT.code]))[0];
  const town = area.divisions.find((d) => d.code === DEMO_TOWN);
  const community = area.divisions.find((d) => d.level === 'village' && d.parentId === town?.id);
  if (!root || !town || !community) throw new Error('demo account scopes are missing');
  return { country: root.id, county: area.county.id, town: town.id, community: community.id };
}

function checkedOptions(options: DemoSeedOptions): Required<DemoSeedOptions> {
  const { residents, seed = DEFAULT_DEMO_SEED, log = () => {} } = options;
  if (!Number.isInteger(residents) || residents < 0 || residents > MAX_DEMO_RESIDENTS) {
    throw invalid('residents', 'invalidValue', { detail: `0–${MAX_DEMO_RESIDENTS}` });
  }
  if (!Number.isInteger(seed)) throw invalid('seed', 'invalidValue', { detail: 'integer' });
  return { residents, seed, log };
}

/**
 * Builds the demo district 常州市武进区 (320412) into an empty database: NBS divisions, grids,
 * homes with generated residents, venues and the demo accounts. The same seed gives the same data.
 */
export async function seedDemo(deps: AppDeps, options: DemoSeedOptions): Promise<DemoSummary> {
  const started = performance.now();
  const checked = checkedOptions(options);
  const db = deps.database.db;
  if (await hasPeopleOrPlaces(db)) throw conflict('residents', 'demoNotEmpty');
  // Issue 12 defect 1: the public demo password never lands next to real accounts.
  if (await hasNonDemoAccounts(db)) throw conflict('accounts', 'demoHasAccounts');
  const context = systemContext('demo-seed');
  await importDivisions(deps, { county: DEMO_COUNTY, log: checked.log, context });
  const area = await loadArea(db);
  const built = await db.transaction((tx) => buildDemo(tx, deps, area, checked, context));
  const scopes = await accountScopes(db, area);
  const accounts = await createDemoAccounts(deps, scopes);
  const keyPersons = await seedKeyPersons(deps, area, scopes);
  await seedDemoTesting(deps, area.county.path, checked.log);
  const cases = await seedCases(deps, area);
  const town = area.divisions.find((d) => d.code === DEMO_TOWN);
  const reports = town ? await seedDemoReports(deps, town.path, checked.seed) : 0;
  await seedCommand(deps, area, scopes, checked.seed);
  // Issue 13: 湖塘镇 at response level IV, proposed, confirmed, approved and filed by the demo accounts —
  // after the command organization, so the level's measures land as tasks on 湖塘镇's working groups.
  if (town && cases > 0) await seedDemoResponse(deps, { county: area.county, town });
  // Supplies and preparedness (issue 15 parts 4 and 6).
  await seedSupplies(deps, area, scopes);
  // Information release and public opinion (issue 15 part 5).
  await seedInformation(deps, area, scopes);
  // Institutions (issue 16)
  await seedInstitutions(deps, area, scopes, checked.seed);
  await linkDemoResident(db, scopes.community);
  // Issue 14 part 3: one approved local profile for 湖塘镇 beside the shipped editions.
  await seedDemoProtocols(deps, area.county);
  // Issue 16 §7: 南街社区's door-to-door screening half done, a returnee from 武汉市, the six ones, gatherings, supplies.
  await seedCommunity(deps, area, scopes);
  // dashboard (issue 17): 60 days of sentinel series in 湖塘镇's communities and the early-warning signal they raise
  const communities = area.divisions.filter((d) => d.level === 'village' && d.parentId === town?.id);
  await seedDemoSentinel(deps, communities, checked.seed);
  // issue 17: the codes of the people under management and of the cases, so the dashboard counts colours.
  await seedDemoCodes(deps, area.county.path);
  // issue 17 §5, DAILY-007: yesterday's 疫情日报 of 武进区 and of 湖塘镇 (the town's own), as the 08:00 compile would have made them.
  const yesterday = addDays(shanghaiDate(deps.clock()), -1);
  await compileSituationReport(deps, area.county, yesterday);
  if (town) await compileSituationReport(deps, town, yesterday);
  const count = (level: string) => area.divisions.filter((d) => d.level === level).length;
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const summary = {
    county: DEMO_COUNTY,
    seed: checked.seed,
    towns: count('town'),
    villages: count('village'),
    ...built,
    accounts,
    keyPersons,
    reports,
    seconds,
  };
  checked.log(`演示数据完成：${summary.residents} 名居民，${summary.households} 户，${seconds} 秒 / demo seeded in ${seconds} s`);
  return summary;
}

/** The demo's own writes through the real services: the county's system, as an administrator of the county. */
function countySystemContext(area: SeedArea): RequestContext {
  const grant = { role: 'system_admin' as const, jurisdictionId: area.county.id, jurisdictionPath: area.county.path };
  return { ...systemContext('demo-seed'), actor: { userId: null, username: 'demo-seed', displayName: 'demo-seed', grants: [grant] } };
}

/** People under management in the demo town, registered as the county's system (through the real services). */
async function seedKeyPersons(deps: AppDeps, area: SeedArea, scopes: Record<DemoScope, string>): Promise<number> {
  const userId = async (username: string) => (await findUserByUsername(deps.database.db, username))?.id ?? '';
  const town = area.divisions.find((d) => d.code === DEMO_TOWN);
  if (!town) return 0;
  const context = countySystemContext(area);
  return seedDemoKeyPersons(deps, context, {
    communityId: scopes.community,
    countyPath: area.county.path,
    townPath: town.path,
    cadreId: await userId('grid'),
    medicId: await userId('medic'),
    townCadreId: await userId('town'),
  });
}

/** The demo outbreak in the demo town (issue 11), opened as the county's system through the real services. */
async function seedCases(deps: AppDeps, area: SeedArea): Promise<number> {
  const town = area.divisions.find((d) => d.code === DEMO_TOWN);
  if (!town) return 0;
  const context = countySystemContext(area);
  const cases = await seedDemoCases(deps, context, town.path);
  // Issue 14: 湖塘镇 at medium risk with a sealed zone around the outbreak.
  if (cases > 0) await seedDemoZones(deps, context, town);
  return cases;
}

/** The demo's command organization (issue 13): 武进区's and 湖塘镇's headquarters from the seeds' templates, tasks, an inspection. */
async function seedCommand(deps: AppDeps, area: SeedArea, scopes: Record<DemoScope, string>, seed: number) {
  const town = area.divisions.find((d) => d.code === DEMO_TOWN);
  const community = area.divisions.find((d) => d.id === scopes.community);
  if (!town || !community) return;
  const context = countySystemContext(area);
  await seedDemoCommand(deps, context, { county: area.county, town, community }, seed);
}

/** Supplies and preparedness (issue 15 parts 4 and 6): the towns' reserves, one short in 湖塘镇, the county's facilities, plan and drill. */
async function seedSupplies(deps: AppDeps, area: SeedArea, scopes: Record<DemoScope, string>) {
  const town = area.divisions.find((d) => d.code === DEMO_TOWN);
  const community = area.divisions.find((d) => d.id === scopes.community);
  if (!town || !community) return;
  const towns = area.divisions.filter((d) => d.level === 'town');
  await seedDemoSupplies(deps, countySystemContext(area), { county: area.county, town, community, towns });
}

/** Issue 15 part 5: a published district notice, a community notice awaiting the town, an open rumour. */
async function seedInformation(deps: AppDeps, area: SeedArea, scopes: Record<DemoScope, string>) {
  const community = area.divisions.find((d) => d.id === scopes.community);
  if (!community) return;
  await seedDemoInformation(deps, { county: area.county, community });
}

/** Institutions (issue 16): 湖塘镇's schools, pharmacies, markets, a care home and a hotel with a week of records. */
async function seedInstitutions(deps: AppDeps, area: SeedArea, scopes: Record<DemoScope, string>, seed: number) {
  const town = area.divisions.find((d) => d.code === DEMO_TOWN);
  const community = area.divisions.find((d) => d.id === scopes.community);
  if (!town || !community) return;
  await seedDemoInstitutions(deps, countySystemContext(area), town, community, seed);
}

/** The grid worker's community work (issue 16 §7), after the key persons and the resident link. */
async function seedCommunity(deps: AppDeps, area: SeedArea, scopes: Record<DemoScope, string>) {
  const community = area.divisions.find((d) => d.id === scopes.community);
  if (community) await seedDemoCommunity(deps, community);
}

/**
 * Seeds the demo at start-up only when the database holds no person and no place yet, and never into
 * a database that holds accounts the demo did not make (issue 12 defect 1).
 */
export async function seedDemoIfEmpty(deps: AppDeps, options: DemoSeedOptions): Promise<DemoSummary | null> {
  if (await hasPeopleOrPlaces(deps.database.db)) return null;
  if (await hasNonDemoAccounts(deps.database.db)) {
    options.log?.('演示数据未写入：数据库中已有非演示账号 / demo not seeded: the database holds non-demo accounts');
    return null;
  }
  return seedDemo(deps, options);
}
