import {
  type AssignedItem,
  ancestorPaths,
  assignChecklist,
  defaultTemplateSet,
  type GroupTemplateSet,
  groupTemplatesOf,
  measuresForLevel,
  type ProtocolEdition,
  type ResponseLevel,
  responseRules,
} from '@fangkong/core';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import type { JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';
import { cancelTask, liveMeasureTasks, type MeasureTaskRow } from './level-measure.repository.ts';
import { groupsOf, type HeadquartersRow, nearestHeadquarters, type WorkingGroupRow } from './organization.repository.ts';
import { issueTask } from './task.service.ts';

type Place = Pick<JurisdictionRow, 'id' | 'path' | 'level' | 'name'>;

/**
 * The template set a headquarters' groups come from: its own record, else the one its place would start
 * from (a street runs seed 004's set, a town seed 001's, the district seed 002's).
 */
export function templateSetOf(place: Place, hq: Pick<HeadquartersRow, 'templateSet'> | undefined): GroupTemplateSet {
  if (hq?.templateSet) return hq.templateSet as GroupTemplateSet;
  if (place.level === 'town' && place.name.endsWith('街道')) return 'seed-004a-street';
  return defaultTemplateSet(place.level) ?? 'seed-002-district';
}

/**
 * The headquarters whose groups take a place's level measures: the place's own, else the nearest ancestor's
 * (a town without a headquarters of its own is commanded by the district's, so its level's measures become
 * tasks of the district's groups, in the town). Asked by the sync and by the response overview's checklist.
 */
export function measureHeadquarters(db: Db, place: Pick<Place, 'path'>): Promise<HeadquartersRow | undefined> {
  return nearestHeadquarters(db, ancestorPaths(place.path));
}

/** A level's cumulative checklist laid onto the template groups of a place's headquarters (LVL-018). */
export function checklistFor(
  place: Place,
  hq: Pick<HeadquartersRow, 'templateSet'> | undefined,
  level: ResponseLevel,
  edition: ProtocolEdition,
) {
  return assignChecklist(measuresForLevel(level, edition), groupTemplatesOf(templateSetOf(place, hq)));
}

/** What a sync did: tasks issued and cancelled (measure ids), and measures no active group of the headquarters takes. */
export interface MeasureSync {
  headquartersId: string | null;
  issued: string[];
  cancelled: string[];
  unassigned: string[];
}

function description(assigned: AssignedItem, edition: ProtocolEdition): string {
  const { item, supporting } = assigned;
  const lines = [
    item.en,
    ...item.steps.map((step) => `- ${step.zh} / ${step.en}`),
    supporting.length > 0 ? `协同 / supporting: ${supporting.map((g) => g.nameZh).join('、')}` : '',
    `${item.basis.source} ${item.basis.clause} · ${edition.id}`,
  ];
  return lines.filter((line) => line !== '').join('\n');
}

async function cancelUnrequired(
  tx: Db,
  context: RequestContext,
  place: Place,
  live: MeasureTaskRow[],
  keep: (t: MeasureTaskRow) => boolean,
  now: Date,
) {
  const ended = live.filter((t) => t.status === 'open' && !keep(t));
  for (const t of ended) {
    await cancelTask(tx, t.id, now, 'level no longer requires the measure');
    await recordAudit(tx, context, {
      action: 'task.cancel',
      entityType: 'task',
      entityId: t.id,
      jurisdictionPath: place.path,
      before: { status: t.status },
      after: { status: 'cancelled', measureId: t.measureId },
      reason: 'level no longer requires the measure (LVL-014, LVL-017)',
    });
  }
  return ended.map((t) => t.measureId);
}

async function issueMissing(
  tx: Db,
  context: RequestContext,
  target: { place: Place; hq: HeadquartersRow; groups: WorkingGroupRow[]; responseId: string },
  checklist: AssignedItem[],
  live: MeasureTaskRow[],
  edition: ProtocolEdition,
  now: Date,
) {
  const { place, hq, groups, responseId } = target;
  const has = new Set(live.filter((t) => t.responseId === responseId).map((t) => t.measureId));
  const dueAt = new Date(now.getTime() + responseRules(edition).procedure.measureTaskHours.hours * 3_600_000);
  const issued: string[] = [];
  const unassigned: string[] = [];
  for (const assigned of checklist) {
    if (has.has(assigned.item.id)) continue;
    const group = groups.find((g) => g.status === 'active' && g.templateKey === assigned.group?.key);
    if (!group) {
      unassigned.push(assigned.item.id);
      continue;
    }
    await issueTask(tx, context, {
      title: `${assigned.item.id} ${assigned.item.zh}`,
      description: description(assigned, edition),
      dueAt,
      place,
      headquartersId: hq.id,
      workingGroupId: group.id,
      assigneeUserId: null,
      units: [],
      sourceKind: 'level_measure',
      sourceId: assigned.item.id,
      details: { responseId, level: assigned.item.level, editionId: edition.id },
    });
    issued.push(assigned.item.id);
  }
  return { issued, unassigned };
}

/**
 * Lays the level in force onto the headquarters commanding a place (its own, else the nearest ancestor's:
 * `measureHeadquarters`) as tasks (LVL-018, SC-32, SC-33): each measure of the
 * cumulative checklist not yet a task of this response is issued to the group that takes it on; an open task
 * whose measure the level no longer holds (de-escalation, LVL-014) or whose response has ended (termination,
 * LVL-017) is cancelled; done tasks stay done. Idempotent: a second call issues and cancels nothing. Runs in
 * the caller's transaction; every task written is audited by `issueTask` or here.
 */
export async function syncLevelMeasures(
  tx: Db,
  context: RequestContext,
  place: Place,
  response: { level: ResponseLevel; responseId: string } | null,
  edition: ProtocolEdition,
  now: Date,
): Promise<MeasureSync> {
  const hq = await measureHeadquarters(tx, place);
  const live = await liveMeasureTasks(tx, place.id);
  const checklist = response ? checklistFor(place, hq, response.level, edition) : [];
  const required = new Set(checklist.map((a) => a.item.id));
  const cancelled = await cancelUnrequired(
    tx,
    context,
    place,
    live,
    (t) => t.responseId === response?.responseId && required.has(t.measureId),
    now,
  );
  if (!hq || !response) return { headquartersId: hq?.id ?? null, issued: [], cancelled, unassigned: [...required] };
  const groups = await groupsOf(tx, hq.id);
  const { issued, unassigned } = await issueMissing(
    tx,
    context,
    { place, hq, groups, responseId: response.responseId },
    checklist,
    live,
    edition,
    now,
  );
  return { headquartersId: hq.id, issued, cancelled, unassigned };
}
