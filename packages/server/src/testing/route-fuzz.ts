import fc from 'fast-check';

/**
 * Issue 12 (fault and abuse tests): hostile requests for every operation of the OpenAPI document,
 * built with fast-check. A request starts valid-shaped (from the operation's own schemas, with ids
 * of real rows) and is then bent: wrong types, empty and huge strings, unicode, NUL, SQL and HTML
 * fragments, negative and huge numbers, missing and extra fields, arrays where objects belong, and
 * path ids that are random, malformed or another jurisdiction's. `route-fuzz-runner.ts` sends them.
 */

/** The subset of JSON Schema (as @fastify/swagger writes TypeBox schemas) that the fuzzer reads. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  nullable?: boolean;
}

interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** One operation to fuzz: `route` is spelt as Fastify registers it (`POST /api/persons/:id`). */
export interface FuzzTarget {
  route: string;
  method: string;
  /** The OpenAPI path template (`/api/persons/{id}`). */
  template: string;
  pathParams: { name: string; schema: JsonSchema }[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | null;
}

/** Ids of real rows: the caller's own jurisdiction, another one, and rows without a jurisdiction. */
export interface FuzzIds {
  own: string[];
  other: string[];
  unscoped: string[];
}

export interface FuzzRequest {
  method: string;
  url: string;
  /** `undefined`: no body. A `RawBody` is sent as it is with its content type. */
  payload?: unknown;
  raw?: RawBody;
}

export interface RawBody {
  contentType: string;
  text: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document, with its path parameters, query parameters and JSON body schema. */
export function fuzzTargets(document: OpenApiDocument): FuzzTarget[] {
  const targets: FuzzTarget[] = [];
  for (const [template, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!METHODS.includes(method)) continue;
      const parameters = operation.parameters ?? [];
      targets.push({
        route: `${method.toUpperCase()} ${template.replace(/\{([^}]+)\}/g, ':$1')}`,
        method: method.toUpperCase(),
        template,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} })),
        body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return targets.sort((a, b) => a.route.localeCompare(b.route));
}

const HUGE = 100_000;
/** Strings a careless handler or database chokes on. */
const NASTY_STRINGS = [
  '',
  ' ',
  'a',
  'x'.repeat(10_000),
  '好'.repeat(HUGE),
  '\u0000',
  'a\u0000b',
  '\ud800',
  '😷👨‍👩‍👧‍👦🏳️‍🌈',
  '𠮷野家',
  '\u202eevil',
  "' OR 1=1 --",
  "'; drop table person; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../etc/passwd',
  '%00%2e%2e%2f',
  '$' + '{jndi:ldap://x}',
  '{{7*7}}',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '1e308',
  '2020-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  '2020-03-01T25:61:00+08:00',
  '1969-12-31T23:59:59.999Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '11010519491231002X',
  '13800138000',
];
const NASTY_NUMBERS = [-1, 0, -0, 0.5, -2147483649, 2147483648, 2 ** 53, -(2 ** 53), 2 ** 53 + 2, 1e308, -1e308, 5e-324];

/** A value of any shape that an operation does not expect. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<unknown>(...NASTY_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom<unknown>(...NASTY_NUMBERS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [1, 'a', null], { a: { b: { c: [] } } }) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

function types(schema: JsonSchema): string[] {
  return schema.type === undefined ? [] : [schema.type].flat();
}

/** A plausible, usually valid value for a schema: real ids for uuids, dates for dates, values inside the bounds. */
export function validValue(schema: JsonSchema, ids: FuzzIds): fc.Arbitrary<unknown> {
  const value = plainValue(schema, ids);
  return schema.nullable ? fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : value;
}

function plainValue(schema: JsonSchema, ids: FuzzIds): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && branches.length > 0) return fc.oneof(...branches.map((b) => validValue(b, ids)));
  if (schema.allOf?.[0]) return validValue(schema.allOf[0], ids);
  const type = types(schema).find((t) => t !== 'null');
  switch (type) {
    case 'string':
      return stringValue(schema, ids);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -(2 ** 31)), max: Math.min(schema.maximum ?? 1000, 2 ** 31) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = schema.minItems ?? 0;
      return fc.array(validValue(schema.items ?? {}, ids), {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)),
      });
    }
    case 'object':
      return objectValue(schema, ids);
    case undefined:
      return types(schema).includes('null') ? fc.constant(null) : fc.jsonValue({ maxDepth: 1 });
    default:
      return fc.constant(null);
  }
}

