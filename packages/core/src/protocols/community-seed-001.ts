import { clause } from './clause.ts';
import type { CaseClassification, Clause, KeyPersonCategory, ManagementType } from './protocol-types.ts';
import type { RiskLevel } from './zone-types.ts';

/** The "six ones" (六个一) of closed management, in the seed's order (COMM-001…006). */
export const SIX_ONES_DUTIES = [
  'one_entrance',
  'one_team',
  'one_desk',
  'one_equipment_set',
  'one_rule_set',
  'one_inspection_team',
] as const;
export type SixOnesDuty = (typeof SIX_ONES_DUTIES)[number];

/** Gatherings a household files with the community work team (COMM-031/032). */
export const GATHERING_KINDS = ['wedding', 'funeral', 'banquet', 'other'] as const;
export type GatheringKind = (typeof GATHERING_KINDS)[number];
export const GATHERING_DECISIONS = ['filed', 'refused'] as const;
export type GatheringDecision = (typeof GATHERING_DECISIONS)[number];

export interface GatheringRule {
  decision: GatheringDecision;
  /** Accepted only when the household commits to a simplified event (白事从简). */
  simplifiedOnly: boolean;
  /** Filed before the event (提前报告备案): a filing for a past date is refused as bad input. */
  beforeEvent: boolean;
  basis: Clause;
}

