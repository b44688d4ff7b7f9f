import { type CalendarDate, daysBetween, shanghaiDate } from '../calendar/calendar-date.ts';
import { clause } from '../protocols/clause.ts';
import type { LocalProfile, ProtocolEdition } from '../protocols/protocol-types.ts';
import { findEdition } from '../protocols/registry.ts';
import type { CodeRuleSet } from './code-types.ts';

/**
 * Colour rules per edition. The seeds fix one rule outright (seed 000 §三(三)1: an inbound traveller
 * turns green only when quarantine has ended, the person has arrived and all tests are negative) and
 * bring cases and contacts "under code management" (seed 003 item 21) without naming colours; the
 * colours for those are configured here, following the practice of the provincial codes of 2020.
 */
const caseCategories = ['confirmed', 'suspected', 'asymptomatic'] as const;
const quarantined = [
  'close_contact',
  'secondary_contact',
  'inbound_traveller',
  'risk_area_arrival',
  'discharged_patient',
  'returning_outsider',
] as const;

export const SEED_2020_CODE_RULES: CodeRuleSet = {
  version: 'seed-2020/codes-1',
  editionId: 'seed-2020',
  rules: [
    {
      kind: 'caseCategory',
      categories: [...caseCategories],
      colour: 'red',
      basis: clause(
        'seed 003',
        'item 21',
        'Cases and asymptomatic infections are brought under health-code management (red configured)',
        true,
      ),
    },
    {
      kind: 'positiveResult',
      withinDays: 28,
      colour: 'red',
      basis: clause('seed 000', '§三(三)1', 'A positive result never leaves the code green (SC-11)'),
    },
    {
      kind: 'underManagement',
      categories: [...quarantined],
      managementTypes: ['centralized_quarantine', 'home_quarantine'],
      colour: 'red',
      basis: clause('seed 000', '§三(三)1', 'Green only when quarantine has ended: red while in quarantine (colour configured)', true),
    },
    {
      kind: 'underManagement',
      categories: [...quarantined, 'fever_patient'],
      managementTypes: ['home_health_monitoring', 'hospital_care'],
      colour: 'yellow',
      basis: clause('seed 000', '§三(二)10', 'Home health management after quarantine: yellow (configured)', true),
    },
    {
      kind: 'unresolvedResult',
      withinDays: 7,
      colour: 'yellow',
      basis: clause('seed 000', '§三(三)1', 'Green only when all tests are negative: a pending or indeterminate result is yellow'),
    },
    {
      kind: 'notAtDestination',
      colour: 'yellow',
      basis: clause('seed 000', '§三(三)1', 'Green only when the person has arrived at the destination'),
    },
    {
      kind: 'declaredSymptoms',
      withinDays: 1,
      feverThresholdTenths: 373,
      colour: 'yellow',
      basis: clause(
        'seed 001',
        '§三(四)4',
        'Fever, cough or diarrhoea: report and go to a fever clinic (yellow until seen, configured)',
        true,
      ),
    },
    {
      kind: 'riskAreaArrival',
      levels: ['medium', 'high'],
      withinDays: 14,
      colour: 'yellow',
      basis: clause(
        'seed 000',
        '§三(三)2',
        'Arrivals from medium/high-risk areas are under health measures for 14 days (yellow configured)',
        true,
      ),
    },
    {
      kind: 'missingMandatoryTest',
      colour: 'yellow',
      basis: clause('seed 000', '§三(三)5', 'Mandatory testing groups (应检尽检) are tested on their cycle'),
    },
    // Risk areas and control zones (issue 14): the colour follows the zone over the home and the grade of the area.
    {
      kind: 'residentOfControlZone',
      zoneTypes: ['sealed_zone'],
      colour: 'red',
      basis: clause(
        'seed 001',
        '§三(三)2',
        'Everyone in a sealed building or unit is isolated at home; supplies are delivered (red while sealed, configured)',
        true,
      ),
    },
    {
      kind: 'residentOfControlZone',
      zoneTypes: ['controlled_zone'],
      colour: 'yellow',
      basis: clause('seed 000', '§三(二)10', 'Residents of a control area are managed by zone, grade and layer (yellow configured)', true),
    },
    {
      kind: 'residentOfRiskArea',
      levels: ['high'],
      colour: 'yellow',
      basis: clause(
        'seed 000',
        '§三(二)10',
        'High-risk areas: control measures by law, people do not leave without need (yellow for residents configured)',
        true,
      ),
    },
  ],
  greenBasis: clause('seed 000', '§四(三)', 'One person, one code: green when no health rule applies'),
  inboundReportDaysAhead: {
    days: 3,
    basis: clause('seed 000', '§三(三)1', 'Inbound travellers report to the destination community 3 days before arrival'),
  },
  proxyDependantLimit: {
    count: 5,
    basis: clause(
      'seed 000',
      '§四(三)',
      'One person, one code: family members (children, elderly) held by proxy, at most 5 (configured)',
      true,
    ),
  },
  proxyConsentAge: {
    years: 18,
    basis: clause(
      'Civil Code',
      '第十七条、第二十三条',
      'Adults (18 and over) decide for themselves; a guardian acts for a minor: an adult consents to a proxy (issue 12 defect 5)',
    ),
  },
  appealDeadlineHours: {
    hours: 24,
    basis: clause('seed 000', '§四(三)', 'An appeal against a colour is decided within 24 hours (configured)', true),
  },
  manualChangeMaxHours: {
    hours: 7 * 24,
    basis: clause(
      'seed 000',
      '§四(三)',
      'A manual colour change (with a recorded basis and a second approver) lapses after at most 7 days (configured)',
      true,
    ),
  },
};

