import { normalizePhone, phoneProblem } from './phone.ts';

/** Masks personal values for lists: keep a short head and tail, star the rest. */
export function maskMiddle(value: string, keepHead: number, keepTail: number): string {
  if (value.length <= keepHead + keepTail) return '*'.repeat(value.length);
  const hidden = value.length - keepHead - keepTail;
  return value.slice(0, keepHead) + '*'.repeat(hidden) + value.slice(value.length - keepTail);
}

/** 320412199001011234 → 320412********1234 */
export function maskIdNumber(idNumber: string): string {
  return idNumber.length === 18 ? maskMiddle(idNumber, 6, 4) : maskMiddle(idNumber, 2, 2);
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  return maskMiddle(phone, 3, 4);
}

/** Keeps the first few characters of an address (the area), hides the door number. */
export function maskAddress(address: string): string {
  const keep = Math.min(6, Math.floor(address.length / 2));
  return address.slice(0, keep) + '*'.repeat(Math.max(0, address.length - keep));
}

export function maskName(name: string): string {
  if (name.length <= 1) return name;
  return name[0] + '*'.repeat(name.length - 1);
}

const RESIDENT_ID_LIKE = /^\d{17}[\dXx]$/;

/**
 * Residents sign in with their phone number, so a username can be personal data: a phone or an ID number
 * is masked like one (138****5678); any other username (staff) is shown as it is.
 */
export function maskUsername(username: string): string {
  if (RESIDENT_ID_LIKE.test(username)) return maskIdNumber(username);
  return phoneProblem(username) === null ? maskPhone(normalizePhone(username)) : username;
}
