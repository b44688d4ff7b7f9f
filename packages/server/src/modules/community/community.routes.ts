import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, objectOf, Uuid } from '../../http/schemas.ts';
import {
  CommunityModeView,
  DateString,
  Gathering,
  GatheringBody,
  JurisdictionQuery,
  LedgerBody,
  LedgerEntry,
  Progress,
  Round,
  RoundDetail,
  SixOnesBody,
  SixOnesLedger,
  Supply,
  tags,
  Visit,
  VisitBody,
} from './community.schemas.ts';
import { communityModeView } from './community-mode.service.ts';
import { communityReportRoutes } from './community-report.routes.ts';
import {
  closeSupplyRequest,
  fileGathering,
  listCommunities,
  listGatherings,
  listSupplies,
  recordSixOnes,
  requestSupplies,
  sixOnesLedger,
} from './duties.service.ts';
import { closeEntry, ledgerDay, recordEntry } from './entry-ledger.service.ts';
import { closeRound, listRounds, recordVisit, riskPlaces, roundDetail, startRound } from './screening.service.ts';

const read = { permission: 'community.read' as const };
const write = { permission: 'community.write' as const };

/** The entrance ledger of outsiders and vehicles (COMM-012, SC-37). */
function ledgerRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/community/entry-ledger',
    {
      config: write,
      schema: {
        tags,
        summary: 'Let an outsider or outside vehicle in (COMM-012, SC-37): mask, temperature below fever, an escort of the community',
        body: LedgerBody,
        response: { 201: LedgerEntry, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordEntry(deps, contextOf(request), request.body)),
  );
  api.post(
    '/community/entry-ledger/:id/close',
    {
      config: write,
      schema: {
        tags,
        summary: 'Close out (销号) an entry when they leave',
        params: IdParams,
        response: { 200: LedgerEntry, ...errorResponses },
      },
    },
    (request) => closeEntry(deps, contextOf(request), request.params.id),
  );
  api.get(
    '/community/entry-ledger',
    {
      config: read,
      schema: {
        tags,
        summary: "A day's entrance ledger with every entry still open; entries open past their day are flagged (SC-37)",
        querystring: objectOf({ jurisdictionId: Type.Optional(Uuid), day: Type.Optional(DateString) }),
        response: {
          200: Type.Object({ day: Type.String(), items: Type.Array(LedgerEntry), open: Type.Integer(), flagged: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    (request) => ledgerDay(deps, contextOf(request), request.query.jurisdictionId, request.query.day),
  );
}

function screeningRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/community/risk-places',
    {
      // Public notices (the published grades): every signed-in user picks from them, e.g. a hotel's guest origin (PUB-007).
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Places published as risk areas at the grades screening counts (public notices; the travel-place choices)',
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ jurisdictionId: Uuid, name: Type.String(), level: Type.String() })) }),
          ...errorResponses,
        },
      },
    },
    () => riskPlaces(deps),
  );
  api.get(
    '/community/communities',
    {
      config: read,
      schema: {
        tags,
        summary: 'The communities I work in',
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), code: Type.String(), path: Type.String() })) }),
          ...errorResponses,
        },
      },
    },
    (request) => listCommunities(deps, contextOf(request)),
  );
  api.get(
    '/community/rounds',
    {
      config: read,
      schema: {
        tags,
        summary: 'Door-to-door screening rounds (COMM-040) with their progress',
        querystring: JurisdictionQuery,
        response: {
          200: Type.Object({ items: Type.Array(Type.Intersect([Round, Type.Object({ progress: Progress })])) }),
          ...errorResponses,
        },
      },
    },
    (request) => listRounds(deps, contextOf(request), request.query.jurisdictionId),
  );
  api.post(
    '/community/rounds',
    {
      config: write,
      schema: {
        tags,
        summary: 'Start a door-to-door screening round over every household of a community',
        body: objectOf({ jurisdictionId: Uuid, name: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 201: Round, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await startRound(deps, contextOf(request), request.body)),
  );
  api.get(
    '/community/rounds/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A round: progress, households to visit, people found',
        params: IdParams,
        response: { 200: RoundDetail, ...errorResponses },
      },
    },
    (request) => roundDetail(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/community/rounds/:id/close',
    { config: write, schema: { tags, summary: 'Close a round', params: IdParams, response: { 200: Round, ...errorResponses } } },
    (request) => closeRound(deps, contextOf(request), request.params.id),
  );
  api.post(
    '/community/rounds/:id/visits',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Record a household visit: who is home, travel and symptoms; a risk-area or inbound arrival opens the key-person episode (SC-41)',
        params: IdParams,
        body: VisitBody,
        response: { 201: Visit, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await recordVisit(deps, contextOf(request), request.params.id, request.body)),
  );
}

function dutyRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/community/six-ones',
    {
      config: read,
      schema: {
        tags,
        summary: "A community's six-ones ledger of a day and its readiness (COMM-001…006)",
        querystring: objectOf({ jurisdictionId: Uuid, date: Type.Optional(DateString) }),
        response: { 200: SixOnesLedger, ...errorResponses },
      },
    },
    (request) => sixOnesLedger(deps, contextOf(request), request.query.jurisdictionId, request.query.date),
  );
  api.put(
    '/community/six-ones',
    {
      config: write,
      schema: { tags, summary: "Check one of today's six ones", body: SixOnesBody, response: { 200: SixOnesLedger, ...errorResponses } },
    },
    (request) => recordSixOnes(deps, contextOf(request), request.body),
  );
  api.get(
    '/community/gatherings',
    {
      config: read,
      schema: {
        tags,
        summary: 'Gatherings filed (COMM-031/032)',
        querystring: JurisdictionQuery,
        response: { 200: Type.Object({ items: Type.Array(Gathering) }), ...errorResponses },
      },
    },
    (request) => listGatherings(deps, contextOf(request), request.query.jurisdictionId),
  );
  api.post(
    '/community/gatherings',
    {
      config: write,
      schema: {
        tags,
        summary: 'File a gathering: weddings refused, simplified funerals filed before the event (SC-44)',
        body: GatheringBody,
        response: { 201: Gathering, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await fileGathering(deps, contextOf(request), request.body)),
  );
  api.get(
    '/community/supply-requests',
    {
      config: read,
      schema: {
        tags,
        summary: 'Supply requests of sealed households (COMM-022)',
        querystring: JurisdictionQuery,
        response: { 200: Type.Object({ items: Type.Array(Supply) }), ...errorResponses },
      },
    },
    (request) => listSupplies(deps, contextOf(request), request.query.jurisdictionId),
  );
  api.post(
    '/community/supply-requests',
    {
      config: write,
      schema: {
        tags,
        summary: 'Necessities for a sealed household, bought on its behalf (COMM-022)',
        body: objectOf({
          householdId: Uuid,
          items: Type.String({ minLength: 1, maxLength: 500 }),
          note: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 201: Supply, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await requestSupplies(deps, contextOf(request), request.body)),
  );
  api.post(
    '/community/supply-requests/:id/deliver',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delivered at the fixed point without contact',
        params: IdParams,
        body: objectOf({ note: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: Supply, ...errorResponses },
      },
    },
    (request) => closeSupplyRequest(deps, contextOf(request), request.params.id, 'delivered', request.body.note),
  );
  api.post(
    '/community/supply-requests/:id/cancel',
    {
      config: write,
      schema: {
        tags,
        summary: 'Cancel a supply request',
        params: IdParams,
        body: objectOf({ note: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: Supply, ...errorResponses },
      },
    },
    (request) => closeSupplyRequest(deps, contextOf(request), request.params.id, 'cancelled', request.body.note),
  );
}

/** Community daily work (REQUIREMENTS §7, issue 16): door-to-door screening, the six ones, gatherings, supplies. */
function modeRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/community/mode',
    {
      config: read,
      schema: {
        tags,
        summary: 'The community’s prevention mode (keep infection out, or stop spread after its first case; SC-26, LVL-020)',
        querystring: objectOf({ jurisdictionId: Uuid }),
        response: { 200: CommunityModeView, ...errorResponses },
      },
    },
    (request) => communityModeView(deps, contextOf(request), request.query.jurisdictionId),
  );
}

export function communityRoutes(api: Api, deps: AppDeps) {
  modeRoutes(api, deps);
  screeningRoutes(api, deps);
  dutyRoutes(api, deps);
  ledgerRoutes(api, deps);
  communityReportRoutes(api, deps);
}