export const CN_2022_9TH_CODE_RULES: CodeRuleSet = {
  ...SEED_2020_CODE_RULES,
  version: 'cn-2022-9th/codes-1',
  editionId: 'cn-2022-9th',
  rules: SEED_2020_CODE_RULES.rules.map((rule) =>
    rule.kind === 'riskAreaArrival'
      ? {
          ...rule,
          withinDays: 7,
          basis: clause(
            'national protocol 9th edition',
            '四(三)',
            'Arrivals from risk areas: 7 days of measures (yellow configured)',
            true,
          ),
        }
      : rule,
  ),
};

export const CODE_RULE_SETS: readonly CodeRuleSet[] = [SEED_2020_CODE_RULES, CN_2022_9TH_CODE_RULES];

export function codeRulesFor(editionId: string): CodeRuleSet | undefined {
  return CODE_RULE_SETS.find((set) => set.editionId === editionId);
}

/**
 * The colour rules an edition runs under, with a local profile's rules laid on top (issue 14 part 3, RULES-001):
 * the profile's rules replace the edition's rules of the kinds they name, and the version names the profile, so a
 * colour says which rules made it. An edition without rules of its own (a district's imported edition) runs the
 * rules of the shipped edition it follows (the last one in force on or before its first day).
 */
export function codeRulesOf(edition: ProtocolEdition, profile?: LocalProfile): CodeRuleSet | undefined {
  const base =
    codeRulesFor(edition.id) ??
    [...CODE_RULE_SETS].reverse().find((set) => {
      const shipped = findEdition(set.editionId);
      return shipped !== undefined && shipped.effectiveFrom <= edition.effectiveFrom;
    });
  if (!base) return undefined;
  const own = base.editionId === edition.id ? base : { ...base, version: `${edition.id}/${base.version}`, editionId: edition.id };
  const local = profile && profile.editionId === edition.id ? profile.codes : undefined;
  if (!local || local.length === 0) return own;
  const replaced = new Set(local.map((rule) => rule.kind));
  return { ...own, version: `${own.version}+${profile?.id}`, rules: [...own.rules.filter((r) => !replaced.has(r.kind)), ...local] };
}

/** An inbound report is late when made fewer than the rule's days before the expected arrival (Shanghai dates). */
export function arrivalReportLate(rules: CodeRuleSet, reportedAt: Date, expectedArrival: CalendarDate): boolean {
  return daysBetween(shanghaiDate(reportedAt), expectedArrival) < rules.inboundReportDaysAhead.days;
}
