import { invalid } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Uuid } from '../../../http/schemas.ts';
import { importProgress, importRoster } from './roster-import.service.ts';
import { rosterTemplate } from './roster-workbook.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_ROSTER_BYTES = 20 * 1024 * 1024;
const tags = ['key-persons'];

const Progress = Type.Object({
  id: Uuid,
  status: Type.String(),
  fileName: Type.Union([Type.String(), Type.Null()]),
  total: Type.Integer(),
  processed: Type.Integer(),
  created: Type.Integer(),
  existing: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(
    Type.Object({ row: Type.Integer(), column: Type.String(), field: Type.String(), code: Type.String(), message: Type.String() }),
  ),
});

export function rosterRoutes(api: Api, deps: AppDeps) {
  api.addContentTypeParser(
    [XLSX_MIME, 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_ROSTER_BYTES },
    (_request, body, done) => done(null, body),
  );
  api.get(
    '/key-persons/imports/template',
    { config: { permission: 'keyPerson.write' }, schema: { tags, summary: 'The roster template (.xlsx)', produces: [XLSX_MIME] } },
    async (_request, reply) =>
      reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('重点人员名单模板.xlsx')}`)
        .send(await rosterTemplate()),
  );
  api.post(
    '/key-persons/imports',
    {
      config: { permission: 'keyPerson.write' },
      schema: {
        tags,
        summary: 'Import a roster (.xlsx body): per-row errors, dedup by ID number, idempotent; the same file resumes',
        consumes: [XLSX_MIME],
        querystring: Type.Object(
          { jurisdictionId: Uuid, fileName: Type.Optional(Type.String({ maxLength: 200 })), wait: Type.Boolean({ default: false }) },
          { additionalProperties: false },
        ),
        response: { 202: Progress, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw invalid('body', 'unsupportedMediaType');
      const progress = await importRoster(deps, contextOf(request), { buffer: request.body, ...request.query }, request.query.wait);
      return reply.status(202).send(progress);
    },
  );
  api.get(
    '/key-persons/imports/:id',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Progress and per-row errors of an import',
        params: IdParams,
        response: { 200: Progress, ...errorResponses },
      },
    },
    (request) => importProgress(deps, contextOf(request), request.params.id),
  );
}
