import {
  type CampusMaskRule,
  type CampusMaskWearer,
  INSTITUTION_PROTOCOL_SEED_2020,
  type InstitutionProtocol,
} from '../protocols/institution-duties-seed.ts';
import type { RiskLevel } from '../protocols/zone-types.ts';

/** Where the school is: its jurisdiction's NBS code and the grade published over it (null: not graded). */
export interface SchoolArea {
  jurisdictionCode: string;
  riskGrade: RiskLevel | null;
}

/** SCH-012 / SC-49: the campus mask rule of the school's area (an area rule first, then the grade, then the default). */
export function campusMaskRule(area: SchoolArea, protocol: InstitutionProtocol = INSTITUTION_PROTOCOL_SEED_2020): CampusMaskRule {
  const { rules, defaultRule } = protocol.campusMasks;
  return (
    rules.find((r) => r.codePrefix !== undefined && area.jurisdictionCode.startsWith(r.codePrefix)) ??
    rules.find((r) => r.codePrefix === undefined && r.riskGrade !== undefined && r.riskGrade === area.riskGrade) ??
    defaultRule
  );
}

export const campusMaskRequired = (area: SchoolArea, who: CampusMaskWearer, protocol?: InstitutionProtocol): boolean =>
  campusMaskRule(area, protocol).required[who];
