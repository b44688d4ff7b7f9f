import { maskAddress, maskIdNumber, maskPhone } from '@fangkong/core';

const MASKERS: Record<string, (value: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  address: maskAddress,
};

/** Audit before/after never hold a full ID number, phone or address. */
export function maskPersonalFields(values: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!values) return null;
  const masked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const mask = MASKERS[key];
    masked[key] = mask && typeof value === 'string' ? mask(value) : value;
  }
  return masked;
}
