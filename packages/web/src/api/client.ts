import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.d.ts';

/**
 * What the server answers on any 4xx/5xx: `{ code, message, field?, requestId, details? }` (message already in the UI
 * language; `details` carries a refusal's reasons, e.g. a release refused with what is missing and why).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | undefined,
    readonly requestId: string | undefined,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let language = 'zh-CN';
let onUnauthenticated: () => void = () => {};

/** From the login reply or /api/auth/me; sent as `x-csrf-token` on every unsafe request. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function setApiLanguage(next: string) {
  language = next;
}

/** Called when a signed-in request answers 401 (session expired or ended elsewhere). */
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

const session: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', language);
    if (csrfToken && UNSAFE.has(request.method)) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ response, schemaPath }) {
    if (response.status === 401 && schemaPath !== '/api/auth/login' && schemaPath !== '/api/auth/me') onUnauthenticated();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(session);

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  field?: unknown;
  requestId?: unknown;
  details?: unknown;
}

function toApiError(response: Response, error: unknown): ApiError {
  const body: ErrorBody = typeof error === 'object' && error !== null ? error : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return new ApiError(
    response.status,
    text(body.code) ?? 'http',
    text(body.message) ?? `HTTP ${response.status}`,
    text(body.field),
    text(body.requestId),
    body.details,
  );
}

type Outcome = { data?: unknown; error?: unknown; response: Response };

/** Awaits an openapi-fetch call: the data, or an ApiError carrying the server's code, message and field. */
export async function unwrap<R extends Outcome>(call: Promise<R>): Promise<NonNullable<R['data']>> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response, error);
  return data as NonNullable<R['data']>;
}
