import { ID_TYPES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../app-deps.ts';
import { contextOf } from '../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Page, PageQuery, pageWindow, Uuid } from '../../http/schemas.ts';
import { changePerson, listPersons, registerPerson, viewPerson } from './person.service.ts';

const PersonListItem = Type.Object({
  id: Uuid,
  name: Type.String(),
  gender: Type.Union([Type.String(), Type.Null()]),
  birthDate: Type.Union([Type.String(), Type.Null()]),
  idType: Type.String(),
  idMasked: Type.String(),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  addressMasked: Type.Union([Type.String(), Type.Null()]),
  householdId: Type.Union([Uuid, Type.Null()]),
  jurisdictionId: Uuid,
  jurisdictionName: Type.String(),
});

const HouseholdMember = Type.Object({
  id: Uuid,
  name: Type.String(),
  householdRole: Type.Union([Type.String(), Type.Null()]),
  idMasked: Type.String(),
});

const PersonDetail = Type.Object({
  id: Uuid,
  name: Type.String(),
  gender: Type.Union([Type.String(), Type.Null()]),
  birthDate: Type.Union([Type.String(), Type.Null()]),
  idType: Type.String(),
  idNumber: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  fullValues: Type.Boolean({ description: 'true when the values are unmasked for this caller' }),
  jurisdictionId: Uuid,
  jurisdictionName: Type.String(),
  householdId: Type.Union([Uuid, Type.Null()]),
  householdName: Type.Union([Type.String(), Type.Null()]),
  householdRole: Type.Union([Type.String(), Type.Null()]),
  householdMembers: Type.Array(HouseholdMember),
});

const NewPerson = Type.Object(
  {
    idType: Type.Union(ID_TYPES.map((t) => Type.Literal(t))),
    idNumber: Type.String({ minLength: 1, maxLength: 40 }),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    gender: Type.Optional(Type.Union([Type.Literal('male'), Type.Literal('female')])),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    jurisdictionId: Uuid,
    householdId: Type.Optional(Uuid),
    householdRole: Type.Optional(Type.String({ maxLength: 20 })),
    reason: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const PersonChanges = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    reason: Type.String({ minLength: 2, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const tags = ['persons'];

export function personRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/persons',
    {
      config: { permission: 'person.read' },
      schema: {
        tags,
        summary: 'Search people (masked): by ID number, mobile phone or name prefix',
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ maxLength: 40 })), jurisdictionId: Type.Optional(Uuid), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Page(PersonListItem), ...errorResponses },
      },
    },
    (request) => listPersons(deps, contextOf(request), { ...request.query, ...pageWindow(request.query) }),
  );
  api.get(
    '/persons/:id',
    {
      config: { permission: 'person.read' },
      schema: {
        tags,
        summary: 'One person with full values where allowed; every view is audited',
        params: IdParams,
        querystring: Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
        response: { 200: PersonDetail, ...errorResponses },
      },
    },
    (request) => viewPerson(deps, contextOf(request), request.params.id, request.query.purpose),
  );
  api.post(
    '/persons',
    {
      config: { permission: 'person.write' },
      schema: { tags, summary: 'Register a person', body: NewPerson, response: { 201: Type.Object({ id: Uuid }), ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await registerPerson(deps, contextOf(request), request.body)),
  );
  api.patch(
    '/persons/:id',
    {
      config: { permission: 'person.write' },
      schema: {
        tags,
        summary: 'Change name, phone or address (with a reason)',
        params: IdParams,
        body: PersonChanges,
        response: { 200: Type.Object({ id: Uuid }), ...errorResponses },
      },
    },
    (request) => changePerson(deps, contextOf(request), request.params.id, request.body),
  );
}
