import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

/** Fastify's own defaults, except removeAdditional: additional properties are refused, not silently dropped. */
const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, addUsedSchema: false };

/** Why a value cannot be stored or computed with as sent, or null: a NUL in text, a number that is not finite or not exact. */
function unholdable(value: unknown): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? 'must not contain U+0000' : null;
  if (typeof value !== 'number') return null;
  if (!Number.isFinite(value)) return 'must be a finite number';
  return Number.isInteger(value) && !Number.isSafeInteger(value) ? 'must be an exact integer (at most 2^53 - 1)' : null;
}

/** The first place in a parsed request part (`/members/0/name`) holding an unholdable value, and why. */
export function unholdablePath(value: unknown, path = ''): { path: string; message: string } | null {
  const message = unholdable(value);
  if (message) return { path, message };
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = unholdablePath(item, `${path}/${key}`);
    if (found) return found;
  }
  return null;
}

/**
 * The schema's check, then values PostgreSQL cannot take: text cannot hold U+0000, and a query
 * string's `Infinity` or `1e308` passes Ajv's coerced integer checks (even `maximum`) and ended as a
 * bigint error. Each was a 500 found by the route fuzzer (issue 12); now the field's invalid value.
 */
function holdable(validate: ValidateFunction) {
  const check = (data: unknown): boolean => {
    if (!validate(data)) {
      check.errors = validate.errors ?? null;
      return false;
    }
    const found = unholdablePath(data);
    check.errors = found ? [{ keyword: 'holdable', instancePath: found.path, schemaPath: '#', params: {}, message: found.message }] : null;
    return found === null;
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
    return holdable(known ?? ajv.compile(schema));
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
