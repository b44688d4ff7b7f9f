import {
  INSTITUTION_PROTOCOL_SEED_2020,
  type IncidentStep,
  type InstitutionKind,
  type InstitutionProtocol,
} from '../protocols/institution-duties-seed.ts';

export const INCIDENT_FINDINGS = ['confirmed_case', 'suspected_case', 'asymptomatic', 'positive_sample'] as const;
export type IncidentFinding = (typeof INCIDENT_FINDINGS)[number];

function groupOf(kind: InstitutionKind): keyof InstitutionProtocol['incidentSteps'] {
  if (kind === 'school' || kind === 'kindergarten') return 'school';
  if (kind === 'special_institution') return 'special';
  if (kind === 'enterprise') return 'enterprise';
  return 'other';
}

/**
 * CASE-013 / SC-66: a case or positive sample at an institution starts its response from the protocol — schools
 * isolate first, report, investigate, handle; special institutions disinfect fully, dispose of belongings, trace
 * and isolate contacts centrally; enterprises report and cooperate — each step with its deadline from the finding.
 */
export function incidentPlan(kind: InstitutionKind, foundAt: Date, protocol: InstitutionProtocol = INSTITUTION_PROTOCOL_SEED_2020) {
  return protocol.incidentSteps[groupOf(kind)].map((s: IncidentStep) => ({
    step: s,
    dueAt: new Date(foundAt.getTime() + s.withinHours * 3_600_000),
  }));
}
