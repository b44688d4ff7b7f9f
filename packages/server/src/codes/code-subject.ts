import type { PersonalDataCipher } from '../crypto/personal-data-cipher.ts';

/**
 * The person a code names, as an opaque per-token reference (issue 12 defect 8): the person id sealed with
 * AES-256-GCM under a fresh IV, so the QR never carries the id in clear and two codes of one person do not
 * match. Only the server, holding the data key, reads it back; an offline device needs only the colour.
 */
export function sealSubject(cipher: PersonalDataCipher, personId: string): string {
  return cipher.encrypt(personId);
}

/** The person behind a verified code's subject, or null when it is not one of ours (never throws). */
export function personOfSubject(cipher: PersonalDataCipher, subject: string): string | null {
  try {
    return cipher.decrypt(subject);
  } catch {
    return null;
  }
}
