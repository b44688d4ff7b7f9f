import { measuresForLevel, notFound, pathInScope, type ResponseLevel, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { casesReportedOn } from '../cases/case-view.service.ts';
import { findJurisdictionById, findJurisdictionsByPaths, type JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';
import { editionAt } from '../protocols/protocol-in-force.ts';
import { dayStatuses } from '../reports/report-board.service.ts';
import { levelInForce, levelsSetUnder, runningResponseIds } from '../response/response.service.ts';
import { zoneSummary } from '../zones/zone-map.service.ts';
import { scopeOf } from './command-access.ts';
import { openFindingCounts } from './supervision.repository.ts';
import { listCommandTasks, taskCounts, taskCountsPerGroup, unitsOfTasks } from './task.repository.ts';
import { taskCountsUnder, taskView } from './task.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

/** The jurisdiction the overview is for: the one asked for inside the caller's command scope, else the top of that scope. */
async function overviewPlace(db: Db, context: RequestContext, jurisdictionId: string | undefined): Promise<JurisdictionRow> {
  const scope = scopeOf(context, 'command.read');
  const found = jurisdictionId
    ? await findJurisdictionById(db, jurisdictionId)
    : (await findJurisdictionsByPaths(db, scope.slice(0, 1)))[0];
  if (!found || !pathInScope(found.path, scope)) throw notFound('jurisdictionId');
  return found;
}

/** The levels set below the place (a town's own level under a district), with the names of where they were set. */
async function levelsBelow(db: Db, place: JurisdictionRow) {
  const below = await levelsSetUnder(db, place.path);
  const places = await findJurisdictionsByPaths(
    db,
    below.map((l) => l.jurisdictionPath),
  );
  return below.flatMap((l) => {
    const at = places.find((p) => p.path === l.jurisdictionPath);
    return at ? [{ level: l.level, jurisdictionId: at.id, jurisdictionName: at.name }] : [];
  });
}

/**
 * The level in force here (own or inherited, LVL-018), the levels set below it, and how the measure tasks of the
 * responses running at and under the place stand per group; `checklist` counts the measures of those levels.
 */
async function levelSection(db: Db, place: JurisdictionRow, now: Date) {
  const [inForce, below, responseIds] = await Promise.all([
    levelInForce(db, place.path),
    levelsBelow(db, place),
    runningResponseIds(db, place.path),
  ]);
  if (!inForce && below.length === 0) return { level: null, levelsBelow: [], measures: null };
  const [setBy] = inForce ? await findJurisdictionsByPaths(db, [inForce.jurisdictionPath]) : [];
  // the edition in force here: the district's own when it activated one (issue 14, RULES-001), as the response module asks
  const edition = await editionAt(db, place.path, now);
  const checklist = (level: ResponseLevel) => (edition ? measuresForLevel(level, edition).length : 0);
  const filter = { paths: [place.path], sourceKind: 'level_measure', responseIds };
  const [totals, groups] = await Promise.all([taskCounts(db, filter, now), taskCountsPerGroup(db, filter, now)]);
  return {
    level: inForce
      ? {
          level: inForce.level,
          jurisdictionId: setBy?.id ?? null,
          jurisdictionName: setBy?.name ?? null,
          inherited: inForce.jurisdictionPath !== place.path,
        }
      : null,
    levelsBelow: below,
    measures: {
      checklist: (inForce ? checklist(inForce.level) : 0) + below.reduce((sum, l) => sum + checklist(l.level), 0),
      ...totals,
      groups: groups.map((g) => ({
        workingGroupId: g.groupId,
        nameZh: g.groupName,
        nameEn: g.groupNameEn,
        jurisdictionName: g.jurisdictionName,
        open: g.open,
        overdue: g.overdue,
        done: g.done,
      })),
    },
  };
}

/** The day's reports under the place (DAILY-003), read from the reports board, if the caller reads reports there. */
async function reportsSection(deps: Deps, context: RequestContext, place: JurisdictionRow, date: string) {
  if (!pathInScope(place.path, scopeOf(context, 'report.read'))) return null;
  const statuses = (await dayStatuses(deps, [place.path], date)).flatMap((d) => d.statuses);
  const count = (...states: string[]) => statuses.filter((s) => states.includes(s.state)).length;
  return {
    date,
    expected: statuses.length,
    onTime: count('on_time'),
    late: count('late'),
    pending: count('open', 'due_soon'),
    missing: count('missing'),
  };
}

/** Risk grades and active control zones under the place (issue 13 part 4), asked of the zones module, if the caller reads zones there. */
function zonesSection(deps: Deps, context: RequestContext, place: JurisdictionRow) {
  if (!pathInScope(place.path, scopeOf(context, 'zone.read'))) return Promise.resolve(null);
  return zoneSummary(deps, context, place.id);
}

/**
 * The commander's overview of a jurisdiction (issue 13 "command view"): the level in force and its measures'
 * progress per group, the command tasks open and overdue (the overdue ones listed), supervision findings
 * still open, the risk grades and active control zones, today's reports and today's cases. Each part is read from the module that answers it.
 */
export async function commandOverview(deps: Deps, context: RequestContext, jurisdictionId: string | undefined) {
  const db = deps.database.db;
  const place = await overviewPlace(db, context, jurisdictionId);
  const now = deps.clock();
  const today = shanghaiDate(now);
  const paths = [place.path];
  const [level, tasks, overdue, findings, zones, reports, cases] = await Promise.all([
    levelSection(db, place, now),
    taskCountsUnder(deps, place.path),
    listCommandTasks(db, { paths, state: 'overdue' }, now, 10, 0),
    openFindingCounts(db, paths, now),
    zonesSection(deps, context, place),
    reportsSection(deps, context, place, today),
    pathInScope(place.path, scopeOf(context, 'case.read')) ? casesReportedOn(deps, paths, today) : Promise.resolve(null),
  ]);
  const units = await unitsOfTasks(
    db,
    overdue.items.map((r) => r.task.id),
  );
  return {
    jurisdiction: { id: place.id, name: place.name, level: place.level },
    date: today,
    ...level,
    tasks: { ...tasks, overdueItems: overdue.items.map((r) => taskView(r, units, now)) },
    findings,
    zones,
    reports,
    cases,
  };
}
