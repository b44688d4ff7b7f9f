import { maskPhone, normalizePhone } from '@fangkong/core';
import type { PersonalDataCipher } from '../../crypto/personal-data-cipher.ts';
import { phoneLookupHash } from '../persons/person-record.ts';
import type { RosterRow } from './organization.repository.ts';

/** A roster phone sealed like a person's (AES-GCM value, masked preview, keyed hash that recognizes one person on several rows). */
export function sealedRosterPhone(cipher: PersonalDataCipher, raw: string | null | undefined) {
  if (!raw) return { phoneCipher: null, phoneMasked: null, phoneHash: null };
  const phone = normalizePhone(raw);
  return { phoneCipher: cipher.encrypt(phone), phoneMasked: maskPhone(phone), phoneHash: phoneLookupHash(cipher, phone) };
}

/** The phone as this caller may see it: in full inside the headquarters, masked outside it. */
export function rosterPhone(cipher: PersonalDataCipher, row: Pick<RosterRow, 'phoneCipher' | 'phoneMasked'>, visible: boolean) {
  if (!row.phoneCipher) return null;
  return visible ? cipher.decrypt(row.phoneCipher) : row.phoneMasked;
}

export function rosterEntry(cipher: PersonalDataCipher, row: RosterRow, unitName: string | null, visible: boolean) {
  return {
    id: row.id,
    workingGroupId: row.workingGroupId,
    expertGroupId: row.expertGroupId,
    userId: row.userId,
    name: row.name,
    title: row.title,
    orgUnitId: row.orgUnitId,
    orgUnitName: unitName,
    role: row.role,
    phone: rosterPhone(cipher, row, visible),
    phoneMasked: row.phoneCipher !== null && !visible,
  };
}

export type RosterEntry = ReturnType<typeof rosterEntry>;

/** How a person is recognized across roster rows (SC-69): the account, else the phone's keyed hash, else the name. */
export function personKey(row: Pick<RosterRow, 'userId' | 'phoneHash' | 'name'>): string {
  if (row.userId) return `user:${row.userId}`;
  if (row.phoneHash) return `phone:${row.phoneHash}`;
  return `name:${row.name}`;
}
