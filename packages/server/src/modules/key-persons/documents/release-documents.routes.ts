import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, IdParams } from '../../../http/schemas.ts';
import { sendPdf } from '../../../http/send-pdf.ts';
import { CalendarDateString } from '../key-person.schemas.ts';
import { XLSX_MIME } from '../roster/roster.routes.ts';
import { releaseNotice, releaseTable } from './release-documents.service.ts';

const Purpose = Type.String({
  minLength: 2,
  maxLength: 200,
  description: 'Why the document is printed or exported (recorded in the audit log)',
});

export function releaseDocumentRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/key-persons/episodes/:id/release-notice.pdf',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags: ['key-persons'],
        summary: 'Printable release notice (PDF) of a released episode',
        params: IdParams,
        querystring: Type.Object({ purpose: Type.Optional(Purpose) }, { additionalProperties: false }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await releaseNotice(deps, contextOf(request), request.params.id, request.query.purpose ?? '打印解除隔离通知书');
      return sendPdf(reply, `release-${request.params.id}.pdf`, pdf);
    },
  );
  api.get(
    '/key-persons/exports/release-table.xlsx',
    {
      config: { permission: 'keyPerson.read' },
      schema: {
        tags: ['key-persons'],
        summary: '人员解除隔离表 of a day (Excel); the purpose is recorded',
        querystring: Type.Object({ date: CalendarDateString, purpose: Purpose }, { additionalProperties: false }),
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const file = await releaseTable(deps, contextOf(request), request.query.date, request.query.purpose);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`人员解除隔离表-${request.query.date}.xlsx`)}`)
        .send(file);
    },
  );
}
