import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppDeps } from './app-deps.ts';
import { installAuthHook, requireDeclaredPermissions } from './auth/auth.hook.ts';
import { installOverloadGuard } from './codes/overload-guard.ts';
import { installBodyLimitGuard } from './http/body-limit.ts';
import { sendError } from './http/error-handler.ts';
import { registerHealth } from './http/health.ts';
import { requestValidatorCompiler } from './http/validators.ts';
import { registerModules } from './modules/index.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: string;
}

export type App = FastifyInstance & { registeredRoutes: RegisteredRoute[] };

function fastifyOptions(deps: AppDeps, logger: FastifyServerOptions['logger']): FastifyServerOptions {
  return {
    logger,
    bodyLimit: deps.config.bodyLimitBytes,
    // A client's x-request-id is kept only when it is a plain token: it lands in logs and the audit table.
    requestIdHeader: false,
    genReqId: (request) => requestIdOf(request.headers['x-request-id']),
    trustProxy: deps.config.trustProxyHops > 0 ? (_address: string, hop: number) => hop < deps.config.trustProxyHops : false,
    // Start-up compiles a few hundred route schemas; on a loaded two-core machine the default 10 s per
    // plugin has run out (swagger-ui, seen in test runs), which fails the start for nothing.
    pluginTimeout: 60_000,
  };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** The caller's request id when it is a plain token of 8–64 characters, else a fresh UUID. */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Security headers (issue 12 defect 8, OWASP ASVS V14.4): a CSP that allows only our own scripts (antd's
 * CSS-in-JS needs inline styles), no framing, HSTS (ignored by browsers over plain HTTP), no sniffing.
 */
async function registerSecurityHeaders(app: FastifyInstance) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    crossOriginEmbedderPolicy: false,
  });
}

async function registerDocs(app: FastifyInstance) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'fangkong API', version: '0.1.0', description: '防控指挥平台 API' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fk_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
}

async function registerWeb(app: FastifyInstance, webDistDir: string) {
  const hasWeb = existsSync(webDistDir);
  if (hasWeb) await app.register(fastifyStatic, { root: webDistDir, wildcard: false });
  // Without a built UI too, an unknown route answers in the API's error shape.
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({ code: 'notFound', message: 'No such route', field: 'url', requestId: request.id });
  });
}

/** Builds the whole HTTP application; `listen` is the caller's business (main.ts, tests, benchmarks). */
export async function buildApp(deps: AppDeps, logger: FastifyServerOptions['logger'] = false): Promise<App> {
  const app = Fastify(fastifyOptions(deps, logger)).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;
  app.registeredRoutes = [];
  app.setValidatorCompiler(requestValidatorCompiler());
  // First of all hooks: under overload a request costs a counter check and a 429 with Retry-After.
  installOverloadGuard(app, {
    maxInFlight: deps.config.overloadMaxInFlight,
    maxEventLoopDelayMs: deps.config.overloadMaxDelayMs,
    maxUtilization: deps.config.overloadMaxUtilization,
  });
  installBodyLimitGuard(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler<FastifyError>((error, request, reply) => sendError(request, reply, error));
  requireDeclaredPermissions(app, app.registeredRoutes);
  await app.register(fastifyCookie);
  await registerSecurityHeaders(app);
  await registerDocs(app);
  installAuthHook(app, deps);
  registerHealth(app, deps.database);
  await app.register(async (api) => registerModules(api, deps), { prefix: '/api' });
  await registerWeb(app, deps.config.webDistDir);
  return app;
}
