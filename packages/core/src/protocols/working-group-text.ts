import { clause } from './clause.ts';
import type { DistrictGroupKey, Wording } from './response-rule-types.ts';
import type { WorkingGroupTemplate } from './working-group-templates.ts';

/** A working group as a seed writes it: where, its name, lead, member units, duties, and the district work it takes on. */
export interface GroupText {
  key: string;
  where: string;
  name: Wording;
  lead: Wording;
  memberUnits: string[];
  duties: Wording;
  handles: DistrictGroupKey[];
}

/** The template of a group of seed `source`, citing where the seed sets it up. */
export const groupTemplate =
  (source: string) =>
  (text: GroupText): WorkingGroupTemplate => ({
    key: text.key,
    zh: text.name.zh,
    en: text.name.en,
    lead: text.lead,
    memberUnits: text.memberUnits,
    duties: text.duties,
    handles: text.handles,
    basis: clause(source, text.where, `${text.name.en} (${text.name.zh}): ${text.duties.en}`),
  });
