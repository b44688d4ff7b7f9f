import {
  type FacilityRecord,
  type InstitutionProfile,
  type PreparationKind,
  type ReadinessFinding,
  readinessRules,
  readinessVerdict,
  type Shift,
  type StockHolderKind,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { checkpointRules } from '../closed-management/closed-management-access.ts';
import { shiftsOnUnder } from '../closed-management/rosters/roster.repository.ts';
import { listInstitutions } from '../institutions/institution.repository.ts';
import { childrenOf, type JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';
import { scheduleStatuses } from './disinfection.service.ts';
import { exercisesUnder, plansUnder, preparationsUnder } from './preparedness.repository.ts';
import { type StockItemRow, stockItemsUnder } from './stock.repository.ts';
import { lineOf } from './stock.service.ts';
import { readJurisdiction } from './supplies-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** Everything readiness looks at under one subtree, loaded once and split by child in memory. */
async function loadUnder(db: Db, path: string, now: Date) {
  const [stock, preparations, plans, exercises, schedules, institutions, shifts] = await Promise.all([
    stockItemsUnder(db, [path]),
    preparationsUnder(db, [path]),
    plansUnder(db, [path]),
    exercisesUnder(db, [path]),
    scheduleStatuses(db, [path], now),
    listInstitutions(db, [path], undefined),
    shiftsOnUnder(db, [path], shanghaiDate(now)),
  ]);
  return { stock, preparations, plans, exercises, schedules, institutions: institutions.map((i) => i.row), shifts };
}
type Loaded = Awaited<ReturnType<typeof loadUnder>>;

function holdersOf(stock: readonly StockItemRow[]) {
  const holders = new Map<string, { kind: StockHolderKind; name: string; lines: ReturnType<typeof lineOf>[] }>();
  for (const row of stock) {
    const key = `${row.holderKind}|${row.holderName}`;
    const holder = holders.get(key) ?? { kind: row.holderKind as StockHolderKind, name: row.holderName, lines: [] };
    holder.lines.push(lineOf(row));
    holders.set(key, holder);
  }
  return [...holders.values()];
}

const findingView = (f: ReadinessFinding) => ({
  level: f.level,
  rule: f.rule,
  requirement: f.requirement,
  holder: f.holder ?? null,
  item: f.item ?? null,
  values: f.values,
  clause: `${f.basis.source} ${f.basis.clause}`,
  says: f.basis.says,
});

/** Schools with their pupils and health workers, and today's checkpoint shifts (RES-006). */
function staffingOf(institutions: Loaded['institutions'], shifts: Loaded['shifts']) {
  const schools = institutions
    .filter((i) => i.kind === 'school' || i.kind === 'kindergarten')
    .map((i) => {
      const profile = i.profile as InstitutionProfile;
      return { name: i.name, students: profile.students ?? 0, healthWorkers: profile.healthWorkers ?? 0 };
    });
  return { schools, shifts: shifts.map((s) => ({ checkpoint: s.checkpoint, shift: s.shift as Shift, staffCount: s.staff.length })) };
}

/** Each unit and whether a stock holder of kind `institution` carries its name (RES-011). */
function unitsOf(institutions: Loaded['institutions'], stock: Loaded['stock']) {
  const holders = new Set(stock.filter((s) => s.holderKind === 'institution').map((s) => s.holderName));
  return institutions.map((i) => ({ name: i.name, kind: i.kind, holdsStock: holders.has(i.name) }));
}

function verdictOf(j: JurisdictionRow, all: Loaded, today: string) {
  const under = <T extends { jurisdictionPath: string }>(rows: readonly T[]) => rows.filter((r) => r.jurisdictionPath.startsWith(j.path));
  const facilities: FacilityRecord[] = under(all.preparations).map((p) => ({
    kind: p.kind as PreparationKind,
    name: p.name,
    status: p.status,
    capacity: p.capacity,
    keptCapacity: p.keptCapacity,
    checklistNo: p.checklistNo,
  }));
  const institutions = under(all.institutions);
  const verdict = readinessVerdict(
    {
      level: j.level,
      name: j.name,
      holders: holdersOf(under(all.stock)),
      facilities,
      plans: under(all.plans).map((p) => ({ title: p.title, reviewDueOn: p.reviewDueOn })),
      latestExerciseOn: under(all.exercises)[0]?.heldOn ?? null,
      overdueDisinfections: all.schedules
        .filter((s) => s.schedule.jurisdictionPath.startsWith(j.path) && s.status.state === 'overdue')
        .map((s) => s.schedule.placeName),
      staffing: staffingOf(institutions, under(all.shifts)),
      units: unitsOf(institutions, under(all.stock)),
    },
    readinessRules(),
    today,
    checkpointRules(),
  );
  return { jurisdictionId: j.id, name: j.name, level: j.level, colour: verdict.colour, findings: verdict.findings.map(findingView) };
}

/**
 * The readiness of a jurisdiction and of each of its children (RES-001…RES-012, RES-015, ENV-003,
 * PREP-001…PREP-004; SC-58…SC-60): green, amber or red with every reason and its clause.
 */
export async function readiness(deps: Deps, context: RequestContext, query: { jurisdictionId?: string }) {
  const db = deps.database.db;
  const target = await readJurisdiction(db, context, query.jurisdictionId);
  const now = deps.clock();
  const today = shanghaiDate(now);
  const all = await loadUnder(db, target.path, now);
  const children = await childrenOf(db, target.id);
  return { ...verdictOf(target, all, today), children: children.map((c) => verdictOf(c, all, today)) };
}
