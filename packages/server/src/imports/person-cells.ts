import { type CalendarDate, ID_TYPES, type IdType, identityProblem, isCalendarDate, phoneProblem } from '@fangkong/core';
import type { ImportRowError } from '../db/schema/index.ts';

const ID_TYPE_LABELS: Record<IdType, string[]> = {
  resident_id: ['居民身份证', '身份证'],
  passport: ['护照'],
  other: ['其他', '其他证件'],
};

export function idTypeFromLabel(label: string): IdType | null {
  const text = label.trim();
  return ID_TYPES.find((t) => t === text || ID_TYPE_LABELS[t].includes(text)) ?? null;
}

/** The person a roster row names, as the registry keys them. */
export interface PersonCells {
  name: string;
  idType: IdType;
  idNumber: string;
  phone?: string;
}

type RawPerson = { rowNumber: number; name?: string; idType?: string; idNumber?: string; phone?: string };
type ErrorAt = (row: number, field: string, code: string) => ImportRowError;

/** Checks the identity cells of a row (ID type, ID number with its check digit, phone); problems are added to `errors`. */
export function personCells(raw: RawPerson, today: CalendarDate, errors: ImportRowError[], errorAt: ErrorAt): PersonCells | null {
  const idType = idTypeFromLabel(raw.idType ?? '');
  if (!idType) errors.push(errorAt(raw.rowNumber, 'idType', 'unknownIdType'));
  const idIssue = idType ? identityProblem({ idType, idNumber: raw.idNumber ?? '' }, today) : null;
  if (idIssue) errors.push(errorAt(raw.rowNumber, 'idNumber', idIssue.reason));
  const phoneIssue = raw.phone ? phoneProblem(raw.phone) : null;
  if (phoneIssue) errors.push(errorAt(raw.rowNumber, 'phone', phoneIssue));
  if (!idType || idIssue || phoneIssue) return null;
  return { name: raw.name ?? '', idType, idNumber: raw.idNumber ?? '', phone: raw.phone || undefined };
}

/** A date cell that must be a real calendar day no later than today. */
export function pastDateCell(value: string, today: CalendarDate): 'invalidDate' | 'futureDate' | null {
  if (!isCalendarDate(value)) return 'invalidDate';
  return value > today ? 'futureDate' : null;
}
