import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

/** Fastify's own defaults, except removeAdditional: additional properties are refused, not silently dropped. */
const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, addUsedSchema: false };

function validatorOf(options: Options) {
  const ajv = new Ajv({ ...common, ...options });
  addFormats.default(ajv);
  return (schema: FastifySchema) => {
    const id = (schema as { $id?: string }).$id;
    const known = id ? ajv.getSchema(id) : undefined;
    return known ?? ajv.compile(schema);
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