function objectValue(schema: JsonSchema, ids: FuzzIds): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) model[key] = validValue(property, ids);
  const requiredKeys = (schema.required ?? []).filter((key) => key in properties);
  return fc.record(model, { requiredKeys });
}

const DATE = /^\^?\\d\{4\}-\\d\{2\}-\\d\{2\}\$?$/;

function stringValue(schema: JsonSchema, ids: FuzzIds): fc.Arbitrary<unknown> {
  if (schema.format === 'uuid') return idValue(ids);
  if (schema.format === 'date-time') {
    return fc.constantFrom('2020-03-01T10:00:00+08:00', '2020-02-20T00:00:00Z', new Date().toISOString(), '2022-12-31T23:59:59+08:00');
  }
  if (schema.format === 'date' || (schema.pattern && DATE.test(schema.pattern))) {
    return fc.constantFrom('2020-03-01', '2020-02-15', '2022-11-30', new Date().toISOString().slice(0, 10));
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, 24));
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    return fc.stringMatching(pattern).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Number.MAX_SAFE_INTEGER));
  }
  return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ unit: 'grapheme', minLength, maxLength }));
}

/** An id of a real row (own or another jurisdiction's, or unscoped) or a uuid of nothing. */
export function idValue(ids: FuzzIds): fc.Arbitrary<string> {
  const pools = [ids.own, ids.other, ids.unscoped].filter((pool) => pool.length > 0).map((pool) => fc.constantFrom(...pool));
  return fc.oneof({ weight: 1, arbitrary: fc.uuid() }, ...pools.map((arbitrary) => ({ weight: 2, arbitrary })));
}

/** A value for `schema` bent in one place: the whole value, one field (at any depth), a missing or an extra field. */
export function hostileFor(schema: JsonSchema, ids: FuzzIds, depth = 0): fc.Arbitrary<unknown> {
  const variants: fc.WeightedArbitrary<unknown>[] = [{ weight: 2, arbitrary: hostileValue() }];
  if (types(schema).includes('object') && schema.properties && depth < 3) {
    variants.push({ weight: 6, arbitrary: objectMutation(schema, ids, depth) });
  }
  if (types(schema).includes('array') && depth < 3) {
    const item = schema.items ?? {};
    variants.push({ weight: 2, arbitrary: fc.array(hostileFor(item, ids, depth + 1), { minLength: 1, maxLength: 3 }) });
    variants.push({ weight: 1, arbitrary: validValue(item, ids).map((v) => Array.from({ length: 2_000 }, () => v)) });
    variants.push({ weight: 1, arbitrary: objectValue({ type: 'object', properties: { 0: item } }, ids) });
  }
  return fc.oneof(...variants);
}

function objectMutation(schema: JsonSchema, ids: FuzzIds, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  const required = (schema.required ?? []).filter((key) => key in properties);
  const base = objectValue(schema, ids);
  const extraKeys = fc.constantFrom('extra', 'isAdmin', 'jurisdictionPath', 'id', 'createdAt', 'constructor');
  const mutations: fc.WeightedArbitrary<unknown>[] = [
    { weight: 1, arbitrary: fc.tuple(base, extraKeys, hostileValue()).map(([value, key, bad]) => ({ ...value, [key]: bad })) },
    { weight: 1, arbitrary: base.map((value) => [value]) },
  ];
  if (keys.length > 0) {
    // One field bent: where handlers trust their input most, so the likeliest variant.
    const bent = fc
      .tuple(base, fc.constantFrom(...keys))
      .chain(([value, key]) => hostileFor(properties[key] ?? {}, ids, depth + 1).map((bad) => ({ ...value, [key]: bad })));
    mutations.push({ weight: 4, arbitrary: bent });
  }
  if (required.length > 0) {
    const missing = fc.tuple(base, fc.constantFrom(...required)).map(([value, key]) => {
      const { [key]: _dropped, ...rest } = value;
      return rest;
    });
    mutations.push({ weight: 1, arbitrary: missing });
  }
  return fc.oneof(...mutations);
}

