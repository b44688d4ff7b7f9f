import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Page, PageQuery, pageWindow, Uuid } from '../../../http/schemas.ts';
import { Campaign, Community, DateTime, FollowUpBoard, Point, tags, Zone, ZoneBody } from '../testing.schemas.ts';
import { addPoint, campaignDetail, campaignSummary, closeCampaign, createCampaign, listCampaigns, setZone } from './campaign.service.ts';
import { campaignDashboard, campaignProgress, unsampled } from './progress.service.ts';

const HourMinute = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, Asia/Shanghai' });

export function campaignRoutes(api: Api, deps: AppDeps) {
  api.post(
    '/testing/campaigns',
    {
      config: { permission: 'testing.manage' },
      schema: {
        tags,
        summary: 'Open a mass-testing campaign over a jurisdiction, with its zones and pools checked against the protocol',
        body: Type.Object(
          {
            name: Type.String({ minLength: 2, maxLength: 100 }),
            jurisdictionId: Uuid,
            startsAt: DateTime,
            endsAt: Type.Optional(DateTime),
            defaultPoolSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
            zones: Type.Optional(Type.Array(ZoneBody, { maxItems: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Campaign, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(campaignSummary(await createCampaign(deps, contextOf(request), request.body))),
  );
  api.get(
    '/testing/campaigns',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Campaigns that meet my scope',
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: { 200: Page(Type.Composite([Campaign, Type.Object({ jurisdictionName: Type.String() })])), ...errorResponses },
      },
    },
    (request) => {
      const { limit, offset } = pageWindow(request.query);
      return listCampaigns(deps, contextOf(request), limit, offset);
    },
  );
  api.get(
    '/testing/campaigns/:id',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'A campaign with its zones and the collection points in my scope',
        params: IdParams,
        response: {
          200: Type.Composite([
            Campaign,
            Type.Object({
              zones: Type.Array(Zone),
              points: Type.Array(Point),
              controlZones: Type.Array(
                Type.Object({
                  zoneId: Type.String(),
                  name: Type.String(),
                  zoneType: Type.String(),
                  poolSize: Type.Integer(),
                  allowed: Type.Array(Type.Integer()),
                }),
              ),
            }),
          ]),
          ...errorResponses,
        },
      },
    },
    (request) => campaignDetail(deps, contextOf(request), request.params.id),
  );
  api.put(
    '/testing/campaigns/:id/zones',
    {
      config: { permission: 'testing.manage' },
      schema: {
        tags,
        summary: 'Set the zone type and pool of a jurisdiction inside the campaign (e.g. a community sealed mid-campaign)',
        params: IdParams,
        body: ZoneBody,
        response: { 200: Zone, ...errorResponses },
      },
    },
    (request) => setZone(deps, contextOf(request), request.params.id, request.body),
  );
  api.post(
    '/testing/campaigns/:id/collection-points',
    {
      config: { permission: 'testing.manage' },
      schema: {
        tags,
        summary: 'Add a collection point: opening hours, staff, residents expected, the lab its tubes go to',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.String({ minLength: 2, maxLength: 100 }),
            jurisdictionId: Uuid,
            address: Type.Optional(Type.String({ maxLength: 200 })),
            opensAt: HourMinute,
            closesAt: HourMinute,
            staff: Type.Integer({ minimum: 0, maximum: 1000 }),
            expectedResidents: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
            labName: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Point, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addPoint(deps, contextOf(request), request.params.id, request.body)),
  );
  api.post(
    '/testing/campaigns/:id/close',
    {
      config: { permission: 'testing.manage' },
      schema: {
        tags,
        summary: 'Close the campaign: no more samples; open tubes are closed with what they hold',
        params: IdParams,
        response: { 200: Type.Composite([Campaign, Type.Object({ tubesClosed: Type.Integer() })]), ...errorResponses },
      },
    },
    (request) => closeCampaign(deps, contextOf(request), request.params.id),
  );
  progressRoutes(api, deps);
}

function progressRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/testing/campaigns/:id/progress',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Live progress per community: sampled of expected residents',
        params: IdParams,
        response: {
          200: Type.Object({ campaign: Campaign, expected: Type.Integer(), sampled: Type.Integer(), communities: Type.Array(Community) }),
          ...errorResponses,
        },
      },
    },
    (request) => campaignProgress(deps, contextOf(request), request.params.id),
  );
  api.get(
    '/testing/campaigns/:id/unsampled',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Residents not yet sampled, for door-to-door follow-up',
        params: IdParams,
        querystring: Type.Object({ jurisdictionId: Type.Optional(Uuid), ...PageQuery }, { additionalProperties: false }),
        response: {
          200: Page(
            Type.Object({
              personId: Uuid,
              name: Type.String(),
              idMasked: Type.String(),
              phoneMasked: Nullable(Type.String()),
              addressMasked: Nullable(Type.String()),
              door: Nullable(Type.String()),
              householdId: Nullable(Uuid),
              jurisdictionName: Type.String(),
              jurisdictionLabel: Type.String(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    (request) => unsampled(deps, contextOf(request), request.params.id, { ...request.query, ...pageWindow(request.query) }),
  );
  api.get(
    '/testing/campaigns/:id/dashboard',
    {
      config: { permission: 'testing.read' },
      schema: {
        tags,
        summary: 'Progress per community, tubes in transit, results pending by lab, positives and their follow-up',
        params: IdParams,
        response: {
          200: Type.Object({
            campaign: Campaign,
            expected: Type.Integer(),
            sampled: Type.Integer(),
            communities: Type.Array(Community),
            ...FollowUpBoard.properties,
          }),
          ...errorResponses,
        },
      },
    },
    (request) => campaignDashboard(deps, contextOf(request), request.params.id),
  );
}
