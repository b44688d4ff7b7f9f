import type { paths } from './schema.d.ts';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Reply<P extends keyof paths, M extends 'get' | 'post' | 'patch', S extends number> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends Record<S, infer A>
    ? JsonOf<A>
    : never
  : never;
type Item<T> = T extends { items: (infer I)[] } ? I : never;
type Element<T> = T extends (infer E)[] ? E : never;

/** Key-person shapes the UI uses, named once from the generated OpenAPI types (issue #4). */
export type EpisodeListItem = Item<Reply<'/api/key-persons/episodes', 'get', 200>>;
export type EpisodeDetail = Reply<'/api/key-persons/episodes/{id}', 'get', 200>;
export type ReleaseState = Reply<'/api/key-persons/episodes/{id}/release', 'get', 200>;
export type Reason = Element<ReleaseState['because']>;
export type WorkList = Reply<'/api/key-persons/work-list', 'get', 200>;
export type WorkItem = Element<WorkList['testsDue']>;
export type Timeline = Reply<'/api/key-persons/persons/{id}/timeline', 'get', 200>;
export type AssignableUser = Element<Reply<'/api/key-persons/assignable-users', 'get', 200>>;
export type ImportProgress = Reply<'/api/key-persons/imports/{id}', 'get', 200>;
export type TransferItem = Element<Reply<'/api/key-persons/transfers', 'get', 200>>;
export type SiteItem = Element<Reply<'/api/quarantine-sites', 'get', 200>>;
export type SiteDetail = Reply<'/api/quarantine-sites/{id}', 'get', 200>;
export type AlertItem = Item<Reply<'/api/alerts', 'get', 200>>;
export type AssistRequestItem = Item<Reply<'/api/assist-requests', 'get', 200>>;
export type AssistRouting = Reply<'/api/assist-requests', 'post', 201>;

/** The stored plan of an episode (core EpisodePlan), which the API types loosely. */
export interface PlanPhase {
  type: string;
  from: string;
  to: string | null;
}

export interface Plan {
  edition: string;
  profile?: string | null;
  category: string;
  phases: PlanPhase[];
  tests: { date: string; kind: string }[];
  monitoring?: { checksPerDay: number; feverThresholdCelsius: number };
  releaseDate: string | null;
  managementEndDate: string | null;
  followUps: { date: string; kind: string }[];
  because: Reason[];
}

export interface ScheduleItem {
  id: string;
  kind: string;
  testKind: string | null;
  dueDate: string;
  status: string;
  sampledAt: string | null;
  result: string | null;
}

export interface Observation {
  id: string;
  observedAt: string;
  temperature: number | null;
  symptoms: string[];
}

export interface EpisodeTask {
  id: string;
  kind: string;
  status: string;
  createdAt: string;
}

export interface TimelineEvent {
  id: string;
  episodeId: string;
  at: string;
  kind: string;
  details: Record<string, unknown>;
  actorUserId: string | null;
}

export interface ProtocolEdition {
  id: string;
  name: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  categories: string[];
  profiles: { id: string; name: string; jurisdictionCode: string }[];
}

/** Loose JSON from the API (plan, schedule rows, events) read as the shapes above. */
export function asShape<T>(value: unknown): T {
  return value as T;
}
