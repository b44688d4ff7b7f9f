import { exportEdition, exportProfile, findEdition, findProfile, notFound } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, objectOf } from '../../http/schemas.ts';
import {
  ActivateBody,
  ApproveBody,
  DocumentBody,
  ExportedDocument,
  ProtocolDocumentDetail,
  ProtocolDocumentView,
  ProtocolPreview,
  StatusQuery,
  tags,
} from './protocol-document.schemas.ts';
import {
  activateProtocolDocument,
  approveProtocolDocument,
  createProtocolDraft,
  exportProtocolDocument,
  listProtocolDocuments,
  protocolDocumentDetail,
  updateProtocolDraft,
} from './protocol-document.service.ts';
import { previewProtocolDocument } from './protocol-preview.ts';

/** A whole edition is some 64 KB of JSON: more than the JSON default, bounded all the same. */
const DOCUMENT_BODY_LIMIT = 1024 * 1024;
const BASE = '/protocols/documents';

/** A shipped edition or profile as a document (the same format a district imports). */
function shippedDocument(key: string) {
  const edition = findEdition(key);
  if (edition) return exportEdition(edition);
  const profile = findProfile(key);
  if (profile) return exportProfile(profile);
  throw notFound('key');
}

function readRoutes(api: Api, deps: AppDeps) {
  api.get(
    BASE,
    {
      config: { permission: 'protocol.read' },
      schema: {
        tags,
        summary: 'The district’s own protocol editions and local profiles in my scope, newest first',
        querystring: StatusQuery,
        response: { 200: Type.Object({ items: Type.Array(ProtocolDocumentView) }), ...errorResponses },
      },
    },
    (request) => listProtocolDocuments(deps, contextOf(request), request.query.status),
  );
  api.get(
    `${BASE}/:id`,
    {
      config: { permission: 'protocol.read' },
      schema: {
        tags,
        summary: 'A protocol document with its content and the rules it changes',
        params: IdParams,
        response: { 200: ProtocolDocumentDetail, ...errorResponses },
      },
    },
    (request) => protocolDocumentDetail(deps, contextOf(request), request.params.id),
  );
  api.get(
    `${BASE}/:id/preview`,
    {
      config: { permission: 'protocol.read' },
      schema: {
        tags,
        summary: 'What the document would change: the rules, and the open key-person episodes whose plan would differ',
        params: IdParams,
        response: { 200: ProtocolPreview, ...errorResponses },
      },
    },
    (request) => previewProtocolDocument(deps, contextOf(request), request.params.id),
  );
  api.get(
    `${BASE}/:id/export`,
    {
      config: { permission: 'protocol.read' },
      schema: {
        tags,
        summary: 'The document as a fangkong.protocol/1 file',
        params: IdParams,
        response: { 200: ExportedDocument, ...errorResponses },
      },
    },
    (request) => exportProtocolDocument(deps, contextOf(request), request.params.id),
  );
  api.get(
    '/protocols/shipped/:key/export',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'A shipped edition or local profile as a fangkong.protocol/1 document',
        params: objectOf({ key: Type.String({ maxLength: 40 }) }),
        response: { 200: ExportedDocument, ...errorResponses },
      },
    },
    (request) => shippedDocument(request.params.key),
  );
}

function writeRoutes(api: Api, deps: AppDeps) {
  api.post(
    BASE,
    {
      bodyLimit: DOCUMENT_BODY_LIMIT,
      config: { permission: 'protocol.draft' },
      schema: {
        tags,
        summary: 'Draft an edition or a local profile from a document (400 names the protocol path and the reason)',
        body: DocumentBody,
        response: { 201: ProtocolDocumentView, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createProtocolDraft(deps, contextOf(request), request.body)),
  );
  api.put(
    `${BASE}/:id`,
    {
      bodyLimit: DOCUMENT_BODY_LIMIT,
      config: { permission: 'protocol.draft' },
      schema: {
        tags,
        summary: 'Replace a draft’s document (drafts only)',
        params: IdParams,
        body: DocumentBody,
        response: { 200: ProtocolDocumentView, ...errorResponses },
      },
    },
    (request) => updateProtocolDraft(deps, contextOf(request), request.params.id, request.body),
  );
  api.post(
    `${BASE}/:id/approve`,
    {
      config: { permission: 'protocol.approve' },
      schema: {
        tags,
        summary: 'Approve a draft with its legal basis (someone other than the drafter)',
        params: IdParams,
        body: ApproveBody,
        response: { 200: ProtocolDocumentView, ...errorResponses },
      },
    },
    (request) => approveProtocolDocument(deps, contextOf(request), request.params.id, request.body),
  );
  api.post(
    `${BASE}/:id/activate`,
    {
      config: { permission: 'protocol.approve' },
      schema: {
        tags,
        summary: 'Put an approved local profile in force from a day; the profile it replaces is superseded',
        params: IdParams,
        body: ActivateBody,
        response: { 200: ProtocolDocumentView, ...errorResponses },
      },
    },
    (request) => activateProtocolDocument(deps, contextOf(request), request.params.id, request.body),
  );
}

/** Protocols as data (issue 14 part 3): the district's own editions and local profiles. */
export function protocolDocumentRoutes(api: Api, deps: AppDeps) {
  readRoutes(api, deps);
  writeRoutes(api, deps);
}
