import { AppError } from '@fangkong/core';
import { bytesLabel } from '../http/body-limit.ts';

/** What one upload may hold (issue 12 defect 3); every refusal names the limit it passed. */
export interface UploadLimits {
  /** Largest lab CSV body. */
  csvBytes: number;
  /** Largest .xlsx body. */
  xlsxBytes: number;
  /** Largest total inflated size of an .xlsx's zip entries. */
  xlsxInflatedBytes: number;
  /** Most data rows in one file (the header not counted). */
  maxRows: number;
  /** Most columns in the header row. */
  maxColumns: number;
  /** Largest evidence file (photo or PDF) proving a task done. */
  evidenceBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  csvBytes: 200 * 1024 * 1024,
  xlsxBytes: 20 * 1024 * 1024,
  xlsxInflatedBytes: 128 * 1024 * 1024,
  maxRows: 2_000_000,
  maxColumns: 200,
  evidenceBytes: 10 * 1024 * 1024,
};

/** 413 or 422 with the limit in the message (`{limit}`), for a file the server will not read further. */
export function uploadRefused(code: 'uploadTooLarge' | 'uploadTooManyRows' | 'uploadTooManyColumns' | 'uploadNotXlsx', limit?: number) {
  const status = code === 'uploadTooLarge' ? 413 : 422;
  const shown = limit === undefined ? '' : code === 'uploadTooLarge' ? bytesLabel(limit) : String(limit);
  return Object.assign(new AppError('invalid', code, 'body', { limit: shown }), { status });
}

/** Refuses a sheet of more rows or columns than the limits allow. */
export function checkSheetSize(rows: number, columns: number, limits: UploadLimits): void {
  if (rows > limits.maxRows) throw uploadRefused('uploadTooManyRows', limits.maxRows);
  if (columns > limits.maxColumns) throw uploadRefused('uploadTooManyColumns', limits.maxColumns);
}
