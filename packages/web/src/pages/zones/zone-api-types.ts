import type { paths } from '../../api/schema.d.ts';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Reply<P extends keyof paths, M extends 'get' | 'post', S extends number> = paths[P][M] extends { responses: infer R }
  ? R extends Record<S, infer A>
    ? JsonOf<A>
    : never
  : never;
type Element<T> = T extends (infer E)[] ? E : never;

/** Risk-area and control-zone shapes the UI uses, named once from the generated OpenAPI types (issue 14). */
export type Assessment = Reply<'/api/risk-areas/assessment', 'get', 200>;
export type AssessmentItem = Element<Assessment['items']>;
export type RiskArea = NonNullable<AssessmentItem['published']>;
export type ZoneReason = Element<AssessmentItem['computed']['because']>;
export type Zone = Element<Reply<'/api/control-zones', 'get', 200>['items']>;
export type ZoneDetail = Reply<'/api/control-zones/{id}', 'get', 200>;
export type ZoneMapData = Reply<'/api/zone-map', 'get', 200>;
export type Suggestion = Reply<'/api/control-zones/suggestion', 'get', 200>;

export const RISK_COLOURS: Record<string, string> = { low: '#52c41a', medium: '#faad14', high: '#f5222d' };
export const ZONE_COLOURS: Record<string, string> = { sealed_zone: '#cf1322', controlled_zone: '#d46b08', precaution_zone: '#1677ff' };
export const RISK_TAG: Record<string, string> = { low: 'green', medium: 'orange', high: 'red' };
export const ZONE_TAG: Record<string, string> = { sealed_zone: 'red', controlled_zone: 'orange', precaution_zone: 'blue' };
