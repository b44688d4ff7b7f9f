import type { paths } from './schema.d.ts';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Ok<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer B }
      ? JsonOf<B>
      : never
  : never;
type Item<T> = T extends { items: (infer I)[] } ? I : never;
type Element<T> = T extends (infer E)[] ? E : never;

/** Shapes the UI uses, named once from the generated OpenAPI types. */
export type Me = Ok<'/api/auth/me', 'get'>;
export type JurisdictionNode = Element<Ok<'/api/jurisdictions/roots', 'get'>>;
export type JurisdictionDetail = Ok<'/api/jurisdictions/{id}', 'get'>;
export type PlaceItem = Item<Ok<'/api/places', 'get'>>;
export type PersonListItem = Item<Ok<'/api/persons', 'get'>>;
export type PersonDetail = Ok<'/api/persons/{id}', 'get'>;
export type UserItem = Item<Ok<'/api/users', 'get'>>;
export type AuditItem = Item<Ok<'/api/audit', 'get'>>;
/** The progress every roster import answers with (key persons, mandatory-testing groups: the same shape). */
export type ImportJob = Ok<'/api/testing/group-imports/{id}', 'get'>;
export type TestingOverview = Ok<'/api/testing/overview', 'get'>;
/** What the campaign dashboard and the overview share: tubes, pending by lab, positives. */
export type TestingBoard = Pick<TestingOverview, 'tubes' | 'pendingByLab' | 'positives'>;
export type PoolMember = Ok<'/api/testing/tubes/{id}/members', 'get'>['members'][number];
export type DailyTestingReport = Ok<'/api/testing/reports/daily', 'get'>;
export type CaseDetail = Ok<'/api/cases/{id}', 'get'>;
export type TrajectoryPoint = Item<Ok<'/api/cases/{id}/trajectory', 'get'>>;
