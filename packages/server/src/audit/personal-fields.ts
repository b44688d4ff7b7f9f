import { maskAddress, maskIdNumber, maskName, maskPhone, maskUsername } from '@fangkong/core';

const MASKERS: Record<string, (value: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  address: maskAddress,
  // A resident's username is their phone (issue 12 defect 7).
  username: maskUsername,
};

/** Audit before/after never hold a full ID number, phone or address; masking a masked value changes nothing. */
export function maskPersonalFields(values: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!values) return null;
  const masked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const mask = MASKERS[key];
    masked[key] = mask && typeof value === 'string' ? mask(value) : value;
  }
  return masked;
}

/** A name in before/after masked too: for events about a person the retention job has since anonymised. */
export function maskNameField(values: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!values || typeof values.name !== 'string') return values;
  return { ...values, name: maskName(values.name) };
}
