import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

/** Fastify's own defaults, except removeAdditional: additional properties are refused, not silently dropped. */
const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, addUsedSchema: false };

/** Where in a parsed request part the first string holding U+0000 is (`/members/0/name`), or null. */
export function nulPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulPath(item, `${path}/${key}`);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The schema's check, then no NUL anywhere: PostgreSQL text cannot hold U+0000, so a NUL that got
 * through reached the database as a 500 (found by the route fuzzer, issue 12). Refused as the
 * field's invalid value, like any other schema violation.
 */
function withoutNul(validate: ValidateFunction) {
  const check = (data: unknown): boolean => {
    if (!validate(data)) {
      check.errors = validate.errors ?? null;
      return false;
    }
    const path = nulPath(data);
    const issue: ErrorObject = {
      keyword: 'nul',
      instancePath: path ?? '',
      schemaPath: '#',
      params: {},
      message: 'must not contain U+0000',
    };
    check.errors = path === null ? null : [issue];
    return path === null;
  };
  check.errors = null as ErrorObject[] | null;
  return check;
}

function validatorOf(options: Options) {
  const ajv = new Ajv({ ...common, ...options });
  addFormats.default(ajv);
  return (schema: FastifySchema) => {
    const id = (schema as { $id?: string }).$id;
    const known = id ? ajv.getSchema(id) : undefined;
    return withoutNul(known ?? ajv.compile(schema));
  };
}

/**
 * Query strings, path parameters and headers arrive as text, so they are coerced to the schema's
 * types ("2" → 2, one value → a list). A JSON body already has its types: it is checked as sent.
 * Coercing bodies turned a null into "" in the first branch of a nullable union (a daily check
 * with a temperature then read as "could not measure" too) and a number into a string.
 */
export function requestValidatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const coerced = validatorOf({ coerceTypes: 'array' });
  const asSent = validatorOf({ coerceTypes: false });
  return ({ schema, httpPart }) => (httpPart === 'body' ? asSent(schema) : coerced(schema));
}
