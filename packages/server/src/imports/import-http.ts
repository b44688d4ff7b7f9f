import { invalid } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { type Api, Nullable, Uuid } from '../http/schemas.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_ROSTER_BYTES = 20 * 1024 * 1024;

/** Takes an .xlsx (or raw octet-stream) body as a Buffer; registered once on the /api instance, whichever roster route comes first. */
export function acceptXlsx(api: Api): void {
  for (const mime of [XLSX_MIME, 'application/octet-stream']) {
    if (api.hasContentTypeParser(mime)) continue;
    api.addContentTypeParser(mime, { parseAs: 'buffer', bodyLimit: MAX_ROSTER_BYTES }, (_request, body, done) => done(null, body));
  }
}

/** The uploaded file, or 400 when the body is empty or not a file. */
export function xlsxBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) throw invalid('body', 'unsupportedMediaType');
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
