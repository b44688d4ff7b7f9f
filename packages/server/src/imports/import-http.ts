import { invalid } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { type Api, Nullable, Uuid } from '../http/schemas.ts';
import type { UploadLimits } from './upload-limits.ts';
import { guardXlsx } from './xlsx-zip-guard.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv';
const OCTET_MIME = 'application/octet-stream';
/** What an .xlsx upload route takes (a raw octet-stream is read as .xlsx). */
export const XLSX_UPLOAD_MIMES = [XLSX_MIME, OCTET_MIME] as const;

const passBuffer = (_request: unknown, body: Buffer, done: (error: Error | null, body?: Buffer) => void) => done(null, body);

/**
 * Upload routes live in their own Fastify context (issue 12 defect 2): the file parsers exist only
 * there, so any other route answers 415 to a CSV or .xlsx body without reading it; each upload route
 * sets its own `bodyLimit`, and the session (onRequest) is checked before a byte of the body is read.
 */
export function uploadRoutes(api: Api, mimes: readonly string[], routes: (uploads: Api) => void): void {
  api.register(async (uploads) => {
    for (const mime of mimes) uploads.addContentTypeParser(mime, { parseAs: 'buffer' }, passBuffer);
    routes(uploads);
  });
}

/** The uploaded .xlsx, checked as a zip before anything inflates it; 400 when the body is empty or not a file. */
export function xlsxBody(body: unknown, limits: UploadLimits): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) throw invalid('body', 'unsupportedMediaType');
  guardXlsx(body, limits);
  return body;
}

/** Sends a workbook as a download under its zh-CN file name. */
export function sendXlsx(reply: FastifyReply, fileName: string, workbook: Buffer) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(workbook);
}

export const RowErrorSchema = Type.Object({
  row: Type.Integer(),
  column: Type.String(),
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
});

/** A roster import's progress and per-row errors, as the UI polls it. */
export const ImportProgressSchema = Type.Object({
  id: Uuid,
  status: Type.String(),
  fileName: Nullable(Type.String()),
  total: Type.Integer(),
  processed: Type.Integer(),
  created: Type.Integer(),
  existing: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(RowErrorSchema),
});
