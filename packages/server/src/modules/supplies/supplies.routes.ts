import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Page, PageQuery, pageWindow, Uuid } from '../../http/schemas.ts';
import { createSchedule, listSchedules, recordDisinfection } from './disinfection.service.ts';
import { readiness } from './readiness.service.ts';
import { createStockItem, listStock, moveStock, stockMovements } from './stock.service.ts';
import {
  DisinfectionRecordBody,
  JurisdictionQuery,
  MovementBody,
  MovementReply,
  MovementView,
  NewScheduleBody,
  NewStockBody,
  ReadinessReply,
  ScheduleView,
  StockView,
  supplyTags as tags,
} from './supplies.schemas.ts';

const read = { permission: 'supply.read' } as const;
const write = { permission: 'supply.write' } as const;

function stockRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/supplies/stock',
    {
      config: read,
      schema: {
        tags,
        summary: 'Stock by holder and item, each marked low or near expiry with its rule (RES-001…RES-013)',
        querystring: JurisdictionQuery,
        response: { 200: Type.Array(StockView), ...errorResponses },
      },
    },
    (request) => listStock(deps, contextOf(request), request.query),
  );
  api.post(
    '/supplies/stock',
    {
      config: write,
      schema: {
        tags,
        summary: 'A holder starts keeping an item (its opening balance is a receipt)',
        body: NewStockBody,
        response: { 201: StockView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createStockItem(deps, contextOf(request), request.body)),
  );
  api.post(
    '/supplies/stock/:id/movements',
    {
      config: write,
      schema: {
        tags,
        summary: 'Receive, donation (RES-014), issue, transfer or adjust with reason; never below zero',
        params: IdParams,
        body: MovementBody,
        response: { 201: MovementReply, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await moveStock(deps, contextOf(request), request.params.id, request.body)),
  );
  api.get(
    '/supplies/stock/:id/movements',
    {
      config: read,
      schema: {
        tags,
        summary: 'The movements of a stock line, newest first',
        params: IdParams,
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: { 200: Page(MovementView), ...errorResponses },
      },
    },
    (request) => {
      const { limit, offset } = pageWindow(request.query);
      return stockMovements(deps, contextOf(request), request.params.id, limit, offset);
    },
  );
  api.get(
    '/supplies/readiness',
    {
      config: read,
      schema: {
        tags,
        summary: 'Readiness of a jurisdiction and its children: green, amber or red with reasons (RES-, ENV-003, PREP-; SC-58…SC-60)',
        querystring: JurisdictionQuery,
        response: { 200: ReadinessReply, ...errorResponses },
      },
    },
    (request) => readiness(deps, contextOf(request), request.query),
  );
}

function disinfectionRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/supplies/disinfection',
    {
      config: read,
      schema: {
        tags,
        summary: 'Disinfection schedules with their state (done, due, overdue: ENV-003)',
        querystring: JurisdictionQuery,
        response: { 200: Type.Array(ScheduleView), ...errorResponses },
      },
    },
    (request) => listSchedules(deps, contextOf(request), request.query),
  );
  api.post(
    '/supplies/disinfection',
    {
      config: write,
      schema: {
        tags,
        summary: 'Put a place on the schedule at its kind’s frequency (ENV-003)',
        body: NewScheduleBody,
        response: { 201: ScheduleView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createSchedule(deps, contextOf(request), request.body)),
  );
  api.post(
    '/supplies/disinfection/:id/records',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a disinfection done',
        params: IdParams,
        body: DisinfectionRecordBody,
        response: { 201: Type.Object({ id: Uuid, doneAt: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordDisinfection(deps, contextOf(request), request.params.id, request.body)),
  );
}

export function suppliesRoutes(api: Api, deps: AppDeps) {
  stockRoutes(api, deps);
  disinfectionRoutes(api, deps);
}
