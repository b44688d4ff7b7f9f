import { normalizeResidentId, residentIdProblem } from './resident-id.ts';

export const ID_TYPES = ['resident_id', 'passport', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

export interface IdentityDocument {
  idType: IdType;
  idNumber: string;
}

export type IdentityProblem = { field: 'idNumber'; reason: string };

const PASSPORT_PATTERN = /^[A-Z0-9]{5,17}$/;
const OTHER_PATTERN = /^[A-Z0-9-]{4,32}$/;

export function normalizeIdNumber(doc: IdentityDocument): string {
  return doc.idType === 'resident_id' ? normalizeResidentId(doc.idNumber) : doc.idNumber.trim().toUpperCase();
}

/** Validates an identity document; `today` (YYYY-MM-DD) bounds resident-id birth dates. */
export function identityProblem(doc: IdentityDocument, today: string): IdentityProblem | null {
  const value = normalizeIdNumber(doc);
  if (doc.idType === 'resident_id') {
    const problem = residentIdProblem(value, today);
    return problem ? { field: 'idNumber', reason: `residentId.${problem}` } : null;
  }
  const pattern = doc.idType === 'passport' ? PASSPORT_PATTERN : OTHER_PATTERN;
  return pattern.test(value) ? null : { field: 'idNumber', reason: `${doc.idType}.format` };
}
