import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Uuid } from '../../http/schemas.ts';
import { ImportProgressSchema, sendXlsx, uploadRoutes, XLSX_MIME, XLSX_UPLOAD_MIMES, xlsxBody } from '../../imports/import-http.ts';
import { importInstitutions, institutionImportProgress, institutionTemplate } from './institution-import.service.ts';

const tags = ['institutions'];

/** The institution registry from Excel (issue 16 part 1): template, upload, progress. */
export function institutionImportRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/institution-imports/template',
    {
      config: { permission: 'institution.manage' },
      schema: { tags, summary: 'The institution registry template (.xlsx), with the kinds on a second sheet', produces: [XLSX_MIME] },
    },
    async (_request, reply) => sendXlsx(reply, '机构名录模板.xlsx', await institutionTemplate()),
  );
  uploadRoutes(api, XLSX_UPLOAD_MIMES, (uploads) =>
    uploads.post(
      '/institution-imports',
      {
        bodyLimit: deps.config.upload.xlsxBytes,
        config: { permission: 'institution.manage' },
        schema: {
          tags,
          summary:
            'Import institutions (.xlsx body): each profile checked as a registration is (SCH-010, more classes than students), per-row errors, idempotent by code; the same file resumes',
          consumes: [XLSX_MIME],
          querystring: Type.Object(
            {
              jurisdictionId: Uuid,
              fileName: Type.Optional(Type.String({ maxLength: 200 })),
              wait: Type.Boolean({ default: false }),
            },
            { additionalProperties: false },
          ),
          response: { 202: ImportProgressSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const upload = { buffer: xlsxBody(request.body, deps.config.upload), ...request.query };
        return reply.status(202).send(await importInstitutions(deps, contextOf(request), upload, request.query.wait));
      },
    ),
  );
  api.get(
    '/institution-imports/:id',
    {
      config: { permission: 'institution.read' },
      schema: {
        tags,
        summary: 'Progress and per-row errors of an institution import',
        params: IdParams,
        response: { 200: ImportProgressSchema, ...errorResponses },
      },
    },
    (request) => institutionImportProgress(deps, contextOf(request), request.params.id),
  );
}
