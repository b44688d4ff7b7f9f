import { TASK_SOURCES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, PageQuery, pageWindow, Uuid } from '../../http/schemas.ts';
import { uploadRoutes } from '../../imports/import-http.ts';
import {
  EvidenceSchema,
  Instant,
  objectOf,
  TaskCounts,
  TaskDetailSchema,
  TaskSchema,
  TaskStateSchema,
  TaskUnitRole,
  Text,
} from './command.schemas.ts';
import { assignableUsers, closeTask, createTask, myTaskList, taskDetail, taskList } from './task.service.ts';
import { addEvidence, EVIDENCE_MIMES, evidenceFile } from './task-evidence.service.ts';

const tags = ['tasks'];
const EvidenceParams = Type.Object({ id: Uuid, evidenceId: Uuid }, { additionalProperties: false });

function taskReadRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/tasks',
    {
      config: { permission: 'command.read' },
      schema: {
        tags,
        summary: 'Command tasks in my scope (ORG-060), overdue first, with open / overdue / done counts',
        querystring: objectOf({
          state: Type.Optional(TaskStateSchema),
          headquartersId: Type.Optional(Uuid),
          workingGroupId: Type.Optional(Uuid),
          unitId: Type.Optional(Uuid),
          jurisdictionId: Type.Optional(Uuid),
          sourceKind: Type.Optional(Type.Union(TASK_SOURCES.map((s) => Type.Literal(s)))),
          ...PageQuery,
        }),
        response: { 200: Type.Object({ items: Type.Array(TaskSchema), total: Type.Integer(), counts: TaskCounts }), ...errorResponses },
      },
    },
    (request) => {
      const { limit, offset } = pageWindow(request.query);
      const { page: _page, pageSize: _size, ...filter } = request.query;
      return taskList(deps, contextOf(request), filter, limit, offset);
    },
  );
  api.get(
    '/tasks/mine',
    {
      config: { permission: 'task.work' },
      schema: {
        tags,
        summary: 'My tasks: given to me, to a group I am on, or to a unit I stand for (ORG-060, SC-70)',
        querystring: objectOf({ state: Type.Optional(TaskStateSchema) }),
        response: { 200: Type.Object({ items: Type.Array(TaskSchema), total: Type.Integer() }), ...errorResponses },
      },
    },
    (request) => myTaskList(deps, contextOf(request), request.query.state),
  );
  api.get(
    '/tasks/assignable-users',
    {
      config: { permission: 'task.write' },
      schema: {
        tags,
        summary: 'Who may be given a task in a jurisdiction: users working tasks over it',
        querystring: objectOf({ jurisdictionId: Uuid }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ id: Uuid, username: Type.String(), displayName: Type.String(), role: Type.String() })),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => assignableUsers(deps, contextOf(request), request.query.jurisdictionId),
  );
  api.get(
    '/tasks/:id',
    {
      config: { permission: 'task.work' },
      schema: {
        tags,
        summary: 'One task with its evidence and whether I may close it',
        params: IdParams,
        response: { 200: TaskDetailSchema, ...errorResponses },
      },
    },
    (request) => taskDetail(deps, contextOf(request), request.params.id),
  );
  api.get(
    '/tasks/:id/evidence/:evidenceId',
    {
      config: { permission: 'task.work' },
      schema: {
        tags,
        summary: 'One piece of evidence (the photo or file as uploaded); each read is recorded',
        params: EvidenceParams,
        produces: EVIDENCE_MIMES,
      },
    },
    async (request, reply) => {
      const file = await evidenceFile(deps, contextOf(request), request.params.id, request.params.evidenceId);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}

function taskWriteRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/tasks',
    {
      config: { permission: 'task.write' },
      schema: {
        tags,
        summary: 'Issue a task to a group, units (lead / participating / responsible) and a person, with a deadline (ORG-060)',
        body: objectOf({
          jurisdictionId: Uuid,
          headquartersId: Type.Optional(Uuid),
          title: Text(120),
          description: Type.Optional(Type.String({ maxLength: 2000 })),
          dueAt: Instant,
          workingGroupId: Type.Optional(Uuid),
          assigneeUserId: Type.Optional(Uuid),
          units: Type.Optional(Type.Array(objectOf({ unitId: Uuid, role: TaskUnitRole }), { maxItems: 40 })),
          sourceKind: Type.Optional(Type.Union([Type.Literal('manual'), Type.Literal('level_measure')])),
          sourceId: Type.Optional(Uuid),
        }),
        response: { 201: TaskDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createTask(deps, contextOf(request), request.body)),
  );
  api.post(
    '/tasks/:id/close',
    {
      config: { permission: 'task.work' },
      schema: {
        tags,
        summary: 'Close a task with a note; its evidence must be attached first',
        params: IdParams,
        body: objectOf({ note: Text(1000) }),
        response: { 200: TaskDetailSchema, ...errorResponses },
      },
    },
    (request) => closeTask(deps, contextOf(request), request.params.id, request.body.note),
  );
  uploadRoutes(api, EVIDENCE_MIMES, (uploads) =>
    uploads.post(
      '/tasks/:id/evidence',
      {
        bodyLimit: deps.config.upload.evidenceBytes,
        config: { permission: 'task.work' },
        schema: {
          tags,
          summary: 'Attach a photo (JPEG, PNG) or a PDF to an open task (raw body; the size limit is FANGKONG_UPLOAD_EVIDENCE_BYTES)',
          consumes: EVIDENCE_MIMES,
          params: IdParams,
          querystring: objectOf({ fileName: Type.Optional(Type.String({ maxLength: 200 })) }),
          response: { 201: EvidenceSchema, 413: errorResponses[400], ...errorResponses },
        },
      },
      async (request, reply) => {
        const upload = { body: request.body, contentType: request.headers['content-type'] ?? '', fileName: request.query.fileName };
        return reply.status(201).send(await addEvidence(deps, contextOf(request), request.params.id, upload));
      },
    ),
  );
}

export function taskRoutes(api: Api, deps: AppDeps) {
  taskReadRoutes(api, deps);
  taskWriteRoutes(api, deps);
}
