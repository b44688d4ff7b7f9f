import { type CommandGroupTemplate, groupHandling } from '../command/group-templates.ts';
import type { ProtocolEdition } from '../protocols/protocol-types.ts';
import type { LevelMeasure, ResponseLevel } from '../protocols/response-rule-types.ts';
import { levelRule, levelsUpTo, responseRules } from './response-rules.ts';

/** One line of a level's checklist: a measure, the level it belongs to, and the district group that carries it out. */
export interface ChecklistItem extends LevelMeasure {
  /** The level whose own list holds the measure (a level III checklist holds level IV items too). */
  level: ResponseLevel;
}

/**
 * The checklist a level brings (LVL-018, SC-32): its own measures and every lower level's, lowest
 * level first, in the seed's order. Level III holds IV's 11 and its own 8; level I all 31.
 */
export function measuresForLevel(level: ResponseLevel, edition: ProtocolEdition): ChecklistItem[] {
  const rules = responseRules(edition);
  return levelsUpTo(level).flatMap((each) => levelRule(rules, each).measures.map((measure) => ({ ...measure, level: each })));
}

export interface ChecklistChange {
  /** Measures the new level brings: tasks to create. */
  added: ChecklistItem[];
  /** Measures both levels hold: their tasks go on. */
  kept: ChecklistItem[];
  /** Measures only the old level held: their tasks end with the change (de-escalation, termination). */
  removed: ChecklistItem[];
}

/** How the checklist changes when the level goes from `from` to `to` (null: no response). */
export function checklistChange(from: ResponseLevel | null, to: ResponseLevel | null, edition: ProtocolEdition): ChecklistChange {
  const before = from ? measuresForLevel(from, edition) : [];
  const after = to ? measuresForLevel(to, edition) : [];
  const had = new Set(before.map((item) => item.id));
  const has = new Set(after.map((item) => item.id));
  return {
    added: after.filter((item) => !had.has(item.id)),
    kept: after.filter((item) => had.has(item.id)),
    removed: before.filter((item) => !has.has(item.id)),
  };
}

export interface AssignedItem {
  item: ChecklistItem;
  /** The headquarters' group that carries the measure out; undefined when its template has no group for it. */
  group: CommandGroupTemplate | undefined;
  supporting: CommandGroupTemplate[];
}

/**
 * The checklist laid onto a headquarters' groups (one template set of core/command/group-templates.ts): the
 * district plan names district groups, a township or street headquarters runs its own set, whose `handles`
 * say which group takes the work on.
 */
export function assignChecklist(items: readonly ChecklistItem[], groups: readonly CommandGroupTemplate[]): AssignedItem[] {
  return items.map((item) => {
    const group = groupHandling(groups, item.group);
    const supporting = item.supporting
      .map((key) => groupHandling(groups, key))
      .filter((g): g is CommandGroupTemplate => g !== undefined && g.key !== group?.key);
    return { item, group, supporting: [...new Map(supporting.map((g) => [g.key, g])).values()] };
  });
}
