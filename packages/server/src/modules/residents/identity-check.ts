import { type IdType, normalizePhone, phoneProblem } from '@fangkong/core';
import type { PersonalDataCipher } from '../../crypto/personal-data-cipher.ts';
import type { Db } from '../../db/client.ts';
import { findPersonByIdHash, type PersonRow } from '../persons/person.repository.ts';
import { idLookupHash, phoneLookupHash } from '../persons/person-record.ts';

export interface IdentityClaim {
  idType: IdType;
  idNumber: string;
  name: string;
}

/** The registry's person when the ID number and the name both match; otherwise nothing (the caller says no more than "no"). */
export async function matchingPerson(db: Db, cipher: PersonalDataCipher, claim: IdentityClaim): Promise<PersonRow | undefined> {
  const found = await findPersonByIdHash(db, idLookupHash(cipher, claim.idType, claim.idNumber));
  return found && found.name === claim.name.trim() ? found : undefined;
}

/** The second factor the registry holds: the phone it has on record for the person. */
export function phoneMatches(cipher: PersonalDataCipher, found: PersonRow, phone: string | undefined): boolean {
  if (!phone || phoneProblem(phone) || !found.phoneHash) return false;
  return phoneLookupHash(cipher, normalizePhone(phone)) === found.phoneHash;
}
