import { residentIdCheckCharacter } from '../identity/resident-id.ts';
import type { Gender } from './names.ts';

const DAY_MS = 86_400_000;
// Per birth date the sequence (3 digits) holds 500 odd (male) and 499 even (female) values.
const CAPACITY: Record<Gender, number> = { male: 500, female: 499 };
// A stride coprime with both capacities walks every slot once in a scattered-looking order.
const STRIDE = 193;

const compactDate = (iso: string) => iso.replaceAll('-', '');

function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

function sequenceNumber(gender: Gender, slot: number): number {
  return gender === 'male' ? slot * 2 + 1 : slot * 2 + 2;
}

/**
 * Hands out resident ID numbers (GB 11643) that never repeat within one run: each birth date and
 * gender has a counter; when a date is full the next number moves to the day before.
 */
export class ResidentIdAllocator {
  private readonly used = new Map<string, number>();

  constructor(private readonly divisionCode: string) {
    if (!/^\d{6}$/.test(divisionCode)) throw new RangeError(`division code must be 6 digits: ${divisionCode}`);
  }

  /** `birthDate` is YYYY-MM-DD; the returned number may carry an earlier date when that day is full. */
  next(birthDate: string, gender: Gender): string {
    let date = birthDate;
    for (;;) {
      const key = `${date}/${gender}`;
      const count = this.used.get(key) ?? 0;
      if (count < CAPACITY[gender]) {
        this.used.set(key, count + 1);
        return this.format(date, gender, count);
      }
      date = dayBefore(date);
    }
  }

  private format(date: string, gender: Gender, count: number): string {
    const compact = compactDate(date);
    const offset = Number(compact) % CAPACITY[gender];
    const slot = (count * STRIDE + offset) % CAPACITY[gender];
    const first17 = `${this.divisionCode}${compact}${String(sequenceNumber(gender, slot)).padStart(3, '0')}`;
    return first17 + residentIdCheckCharacter(first17);
  }
}
