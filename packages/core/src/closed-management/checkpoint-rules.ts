import type { CodeColour } from '../codes/code-types.ts';
import { clause } from '../protocols/clause.ts';
import type { Clause } from '../protocols/protocol-types.ts';
import type { ControlZoneType } from '../protocols/zone-types.ts';

export const CHECKPOINT_DECISIONS = ['allow', 'deny', 'register'] as const;
export type CheckpointDecision = (typeof CHECKPOINT_DECISIONS)[number];
export const SHIFTS = ['day', 'night'] as const;
export type Shift = (typeof SHIFTS)[number];

/** What a checkpoint does per code colour, how many must be on duty, how often a household pass may go out. */
export interface CheckpointRules {
  version: string;
  byColour: Record<CodeColour, { decision: CheckpointDecision; basis: Clause }>;
  /** A code that does not verify (forged, expired, unknown key) never lets anyone through. */
  invalidCode: { decision: CheckpointDecision; basis: Clause };
  staffing: Record<Shift, { minimum: number; basis: Clause }>;
  pass: { persons: number; everyDays: number; basis: Clause };
  /** A household inside a zone of these types does not go out on its pass (issue 14, ZONE-008). */
  sealedZone: { zoneTypes: ControlZoneType[]; basis: Clause };
}

/** seed 001 (township plan, early-emergency closed management): the only seed that fixes staffing and pass frequency. */
export const SEED_001_CHECKPOINT_RULES: CheckpointRules = {
  version: 'seed-001/checkpoint-1',
  byColour: {
    green: {
      decision: 'allow',
      basis: clause('seed 001', '§三(二)1', 'Temperature taken and code checked at the one entrance: green passes'),
    },
    yellow: {
      decision: 'register',
      basis: clause(
        'seed 001',
        '§三(二)2',
        'Not cleared: register (health registration form) and refer to the community (configured)',
        true,
      ),
    },
    red: {
      decision: 'deny',
      basis: clause('seed 001', '§三(二)1', 'Under quarantine or a case: no passage, report to the community (configured)', true),
    },
  },
  invalidCode: {
    decision: 'deny',
    basis: clause('seed 001', '§三(二)1', 'Every person entering is checked: a code that does not verify is no check'),
  },
  staffing: {
    day: { minimum: 4, basis: clause('seed 001', '§三(二)1', '24-hour duty: at least 4 on the day shift') },
    night: { minimum: 2, basis: clause('seed 001', '§三(二)1', '24-hour duty: at least 2 on the night shift') },
  },
  pass: {
    persons: 1,
    everyDays: 2,
    basis: clause('seed 001', '§三(五)', 'One household, one pass: one person out every two days to buy supplies'),
  },
  sealedZone: {
    zoneTypes: ['sealed_zone'],
    basis: clause(
      'seed 001',
      '§三(三)2',
      'A sealed building or unit: everyone stays at home; street and community staff buy and deliver necessities without contact',
    ),
  },
};
