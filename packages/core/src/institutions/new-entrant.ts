import { INSTITUTION_PROTOCOL_SEED_2020, type InstitutionProtocol } from '../protocols/institution-duties-seed.ts';
import type { Clause } from '../protocols/protocol-types.ts';

/** What is recorded of a new entrant before admission: days of centralized isolation done and the latest NAT result. */
export interface NewEntrantRecord {
  centralizedIsolationDays: number;
  latestNat: 'negative' | 'positive' | 'pending' | null;
}

export type AdmissionBlock = 'isolationIncomplete' | 'negativeNatMissing';

/** KP-N01 / SC-65: admission stays blocked until the isolation days and a negative NAT are recorded; the blocks say which. */
export function newEntrantAdmission(
  record: NewEntrantRecord,
  protocol: InstitutionProtocol = INSTITUTION_PROTOCOL_SEED_2020,
): { admissible: boolean; blocks: AdmissionBlock[]; clause: Clause } {
  const rule = protocol.newEntrant;
  const blocks: AdmissionBlock[] = [];
  if (record.centralizedIsolationDays < rule.isolationDays) blocks.push('isolationIncomplete');
  if (rule.negativeNat && record.latestNat !== 'negative') blocks.push('negativeNatMissing');
  return { admissible: blocks.length === 0, blocks, clause: rule.clause };
}
