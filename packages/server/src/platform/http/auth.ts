import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps';
import { AppError } from '../errors';

export const SESSION_COOKIE = 'gongdan_session';

/**
 * Who a request acts as. The platform only needs to know whether there is one; the identity module,
 * which makes them, gives the interface its members by declaration merging (modules/identity/actor.ts),
 * so routes read the full actor without the platform importing a module.
 */
export interface RequestActor {}

/** The port through which the identity module resolves a session token or API key (null: none valid). */
export type Authenticator = (deps: Deps, token: string) => Promise<RequestActor | null>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: RequestActor | null;
    authToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes are authenticated unless marked public. */
    public?: boolean;
    /** Also accept the token as ?token= (WebSocket clients that cannot set a header); never logged elsewhere. */
    tokenInQuery?: boolean;
  }
}

/** The host of an Origin header, or null for one that is not a URL ("null", garbage): never equal to ours. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function tokenOf(req: FastifyRequest): { token: string; viaCookie: boolean } | null {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return { token: h.slice(7).trim(), viaCookie: false };
  const c = req.cookies?.[SESSION_COOKIE];
  if (c) return { token: c, viaCookie: true };
  const q = req.routeOptions.config?.tokenInQuery ? (req.query as { token?: unknown } | undefined)?.token : undefined;
  return typeof q === 'string' && q ? { token: q, viaCookie: false } : null;
}

/** Resolves the actor of every request; routes not marked public answer 401 without one. */
export function registerAuth(app: FastifyInstance, deps: Deps, authenticate: Authenticator) {
  app.decorateRequest('actor', null);
  app.decorateRequest('authToken', null);
  app.addHook('preHandler', async (req) => {
    const t = tokenOf(req);
    if (t) {
      req.actor = await authenticate(deps, t.token);
      req.authToken = req.actor ? t.token : null;
      // browsers: a cookie-authenticated change, or WebSocket (which browsers open cross-site with
      // cookies), must come from our own origin (defence in depth with SameSite)
      const upgrade = req.headers.upgrade?.toLowerCase() === 'websocket';
      if (req.actor && t.viaCookie && (upgrade || !['GET', 'HEAD', 'OPTIONS'].includes(req.method))) {
        const origin = req.headers.origin;
        if (origin && hostOf(origin) !== req.headers.host) throw new AppError('FORBIDDEN', 'Cross-site request refused');
      }
    }
    if (!req.actor && !req.routeOptions.config?.public && req.url.startsWith('/api/v1/'))
      throw new AppError('UNAUTHENTICATED', 'Sign in or send an API key as "Authorization: Bearer …"');
  });
}

export function actorOf(req: FastifyRequest): RequestActor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API key as "Authorization: Bearer …"');
  return req.actor;
}
