import { isCalendarDate } from '../../calendar/calendar-date.ts';

/** One thing wrong with a protocol document: where (a path like `edition.categories.close_contact.phases[0].days`) and why. */
export interface DocumentIssue {
  path: string;
  reason: string;
}

export type Json = unknown;

export const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A `basis` per value (`{ low: clause, medium: clause }`) rather than one clause. */
const isClauseMap = (value: Json): value is Record<string, Json> =>
  isObject(value) && !('source' in value) && Object.values(value).every(isObject);

/** Collects issues while a document is walked; every check returns whether the value passed. */
export class DocumentCheck {
  readonly issues: DocumentIssue[] = [];

  fail(path: string, reason: string): false {
    this.issues.push({ path, reason });
    return false;
  }

  object(value: Json, path: string): value is Record<string, Json> {
    if (value === undefined) return this.fail(path, 'required');
    return isObject(value) || this.fail(path, 'notAnObject');
  }

  array(value: Json, path: string): value is Json[] {
    if (value === undefined) return this.fail(path, 'required');
    return Array.isArray(value) || this.fail(path, 'notAnArray');
  }

  text(value: Json, path: string): value is string {
    if (value === undefined) return this.fail(path, 'required');
    if (typeof value !== 'string') return this.fail(path, 'notAString');
    return value.trim().length > 0 || this.fail(path, 'empty');
  }

  date(value: Json, path: string): value is string {
    return this.text(value, path) && (isCalendarDate(value) || this.fail(path, 'invalidDate'));
  }

  /** A whole number ≥ `min` (0 unless told). */
  count(value: Json, path: string, min = 0): value is number {
    if (value === undefined) return this.fail(path, 'required');
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(path, 'notANumber');
    if (!Number.isInteger(value)) return this.fail(path, 'notAnInteger');
    return value >= min || this.fail(path, min > 0 ? 'notPositive' : 'negative');
  }

  number(value: Json, path: string): value is number {
    if (value === undefined) return this.fail(path, 'required');
    return (typeof value === 'number' && Number.isFinite(value)) || this.fail(path, 'notANumber');
  }

  boolean(value: Json, path: string): value is boolean {
    if (value === undefined) return this.fail(path, 'required');
    return typeof value === 'boolean' || this.fail(path, 'notABoolean');
  }

  oneOf<T extends string>(value: Json, path: string, allowed: readonly T[]): value is T {
    if (value === undefined) return this.fail(path, 'required');
    return (typeof value === 'string' && (allowed as readonly string[]).includes(value)) || this.fail(path, 'unknownValue');
  }

  /** Keys a strict part of the document does not know are typos, not silently ignored values. */
  knownKeys(value: Record<string, Json>, path: string, keys: readonly string[]) {
    for (const key of Object.keys(value)) if (!keys.includes(key)) this.fail(`${path}.${key}`, 'unknownField');
  }

  /** Where a rule comes from: the document, the clause and what it says (REQUIREMENTS RULES-001: every value keeps its source). */
  clause(value: Json, path: string): boolean {
    if (!this.object(value, path)) return false;
    this.knownKeys(value, path, ['source', 'clause', 'says', 'configured']);
    const ok = [
      this.text(value.source, `${path}.source`),
      this.text(value.clause, `${path}.clause`),
      this.text(value.says, `${path}.says`),
    ];
    if (value.configured !== undefined) ok.push(this.boolean(value.configured, `${path}.configured`));
    return ok.every(Boolean);
  }

  /** Every `basis` anywhere below a section is a clause (sections the checker does not model field by field). */
  bases(value: Json, path: string) {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        this.bases(item, `${path}[${i}]`);
      });
      return;
    }
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'basis' && isClauseMap(child)) for (const [k, c] of Object.entries(child)) this.clause(c, `${path}.basis.${k}`);
      else if (key === 'basis') this.clause(child, `${path}.basis`);
      else this.bases(child, `${path}.${key}`);
    }
  }
}
