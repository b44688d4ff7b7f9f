import { AppError, type ErrorKind } from '@fangkong/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/database-unavailable.ts';
import { bodyTooLarge } from './body-limit.ts';
import { languageOf, messageFor } from './messages.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  locked: 423,
  tooMany: 429,
};

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  requestId: string;
  details?: unknown;
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Turns an AJV issue into the field it is about and our error code. */
function fromValidation(issue: ValidationIssue, context: string | undefined): AppError {
  const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const join = (name: unknown) => [base, String(name)].filter(Boolean).join('.');
  if (issue.keyword === 'required') return new AppError('invalid', 'required', join(issue.params.missingProperty));
  if (issue.keyword === 'additionalProperties') {
    return new AppError('invalid', 'unknownField', join(issue.params.additionalProperty));
  }
  return new AppError('invalid', 'invalidValue', base || context || 'body', { detail: issue.message ?? issue.keyword });
}

function toAppError(error: FastifyError | AppError): AppError | null {
  if (error instanceof AppError) return error;
  const validation = (error as FastifyError).validation as ValidationIssue[] | undefined;
  if (validation?.[0]) return fromValidation(validation[0], (error as FastifyError).validationContext);
  switch ((error as FastifyError).code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid', 'malformedJson', 'body');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return Object.assign(new AppError('invalid', 'unsupportedMediaType', 'content-type'), { status: 415 });
    default: {
      const status = (error as FastifyError).statusCode;
      if (status === 429) return new AppError('tooMany', 'tooManyRequests');
      return null;
    }
  }
}

/** Seconds a client is asked to wait before retrying while the database is unavailable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** 503 with Retry-After: the database went away (restart, crash, network); the request may be sent again. */
export function sendDatabaseUnavailable(request: FastifyRequest, reply: FastifyReply, error: Error) {
  const language = languageOf(request.headers['accept-language']);
  request.log.warn({ err: error }, 'database unavailable');
  const body: ErrorBody = {
    code: 'databaseUnavailable',
    message: messageFor('databaseUnavailable', language, { requestId: request.id }),
    requestId: request.id,
  };
  return reply.status(503).header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS)).send(body);
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: FastifyError | AppError): FastifyReply {
  if (!(error instanceof AppError) && isDatabaseUnavailable(error)) return sendDatabaseUnavailable(request, reply, error);
  const language = languageOf(request.headers['accept-language']);
  const appError = (error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? bodyTooLarge(request) : toAppError(error);
  if (!appError) {
    request.log.error({ err: error }, 'unhandled error');
    const body: ErrorBody = {
      code: 'internal',
      message: messageFor('internal', language, { requestId: request.id }),
      requestId: request.id,
    };
    return reply.status(500).send(body);
  }
  const status = (appError as AppError & { status?: number }).status ?? STATUS[appError.kind];
  const body: ErrorBody = {
    code: appError.code,
    message: messageFor(appError.code, language, appError.params),
    requestId: request.id,
    ...(appError.field ? { field: appError.field } : {}),
    ...(appError.details === undefined ? {} : { details: appError.details }),
  };
  if (status === 429) reply.header('retry-after', String(appError.params.retryAfter ?? 60));
  return reply.status(status).send(body);
}
