import type { FastifyReply } from 'fastify';

/** A generated PDF shown in the browser (inline), under a file name for saving. */
export function sendPdf(reply: FastifyReply, fileName: string, pdf: Buffer) {
  return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
}
