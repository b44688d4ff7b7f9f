import { phoneProblem } from '../identity/phone.ts';
import { residentIdProblem } from '../identity/resident-id.ts';
import { INSTITUTION_PROTOCOL_SEED_2020, type InstitutionProtocol } from '../protocols/institution-duties-seed.ts';

export interface PharmacySaleDraft {
  buyerName: string;
  buyerIdNumber: string;
  buyerPhone: string;
  drugName: string;
  drugClass: string;
  quantity: number;
  soldAt: Date;
}

/**
 * PHAR-001 / SC-61: a sale is recorded only under a real name — a valid resident ID number (GB 11643), a
 * phone, the drug and its class among the register's, a quantity and a time not in the future.
 */
export function pharmacySaleProblem(
  s: PharmacySaleDraft,
  now: Date,
  today: string,
  protocol: InstitutionProtocol = INSTITUTION_PROTOCOL_SEED_2020,
): { field: string; reason: string } | null {
  if (!s.buyerName.trim()) return { field: 'buyerName', reason: 'required' };
  const id = residentIdProblem(s.buyerIdNumber, today);
  if (id) return { field: 'buyerIdNumber', reason: `residentId.${id}` };
  const phone = phoneProblem(s.buyerPhone);
  if (phone) return { field: 'buyerPhone', reason: phone };
  if (!s.drugName.trim()) return { field: 'drugName', reason: 'required' };
  if (!(protocol.drugClasses.value as readonly string[]).includes(s.drugClass)) return { field: 'drugClass', reason: 'notSentinelDrug' };
  if (!Number.isInteger(s.quantity) || s.quantity < 1) return { field: 'quantity', reason: 'notPositiveInteger' };
  if (Number.isNaN(s.soldAt.getTime()) || s.soldAt > now) return { field: 'soldAt', reason: 'inFuture' };
  return null;
}

/** PHAR-001: the buyer's community follows the buyer up within the protocol's hours of the sale. */
export function pharmacyFollowUpDue(soldAt: Date, protocol: InstitutionProtocol = INSTITUTION_PROTOCOL_SEED_2020) {
  return {
    dueAt: new Date(soldAt.getTime() + protocol.pharmacyFollowUpHours.value * 3_600_000),
    clause: protocol.pharmacyFollowUpHours.clause,
  };
}
