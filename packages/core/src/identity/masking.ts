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
