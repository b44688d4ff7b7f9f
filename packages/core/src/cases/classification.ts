import { because, type Reason } from '../key-persons/reason.ts';
import type {
  CaseClassification,
  CaseDefinition,
  ClinicalFeature,
  ClinicalType,
  EpidemiologicalLink,
  LabEvidence,
} from '../protocols/protocol-types.ts';

/** What is known of a person when the classification is suggested (the case definition's three parts). */
export interface CaseFindings {
  links: EpidemiologicalLink[];
  features: ClinicalFeature[];
  evidence: LabEvidence[];
  /** Negative nucleic acid samples (times), for exclusion. */
  negativeSamples?: Date[];
  /** The clinician's clinical type, kept on a confirmed suggestion. */
  clinicalType?: ClinicalType | null;
}

export interface ClassificationSuggestion {
  /** Undefined when the findings meet no clause: the case definition is not met. */
  classification?: CaseClassification;
  clinicalType?: ClinicalType | null;
  /** Clause by clause: each item met and the rule that decided. */
  because: Reason[];
}

function metItems(findings: CaseFindings, definition: CaseDefinition): Reason[] {
  return [
    ...definition.links.filter((l) => findings.links.includes(l.link)).map((l) => because(`link.${l.link}`, l.basis)),
    ...definition.features.filter((f) => findings.features.includes(f.feature)).map((f) => because(`feature.${f.feature}`, f.basis)),
    ...definition.evidence.filter((e) => findings.evidence.includes(e.evidence)).map((e) => because(`evidence.${e.evidence}`, e.basis)),
  ];
}

/** Enough negative samples, each at least `hoursApart` after the one counted before it. */
export function meetsExclusion(samples: Date[], rule: CaseDefinition['excluded']): boolean {
  const sorted = [...samples].sort((a, b) => a.getTime() - b.getTime());
  let counted = 0;
  let last: Date | undefined;
  for (const s of sorted) {
    if (!last || s.getTime() - last.getTime() >= rule.hoursApart * 3_600_000) {
      counted += 1;
      last = s;
    }
  }
  return counted >= rule.negativeTests;
}

function isSuspected(findings: CaseFindings, definition: CaseDefinition): boolean {
  const features = definition.features.filter((f) => findings.features.includes(f.feature)).length;
  const hasLink = definition.links.some((l) => findings.links.includes(l.link));
  return hasLink ? features >= definition.suspected.withLink : features >= definition.suspected.withoutLink;
}

/**
 * Suggest a classification from the protocol's case definition (REQUIREMENTS §4.1–4.3, CASE-003), explained
 * clause by clause. A person confirms it; nothing is classified by itself.
 * Evidence with clinical features → confirmed; evidence without → asymptomatic; link + features → suspected;
 * a suspected picture with the edition's negative tests and no evidence → excluded.
 */
export function suggestClassification(findings: CaseFindings, definition: CaseDefinition): ClassificationSuggestion {
  const met = metItems(findings, definition);
  const hasEvidence = definition.evidence.some((e) => findings.evidence.includes(e.evidence));
  const hasFeature = definition.features.some((f) => findings.features.includes(f.feature));
  if (hasEvidence && hasFeature) {
    return {
      classification: 'confirmed',
      clinicalType: findings.clinicalType ?? null,
      because: [...met, because('confirmed', definition.confirmed)],
    };
  }
  if (hasEvidence) return { classification: 'asymptomatic', because: [...met, because('asymptomatic', definition.asymptomatic)] };
  if (meetsExclusion(findings.negativeSamples ?? [], definition.excluded)) {
    return { classification: 'excluded', because: [...met, because('excluded', definition.excluded.basis)] };
  }
  if (isSuspected(findings, definition)) {
    return { classification: 'suspected', because: [...met, because('suspected', definition.suspected.basis)] };
  }
  return { because: [...met, because('definitionNotMet', definition.suspected.basis)] };
}