/** Bodies that are not the JSON they claim to be, or not JSON at all. */
const RAW_BODIES: RawBody[] = [
  { contentType: 'application/json', text: '{' },
  { contentType: 'application/json', text: '{"a":1,}' },
  { contentType: 'application/json', text: '{"__proto__":{"isAdmin":true}}' },
  { contentType: 'application/json', text: '{"constructor":{"prototype":{"isAdmin":true}}}' },
  { contentType: 'application/json', text: '' },
  { contentType: 'application/json', text: '\u0000' },
  { contentType: 'application/json; charset=latin1', text: '{}' },
  { contentType: 'text/plain', text: 'hello' },
  { contentType: 'text/csv', text: 'a,b\n1,2' },
  { contentType: 'application/x-www-form-urlencoded', text: 'a=1&b=2' },
  { contentType: 'application/xml', text: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' },
];

/** Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD instead of throwing as in `encodeURIComponent`). */
function pathSegment(text: string): string {
  return [...Buffer.from(text)]
    .map((byte) => (/[\w.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0')}`))
    .join('');
}

function pathValue(schema: JsonSchema, ids: FuzzIds): fc.Arbitrary<string> {
  const valid = schema.format === 'uuid' ? idValue(ids) : validValue(schema, ids).map(String);
  const hostile = hostileValue().map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostile }).map(pathSegment);
}

function queryText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

function queryString(target: FuzzTarget, ids: FuzzIds): fc.Arbitrary<string> {
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const parameter of target.query) {
    model[parameter.name] = fc
      .oneof({ weight: 3, arbitrary: validValue(parameter.schema, ids) }, { weight: 1, arbitrary: hostileValue() })
      .map(queryText);
  }
  const extra = fc.option(fc.tuple(fc.constantFrom('extra', 'jurisdictionPath', '__proto__', 'page[]'), hostileValue()), { freq: 5 });
  return fc.tuple(fc.record(model, { requiredKeys: [] }), extra).map(([values, more]) => {
    const search = new URLSearchParams(values as Record<string, string>);
    if (more) search.append(more[0], queryText(more[1]));
    const text = search.toString();
    return text ? `?${text}` : '';
  });
}

function bodyOf(target: FuzzTarget, ids: FuzzIds): fc.Arbitrary<Pick<FuzzRequest, 'payload' | 'raw'>> {
  const raw = fc.constantFrom(...RAW_BODIES).map((body) => ({ raw: body }));
  if (target.method === 'GET' || target.method === 'DELETE') return fc.constant({});
  if (!target.body) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: hostileValue().map((payload) => ({ payload })) },
      { weight: 1, arbitrary: raw },
    );
  }
  return fc.oneof(
    { weight: 2, arbitrary: validValue(target.body, ids).map((payload) => ({ payload })) },
    { weight: 7, arbitrary: hostileFor(target.body, ids).map((payload) => ({ payload })) },
    { weight: 1, arbitrary: raw },
  );
}

/** Hostile requests for one operation. */
export function fuzzRequest(target: FuzzTarget, ids: FuzzIds): fc.Arbitrary<FuzzRequest> {
  const params: Record<string, fc.Arbitrary<string>> = {};
  for (const parameter of target.pathParams) params[parameter.name] = pathValue(parameter.schema, ids);
  return fc.tuple(fc.record(params), queryString(target, ids), bodyOf(target, ids)).map(([values, query, body]) => ({
    method: target.method,
    url: target.template.replace(/\{([^}]+)\}/g, (_match, name: string) => values[name] ?? '') + query,
    ...body,
  }));
}
