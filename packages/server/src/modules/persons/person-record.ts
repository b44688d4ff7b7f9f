import { type IdType, maskAddress, maskIdNumber, maskPhone, normalizeIdNumber, normalizePhone, residentIdFacts } from '@fangkong/core';
import type { PersonalDataCipher } from '../../crypto/personal-data-cipher.ts';
import type { person } from '../../db/schema/index.ts';

export type PersonInsert = typeof person.$inferInsert;

export interface PersonFacts {
  idType: IdType;
  idNumber: string;
  name: string;
  gender?: string | null;
  birthDate?: string | null;
  phone?: string | null;
  address?: string | null;
  householdId?: string | null;
  householdRole?: string | null;
}

export const idLookupHash = (cipher: PersonalDataCipher, idType: IdType, idNumber: string) =>
  cipher.lookupHash(`id:${idType}`, normalizeIdNumber({ idType, idNumber }));

export const phoneLookupHash = (cipher: PersonalDataCipher, phone: string) => cipher.lookupHash('phone', normalizePhone(phone));

function sealedPhone(cipher: PersonalDataCipher, raw: string | null | undefined) {
  if (!raw) return { phoneCipher: null, phoneMasked: null, phoneHash: null };
  const phone = normalizePhone(raw);
  return { phoneCipher: cipher.encrypt(phone), phoneMasked: maskPhone(phone), phoneHash: phoneLookupHash(cipher, phone) };
}

function sealedAddress(cipher: PersonalDataCipher, address: string | null | undefined) {
  if (!address) return { addressCipher: null, addressMasked: null };
  return { addressCipher: cipher.encrypt(address), addressMasked: maskAddress(address) };
}

/** The stored form of a person: hashed and encrypted identifiers, masked previews for lists. */
export function sealPerson(
  cipher: PersonalDataCipher,
  facts: PersonFacts,
  place: { jurisdictionId: string; jurisdictionPath: string },
): PersonInsert {
  const idNumber = normalizeIdNumber(facts);
  const derived = facts.idType === 'resident_id' ? residentIdFacts(idNumber) : null;
  return {
    idType: facts.idType,
    idHash: idLookupHash(cipher, facts.idType, idNumber),
    idCipher: cipher.encrypt(idNumber),
    idMasked: maskIdNumber(idNumber),
    name: facts.name.trim(),
    gender: facts.gender ?? derived?.gender ?? null,
    birthDate: facts.birthDate ?? derived?.birthDate ?? null,
    ...sealedPhone(cipher, facts.phone),
    ...sealedAddress(cipher, facts.address),
    householdId: facts.householdId ?? null,
    householdRole: facts.householdRole ?? null,
    jurisdictionId: place.jurisdictionId,
    jurisdictionPath: place.jurisdictionPath,
  };
}

/** Only the fields a change touches, re-sealed. */
export function sealPersonChanges(cipher: PersonalDataCipher, changes: Partial<Pick<PersonFacts, 'name' | 'phone' | 'address'>>) {
  return {
    ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
    ...(changes.phone !== undefined ? sealedPhone(cipher, changes.phone) : {}),
    ...(changes.address !== undefined ? sealedAddress(cipher, changes.address) : {}),
  };
}
