import type { Clause } from './protocol-types.ts';
import type { DistrictGroupKey, Wording } from './response-rule-types.ts';
import { DISTRICT_EXPERT_GROUPS, DISTRICT_GROUPS } from './working-groups-seed-002.ts';
import { STREET_GROUPS, TOWNSHIP_GROUPS } from './working-groups-township-street.ts';

/**
 * Working groups (工作组, REQUIREMENTS §1.2 ORG-010) as templates a headquarters starts from: the seeds'
 * own group lists with lead units, member units and duties. The server stores a headquarters' groups as
 * rows made from one template set; the keys are stable identifiers (snake_case, GLOSSARY).
 */
export interface WorkingGroupTemplate extends Wording {
  key: string;
  /** The lead (牵头): a unit, or the official who leads the group. */
  lead: Wording;
  /** Member (participating) units as the seed names them. */
  memberUnits: string[];
  duties: Wording;
  /**
   * The district groups (seed 002) whose work this group takes on, so a level's measures reach a
   * headquarters that runs another template. For the district set, each group handles its own key.
   */
  handles: DistrictGroupKey[];
  basis: Clause;
}

export const WORKING_GROUP_TEMPLATE_SET_IDS = ['district_seed_002', 'township_seed_001', 'street_seed_004'] as const;
export type WorkingGroupTemplateSetId = (typeof WORKING_GROUP_TEMPLATE_SET_IDS)[number];

export interface WorkingGroupTemplateSet extends Wording {
  id: WorkingGroupTemplateSetId;
  groups: WorkingGroupTemplate[];
  /** Where the set's note on handled district groups comes from: ours, not the seed's, outside the district set. */
  basis: Clause;
}

export interface ExpertGroupTemplate extends Wording {
  key: string;
  duties: Wording;
  /** False where the seed records the group as not yet set up (目前未成立, ORG-050). */
  established: boolean;
  basis: Clause;
}

export const WORKING_GROUP_TEMPLATE_SETS: readonly WorkingGroupTemplateSet[] = [DISTRICT_GROUPS, TOWNSHIP_GROUPS, STREET_GROUPS];

export const EXPERT_GROUP_TEMPLATES: readonly ExpertGroupTemplate[] = DISTRICT_EXPERT_GROUPS;

export function findTemplateSet(id: string): WorkingGroupTemplateSet | undefined {
  return WORKING_GROUP_TEMPLATE_SETS.find((set) => set.id === id);
}

/** The group of a template set that carries out work the district plan gives to `districtGroup`. */
export function groupHandling(set: WorkingGroupTemplateSet, districtGroup: DistrictGroupKey): WorkingGroupTemplate | undefined {
  return set.groups.find((group) => group.handles.includes(districtGroup));
}