/** How a symptomatic person reaches care (SC-54). */
export const TRANSPORT_MODES = ['arranged_by_institution', 'self_drive', 'public_transport'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/** Door-to-door screening (入户排查): which travel makes a person a key person and what follows. */
export interface ScreeningRules {
  /** How far back a stay counts (14 天内旅居史). */
  travelWindowDays: number;
  travelWindowBasis: Clause;
  /** The published risk grades that make a place a "severely affected area" (疫情严重地区: the high grade; configured). */
  riskGrades: RiskLevel[];
  riskArea: { category: KeyPersonCategory; basis: Clause };
  inbound: { category: KeyPersonCategory; basis: Clause };
  /**
   * Fever, cough or diarrhoea: reported to the work team, who call a medical institution (no self-travel); the
   * follow-up task is due within `followUpHours` (configured: the seed names no time).
   */
  symptomatic: {
    basis: Clause;
    followUpHours: number;
    followUpBasis: Clause;
    /** SC-54: how the person may travel to the medical institution (no self-drive, no public transport). */
    transport: { allowed: readonly TransportMode[]; basis: Clause };
  };
  /** Every household, again: nobody missed (逐家逐户再次排查). */
  coverage: { basis: Clause };
  /**
   * KP-G04: screening windows by origin area and arrival date (1月5日以后从武汉…). Most specific area first; an
   * `area` of null is every other origin. An arrival on or after `from` is on the list.
   */
  dateWindows: {
    windows: readonly { area: string | null; from: string }[];
    /** What the listed get: home isolation alone, no going out (居家单独隔离, 不外出). */
    management: ManagementType;
    goingOut: boolean;
    basis: Clause;
  };
}

/** Measures a person may refuse (seed 001 §三(二)3: 拒絕接受檢測體溫、醫學篩查、醫學觀察). */
export const REFUSED_MEASURES = ['temperature_check', 'medical_screening', 'medical_observation', 'registration'] as const;
export type RefusedMeasure = (typeof REFUSED_MEASURES)[number];

/** What a community does with a report of an unregistered outsider (SC-38) and with a refusal of its measures (SC-39). */
export interface CommunityReportRules {
  /** KP-I02: the community receives the report; the town/street tracks where the person went (掌握去向). */
  outsider: { basis: Clause; trackingHours: number; trackingBasis: Clause };
  /** KP-I03, COMM-034: not reporting or refusing a measure is referred to the police, who act under the law. */
  refusal: { basis: Clause; enforcementBasis: Clause };
}

/** The work a community takes on when it switches to stopping internal spread (SC-26). */
export interface ModeSwitchTask {
  key: string;
  zh: string;
  en: string;
  basis: Clause;
}

/**
 * LVL-020, SC-26: the community's prevention mode. It keeps infection out (外防输入) until `stopSpreadAt` suspected
 * or confirmed cases among its residents are open, then stops internal spread and outward export (内防扩散、外防输出)
 * with the switch's tasks, each due at the case's outbreak-spot deadline.
 */
export interface CommunityModeRules {
  stopSpreadAt: number;
  classifications: readonly CaseClassification[];
  keepOut: Clause;
  stopSpread: Clause;
  /** The seed gives no way back: the community keeps infection out again once no such case is open (configured). */
  backWhenClosed: Clause;
  tasks: readonly ModeSwitchTask[];
}

/** The community's daily-work rules of an edition: screening, the six ones, gatherings, supplies of sealed buildings. */
export interface CommunityRules {
  version: string;
  screening: ScreeningRules;
  sixOnes: Record<SixOnesDuty, { requirement: string; basis: Clause }>;
  gatherings: Record<GatheringKind, GatheringRule>;
  supplies: { basis: Clause };
  reports: CommunityReportRules;
  mode: CommunityModeRules;
}

const S1 = 'seed 001';

/** seed 001 (township early-emergency closed management) with seed 004's screening coverage (COMM-040). */
export const COMMUNITY_SEED_001: CommunityRules = {
  version: 'seed-001/community-1',
  screening: {
    travelWindowDays: 14,
    travelWindowBasis: clause(S1, '§三(四)2', 'A stay in a severely affected area within the last 14 days'),
    riskGrades: ['high'],
    riskArea: {
      category: 'risk_area_arrival',
      basis: clause(
        S1,
        '§三(四)2',
        'People found with a 14-day stay in Hubei, Henan, Wenzhou or another severely affected area: home medical observation',
      ),
    },
    inbound: {
      category: 'inbound_traveller',
      basis: clause(
        'seed 000',
        '§三(一)',
        'People arriving from abroad are managed as inbound travellers (configured for screening)',
        true,
      ),
    },
    symptomatic: {
      basis: clause(
        S1,
        '§三(四)4',
        'Fever, cough or diarrhoea: report to the work team, who call a medical institution; no public transport',
      ),
      followUpHours: 2,
      followUpBasis: clause(
        S1,
        '§三(四)4',
        'The work team contacts a medical institution for a symptomatic person within 2 hours (configured)',
        true,
      ),
      transport: {
        allowed: ['arranged_by_institution'],
        basis: clause(S1, '§三(四)4', 'The medical institution fetches the person; no self-travel and no public transport'),
      },
    },
    coverage: {
      basis: clause('seed 004', 'Part B §二(一)1', 'Every household screened again, door to door: no household and no person missed'),
    },
    dateWindows: {
      windows: [
        { area: '武汉市', from: '2020-01-05' },
        { area: '湖北省', from: '2020-01-20' },
        { area: null, from: '2020-01-28' },
      ],
      management: 'home_quarantine',
      goingOut: false,
      basis: clause(
        'seed 004',
        'Part B §二(一)4',
        'Screen arrivals from Wuhan after 5 Jan, from Hubei after 20 Jan, from elsewhere after 28 Jan; they isolate alone at home and do not go out (the named day itself counts: configured)',
        true,
      ),
    },
  },
  sixOnes: {
    one_entrance: {
      requirement: 'COMM-001',
      basis: clause(S1, '§三(一)1', 'Only one necessary entrance; open settlements cordoned by grid'),
    },
    one_team: {
      requirement: 'COMM-002',
      basis: clause(S1, '§三(一)2', 'A management team of cadres, grid workers, property staff, guards and volunteers'),
    },
    one_desk: { requirement: 'COMM-003', basis: clause(S1, '§三(一)3', 'An advice and publicity desk: banners, brochures, loudspeakers') },
    one_equipment_set: {
      requirement: 'COMM-004',
      basis: clause(S1, '§三(一)4', 'Temperature guns, masks, disinfectant and sprayers for the team'),
    },
    one_rule_set: {
      requirement: 'COMM-005',
      basis: clause(S1, '§三(一)5', '24-hour duty, disinfection once a day, entry and exit registration, lift disinfection'),
    },
    one_inspection_team: {
      requirement: 'COMM-006',
      basis: clause(S1, '§三(一)6', 'An inspection team keeps closed management standard and consistent'),
    },
  },
  gatherings: {
    wedding: {
      decision: 'refused',
      simplifiedOnly: false,
      beforeEvent: true,
      basis: clause(S1, '§三(八)', 'Weddings (红事) are suspended'),
    },
    funeral: {
      decision: 'filed',
      simplifiedOnly: true,
      beforeEvent: true,
      basis: clause(S1, '§三(八)', 'Funerals (白事) kept simple and reported to the work team for filing in advance'),
    },
    banquet: {
      decision: 'refused',
      simplifiedOnly: false,
      beforeEvent: true,
      basis: clause(S1, '§三(八)', 'No gathering activity of any form'),
    },
    other: {
      decision: 'refused',
      simplifiedOnly: false,
      beforeEvent: true,
      basis: clause(S1, '§三(八)', 'No gathering activity of any form'),
    },
  },
  supplies: {
    basis: clause(S1, '§三(三)2', 'Sealed building: street and community staff buy on behalf and deliver at fixed points without contact'),
  },
  reports: {
    outsider: {
      basis: clause(
        S1,
        '§三(二)2',
        'An unregistered outsider is reported at once to the community; the county and town/street find where the person is and bring them under the matching control',
      ),
      trackingHours: 24,
      trackingBasis: clause(
        S1,
        '§三(二)2',
        'The town/street tracks the reported person within 24 hours (configured: the seed says at once)',
        true,
      ),
    },
    refusal: {
      basis: clause(
        S1,
        '§三(二)3',
        'Whoever does not report, or refuses temperature checks, medical screening or medical observation, is held liable by the police',
      ),
      enforcementBasis: clause(
        S1,
        '§三(八)',
        'Those who refuse management or gather crowds to make trouble are punished by the police under the law',
      ),
    },
  },
  mode: {
    stopSpreadAt: 1,
    classifications: ['suspected', 'confirmed'],
    keepOut: clause('seed 004', 'Part B §二(一)', 'While no case is found, the community keeps infection out (外防输入)'),
    stopSpread: clause(
      'seed 004',
      'Part B §二(二)',
      'Once one suspected or confirmed case appears among the residents, the community stops internal spread and outward export (内防扩散、外防输出) on top of the measures before',
    ),
    backWhenClosed: clause(
      'seed 004',
      'Part B §二(二)',
      'The seed gives no way back; the community keeps infection out again once no suspected or confirmed case of its residents is open',
      true,
    ),
    tasks: [
      {
        key: 'close_contacts',
        zh: '严格密接管理：配合流调判定密切接触者，落实居家医学观察和每日随访',
        en: 'Close-contact management: with the investigation, home medical observation and a daily follow-up of each close contact',
        basis: clause(
          'seed 004',
          'Part B §二(二)6',
          'Community health staff manage the close contacts: home isolation, a daily follow-up, supplies',
        ),
      },
      ...(
        [
          ['disinfect_case_home', '病例家庭', 'the case’s home'],
          ['disinfect_checkpoints', '检查站点', 'the checkpoints'],
          ['disinfect_building_unit', '楼栋单元', 'the building unit'],
          ['disinfect_offices', '单位办公室', 'the work offices'],
          ['disinfect_meeting_rooms', '会议室', 'the meeting rooms'],
        ] as const
      ).map(([key, place, placeEn]) => ({
        key,
        zh: `疫点消毒：${place}`,
        en: `Outbreak-spot disinfection: ${placeEn}`,
        basis: clause(
          'seed 004',
          'Part B §二(二)7',
          'The community helps disinfect the outbreak spots: the case’s home, checkpoints, building units, offices and meeting rooms',
        ),
      })),
    ],
  },
};
