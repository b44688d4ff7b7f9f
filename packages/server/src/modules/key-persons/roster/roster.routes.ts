import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Uuid } from '../../../http/schemas.ts';
import { ImportProgressSchema, sendXlsx, uploadRoutes, XLSX_MIME, XLSX_UPLOAD_MIMES, xlsxBody } from '../../../imports/import-http.ts';
import { importProgress, importRoster } from './roster-import.service.ts';
import { rosterTemplate } from './roster-workbook.ts';

// Kept here too for the modules that import it from this path (the lab import among them).
export { XLSX_MIME } from '../../../imports/import-http.ts';

const tags = ['key-persons'];

export function rosterRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/key-persons/imports/template',
    { config: { permission: 'keyPerson.write' }, schema: { tags, summary: 'The roster template (.xlsx)', produces: [XLSX_MIME] } },
    async (_request, reply) => sendXlsx(reply, '重点人员名单模板.xlsx', await rosterTemplate()),
  );
  uploadRoutes(api, XLSX_UPLOAD_MIMES, (uploads) =>
    uploads.post(
      '/key-persons/imports',
      {
        bodyLimit: deps.config.upload.xlsxBytes,
        config: { permission: 'keyPerson.write' },
        schema: {
          tags,
          summary: 'Import a roster (.xlsx body): per-row errors, dedup by ID number, idempotent; the same file resumes',
          consumes: [XLSX_MIME],
          querystring: Type.Object(
            { jurisdictionId: Uuid, fileName: Type.Optional(Type.String({ maxLength: 200 })), wait: Type.Boolean({ default: false }) },
            { additionalProperties: false },
          ),
          response: { 202: ImportProgressSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const upload = { buffer: xlsxBody(request.body, deps.config.upload), ...request.query };
        return reply.status(202).send(await importRoster(deps, contextOf(request), upload, request.query.wait));
      },
    ),
  );
  api.get(
    '/key-persons/imports/:id',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags,
        summary: 'Progress and per-row errors of an import',
        params: IdParams,
        response: { 200: ImportProgressSchema, ...errorResponses },
      },
    },
    (request) => importProgress(deps, contextOf(request), request.params.id),
  );
}
