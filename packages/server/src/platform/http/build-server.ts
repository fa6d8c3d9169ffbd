import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from '../deps';
import { registerAuth, type Authenticator } from './auth';
import { errorHandler } from './error-handler';
import { registerBodyTimeout } from './body-timeout';
import { documentStandardResponses } from './documented-responses';
import { registerMetrics } from './metrics';
import { registerSecurityHeaders } from './security-headers';
import { registerTextBoundary } from './text-boundary';
import { registerWebApp } from './web-app';

export interface ServerOptions {
  logLevel: string;
  bodyLimit: number;
  /** idle time after which a half-sent request body is answered 408 */
  bodyTimeoutMs: number;
  /** bearer token of /metrics; empty: metrics off */
  metricsToken: string;
  /** TRUST_PROXY: whose X-Forwarded-For gives request.ip */
  trustProxy: string;
  version: string;
  /** Validate every response against its schema (tests). */
  validateResponses: boolean;
  /** The built web console, served at / (see web-app.ts). */
  webDistDir: string;
}

/** TRUST_PROXY as fastify takes it: none, all, a number of hops, or addresses / CIDRs. */
export function trustProxyOption(v: string): boolean | string | ((address: string, hop: number) => boolean) {
  const s = v.trim();
  if (!s) return false;
  if (s === 'true') return true;
  if (/^\d+$/.test(s)) return (_address, hop) => hop < Number(s);
  return s.split(',').map((x) => x.trim()).filter(Boolean).join(',');
}

export type RouteModule = (app: FastifyInstance, deps: Deps) => void;

/** What the feature modules give the transport: their routes, and who resolves a request's credentials. */
export interface ServerModules {
  routes: RouteModule[];
  authenticate: Authenticator;
}

/** The HTTP transport: validation, auth, errors, OpenAPI, metrics, the web console; routes come from the feature modules. */
export async function buildServer(deps: Deps, opts: ServerOptions, modules: ServerModules): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logLevel === 'silent' ? false : { level: opts.logLevel },
    bodyLimit: opts.bodyLimit,
    logController: new LogController({ disableRequestLogging: opts.logLevel !== 'debug' && opts.logLevel !== 'trace' }),
    return503OnClosing: true,
    trustProxy: trustProxyOption(opts.trustProxy),
    routerOptions: { ignoreTrailingSlash: true },
    // errors found before routing (a path that is not valid UTF-8…) answer in the API's own shape
    frameworkErrors: (err, req, reply) => errorHandler(err, req, reply),
  });
  // the API speaks JSON (and multipart for uploads); a text body is refused with 415, not half-parsed
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  // Responses are checked against their schemas under test; in production they are only serialised
  // (the schemas still document them), which keeps zod off the hot path.
  app.setSerializerCompiler(opts.validateResponses ? serializerCompiler : () => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}` } }),
  );
  registerSecurityHeaders(app);
  registerBodyTimeout(app, opts.bodyTimeoutMs);
  registerTextBoundary(app);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Gongdan API', description: 'Gongdan (工单) ticket and field-service system', version: opts.version },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A session token from /api/v1/auth/login or an API key' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'gongdan_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' },
    // its own page policy (hashes of its inline parts, no inline script), and like every page: never framed
    staticCSP: true,
    transformStaticCSP: (header) => `${header}; frame-ancestors 'none'`,
  });

  // before any route is added: the onRoute hook documents every route's standard errors
  documentStandardResponses(app);
  registerAuth(app, deps, modules.authenticate);
  registerMetrics(app, opts.metricsToken);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.db.system((q) => q.query('SELECT 1'));
      return { status: 'ok', database: deps.db.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: deps.db.kind });
    }
  });

  for (const register of modules.routes) register(app, deps);
  await registerWebApp(app, opts.webDistDir);
  return app;
}
