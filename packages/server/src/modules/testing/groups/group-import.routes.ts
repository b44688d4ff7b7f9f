import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Uuid } from '../../../http/schemas.ts';
import { ImportProgressSchema, sendXlsx, uploadRoutes, XLSX_MIME, XLSX_UPLOAD_MIMES, xlsxBody } from '../../../imports/import-http.ts';
import { GroupSchema, tags } from '../testing.schemas.ts';
import { groupImportProgress, groupRosterTemplate, importGroupRoster } from './group-import.service.ts';

/** A unit's list onto the mandatory-testing rosters (TEST-001): template, upload, progress. */
export function groupImportRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/testing/group-imports/template',
    {
      config: { permission: 'testing.manage' },
      schema: {
        tags,
        summary: 'The mandatory-testing roster template (.xlsx), with the 12 groups on a second sheet',
        produces: [XLSX_MIME],
      },
    },
    async (_request, reply) => sendXlsx(reply, '应检尽检人员名单模板.xlsx', await groupRosterTemplate()),
  );
  uploadRoutes(api, XLSX_UPLOAD_MIMES, (uploads) =>
    uploads.post(
      '/testing/group-imports',
      {
        bodyLimit: deps.config.upload.xlsxBytes,
        config: { permission: 'testing.manage' },
        schema: {
          tags,
          summary:
            'Import a roster (.xlsx body) onto the mandatory-testing groups: per-row errors, people not yet registered are registered, idempotent; the same file resumes',
          consumes: [XLSX_MIME],
          querystring: Type.Object(
            {
              jurisdictionId: Uuid,
              group: Type.Optional(GroupSchema),
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
        return reply.status(202).send(await importGroupRoster(deps, contextOf(request), upload, request.query.wait));
      },
    ),
  );
  api.get(
    '/testing/group-imports/:id',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Progress and per-row errors of a roster import',
        params: IdParams,
        response: { 200: ImportProgressSchema, ...errorResponses },
      },
    },
    (request) => groupImportProgress(deps, contextOf(request), request.params.id),
  );
}
