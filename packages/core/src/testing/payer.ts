import { because, type Reason } from '../key-persons/reason.ts';
import type { MandatoryTestingGroup, Payer, TestingRules } from '../protocols/protocol-types.ts';

export const SAMPLE_PURPOSES = ['campaign', 'mandatory', 'voluntary', 'retest'] as const;
export type SamplePurpose = (typeof SAMPLE_PURPOSES)[number];

export interface PayerFacts {
  purpose: SamplePurpose;
  /** The mandatory groups the person is on the roster of at sampling time. */
  groups: readonly MandatoryTestingGroup[];
  requested?: Payer;
}

export interface PayerDecision {
  decision: Payer | null;
  /** `notInMandatoryGroup` or `payerNotAllowed` when refused. */
  problem?: string;
  because: Reason[];
}

/**
 * TEST-002 / SC-57: a member of a mandatory group, a campaign sample or a retest is paid by the
 * government whatever was asked; anything else is voluntary and paid by the unit or the person.
 */
export function payerFor(rules: TestingRules, facts: PayerFacts): PayerDecision {
  const basis = [because('testing.payer', rules.payer.basis)];
  if (facts.purpose === 'campaign') return { decision: rules.payer.campaign, because: basis };
  if (facts.groups.length > 0 || facts.purpose === 'retest') return { decision: rules.payer.mandatory, because: basis };
  if (facts.purpose === 'mandatory') return { decision: null, problem: 'notInMandatoryGroup', because: basis };
  const payer = facts.requested ?? rules.payer.voluntary[0] ?? 'individual';
  if (!rules.payer.voluntary.includes(payer)) return { decision: null, problem: 'payerNotAllowed', because: basis };
  return { decision: payer, because: basis };
}
