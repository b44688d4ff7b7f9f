import {
  type CommandExpertGroupTemplate,
  type CommandGroupTemplate,
  expertTemplatesOf,
  type GroupTemplateSet,
  groupTemplatesOf,
} from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import { unitsNamed } from './org-unit.service.ts';
import {
  type HeadquartersRow,
  insertExpertGroup,
  insertWorkingGroup,
  replaceGroupUnits,
  type WorkingGroupRow,
} from './organization.repository.ts';

const placeOf = (hq: HeadquartersRow) => ({ jurisdictionId: hq.jurisdictionId, jurisdictionPath: hq.jurisdictionPath });

/** A group of the headquarters made from a seed template: names, lead official, duties, clause, and its units (made when missing). */
export async function groupFromTemplate(tx: Db, hq: HeadquartersRow, template: CommandGroupTemplate, sortOrder = template.order) {
  const units = await unitsNamed(tx, placeOf(hq), [...template.leadUnits, ...template.memberUnits]);
  const group = await insertWorkingGroup(tx, {
    headquartersId: hq.id,
    templateKey: template.key,
    nameZh: template.nameZh,
    nameEn: template.nameEn,
    leadOfficial: template.leadOfficial,
    duties: template.duties,
    clause: template.clause,
    sortOrder,
    ...placeOf(hq),
  });
  const unitOf = (name: string) => units.get(name)?.id ?? '';
  await replaceGroupUnits(
    tx,
    group.id,
    [
      ...template.leadUnits.map((name) => ({ orgUnitId: unitOf(name), role: 'lead' as const })),
      ...template.memberUnits.map((name) => ({ orgUnitId: unitOf(name), role: 'member' as const })),
    ],
    hq.jurisdictionPath,
  );
  return group;
}

export async function expertGroupFromTemplate(tx: Db, hq: HeadquartersRow, template: CommandExpertGroupTemplate) {
  return insertExpertGroup(tx, {
    headquartersId: hq.id,
    templateKey: template.key,
    kind: template.kind,
    level: template.level,
    nameZh: template.nameZh,
    nameEn: template.nameEn,
    established: template.established,
    recommendedBy: template.recommendedBy,
    duties: template.duties,
    clause: template.clause,
    ...placeOf(hq),
  });
}

/** Every working group and expert group of a template set, in the seed's order. */
export async function applyTemplateSet(tx: Db, hq: HeadquartersRow, set: GroupTemplateSet): Promise<WorkingGroupRow[]> {
  const groups: WorkingGroupRow[] = [];
  for (const template of groupTemplatesOf(set)) groups.push(await groupFromTemplate(tx, hq, template));
  for (const template of expertTemplatesOf(set)) await expertGroupFromTemplate(tx, hq, template);
  return groups;
}
