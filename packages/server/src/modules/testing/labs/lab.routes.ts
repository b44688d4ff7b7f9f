import { invalid } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Uuid } from '../../../http/schemas.ts';
import { CSV_MIME, sendXlsx, uploadRoutes, XLSX_MIME, XLSX_UPLOAD_MIMES, xlsxBody } from '../../../imports/import-http.ts';
import { Barcode, DateTime, FollowUpCounts, LabImportProgress, Reason, RowError, tags } from '../testing.schemas.ts';
import { scopeOf } from '../testing-access.ts';
import { knownLabNames } from './lab-directory.repository.ts';
import { importLabFile, labImportProgress, submitLabResults } from './lab-import.service.ts';
import { labResultTemplate } from './lab-template.ts';
import { turnaround } from './turnaround.service.ts';

export { CSV_MIME } from '../../../imports/import-http.ts';

/** A day's results from the lab systems (up to 5000 per request): more than a form, far less than a file. */
const LAB_JSON_BYTES = 4 * 1024 * 1024;

export function labRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/testing/lab-results/template',
    {
      config: { permission: 'testing.labResult' },
      schema: {
        tags,
        summary: "The lab result template (.xlsx): the import's columns, an example row, and the accepted result words on a second sheet",
        produces: [XLSX_MIME],
      },
    },
    async (_request, reply) => sendXlsx(reply, '检测结果导入模板.xlsx', await labResultTemplate()),
  );
  api.get(
    '/testing/labs',
    {
      config: { permission: 'testing.labResult' },
      schema: {
        tags,
        summary: "The labs the platform knows in the caller's scope (collection points' labs and labs of the last 30 days' tubes), by name",
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ name: Type.String() })) }), ...errorResponses },
      },
    },
    async (request) => {
      const names = await knownLabNames(deps.database.db, scopeOf(contextOf(request), 'testing.labResult'), deps.clock());
      return { items: names.map((name) => ({ name })) };
    },
  );
  api.post(
    '/testing/lab-results',
    {
      bodyLimit: LAB_JSON_BYTES,
      config: { permission: 'testing.labResult' },
      schema: {
        tags,
        summary: 'Results from a lab system (JSON): matched to tubes by barcode, per-row errors, idempotent',
        body: Type.Object(
          {
            labName: Type.String({ minLength: 2, maxLength: 100 }),
            results: Type.Array(
              Type.Object(
                { barcode: Barcode, result: Type.String({ maxLength: 20 }), testedAt: Type.Optional(DateTime) },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 5000 },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            created: Type.Integer(),
            existing: Type.Integer(),
            failed: Type.Integer(),
            errors: Type.Array(RowError),
            followUp: FollowUpCounts,
          }),
          ...errorResponses,
        },
      },
    },
    (request) => submitLabResults(deps, contextOf(request), request.body),
  );
  uploadRoutes(api, [CSV_MIME, ...XLSX_UPLOAD_MIMES], (uploads) =>
    uploads.post(
      '/testing/lab-results/imports',
      {
        // A district's day of results (about a million rows) as CSV is some 50 MB.
        bodyLimit: Math.max(deps.config.upload.csvBytes, deps.config.upload.xlsxBytes),
        config: { permission: 'testing.labResult' },
        schema: {
          tags,
          summary: 'Import a lab result file (CSV in UTF-8 or GBK, or .xlsx): per-row errors, good rows applied, nothing applied twice',
          consumes: [CSV_MIME, XLSX_MIME],
          querystring: Type.Object(
            {
              labName: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
              fileName: Type.Optional(Type.String({ maxLength: 200 })),
              wait: Type.Boolean({ default: false }),
            },
            { additionalProperties: false },
          ),
          response: { 202: LabImportProgress, ...errorResponses },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw invalid('body', 'unsupportedMediaType');
        const kind = String(request.headers['content-type']).startsWith(CSV_MIME) ? 'csv' : 'xlsx';
        const buffer = kind === 'xlsx' ? xlsxBody(request.body, deps.config.upload) : request.body;
        const upload = { buffer, kind, limits: deps.config.upload, ...request.query } as const;
        return reply.status(202).send(await importLabFile(deps, contextOf(request), upload, request.query.wait));
      },
    ),
  );
  api.get(
    '/testing/lab-results/imports/:id',
    {
      config: { permission: 'testing.labResult' },
      schema: {
        tags,
        summary: 'Progress and per-row errors of a lab result import',
        params: IdParams,
        response: { 200: LabImportProgress, ...errorResponses },
      },
    },
    (request) => labImportProgress(deps, contextOf(request), request.params.id),
  );
  api.get(
    '/testing/turnaround',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Hours from sampling to result per lab and collection point, against the protocol limits (configured values marked)',
        querystring: Type.Object(
          { campaignId: Type.Optional(Uuid), from: Type.Optional(DateTime), to: Type.Optional(DateTime) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            editionId: Type.String(),
            rows: Type.Array(
              Type.Object({
                labName: Type.String(),
                pointId: Nullable(Uuid),
                pointName: Nullable(Type.String()),
                setting: Type.String(),
                results: Type.Integer(),
                averageHours: Nullable(Type.Number()),
                p90Hours: Nullable(Type.Number()),
                maxHours: Nullable(Type.Number()),
                overLimit: Type.Integer(),
                limitHours: Type.Number(),
                decision: Type.String(),
                because: Type.Array(Reason),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => turnaround(deps, contextOf(request), request.query),
  );
}
