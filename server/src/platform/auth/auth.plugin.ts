import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/db.js';
import { AppError } from '../errors.js';
import { denyReason, unitOf, type Access, type Principal } from './roles.js';
import { resolveSession, SESSION_COOKIE } from './sessions.service.js';
import type { AuditActor } from '../audit/audit.service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. A route without it refuses to register. */
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Routes registered by third-party plugins (docs UI, the web app's static files) are public by nature. */
const pluginOwnedPrefixes = ['/api/docs'];

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A state change is refused when the browser says it comes from another site (Sec-Fetch-Site)
 * or its Origin is not this site: PUBLIC_URL's host when configured, else the request's host
 * (X-Forwarded-Host only under TRUST_PROXY). Clients that send neither header (curl, Open311
 * servers) carry no ambient browser credentials, so they pass.
 */
function isCrossSite(request: FastifyRequest, publicHost: string | undefined): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== (publicHost ?? request.host);
  } catch {
    return true;
  }
}

function authorize(access: Access, principal: Principal | null): void {
  const reason = denyReason(access, principal);
  if (reason === 'unauthenticated') throw new AppError('unauthenticated', 'This action needs a staff account');
  if (reason === 'forbidden') throw new AppError('forbidden', `Role ${principal?.role} may not do this`);
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

export const authPlugin = fp(
  async (app: FastifyInstance, options: { db: Db; registry: RegisteredRoute[]; publicUrl?: string | undefined }) => {
    const publicHost = options.publicUrl ? new URL(options.publicUrl).host : undefined;
    app.decorateRequest('principal', null);

    /**
     * Each route's access level is bound when it registers: a route-level onRequest hook (run after the
     * app-wide ones, so cookies are parsed) resolves the session only when a cookie is sent, and checks
     * the level without looking the route up again. A callback hook, not an async one: most requests
     * carry no session and need no await.
     */
    const guard = (access: Access): onRequestHookHandler => (request, _reply, done) => {
      try {
        const token = request.cookies[SESSION_COOKIE];
        if (unsafeMethods.has(request.method) && (token || request.url.startsWith('/api/v1/auth/')) && isCrossSite(request, publicHost)) {
          throw new AppError('cross_site', 'State-changing requests must come from this site');
        }
        if (!token) {
          authorize(access, request.principal);
          done();
          return;
        }
        resolveSession(options.db, token).then(
          (principal) => {
            request.principal = principal;
            try {
              authorize(access, principal);
              done();
            } catch (error) {
              done(error as Error);
            }
          },
          (error: Error) => done(error),
        );
      } catch (error) {
        done(error as Error);
      }
    };

    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      let access = route.config?.access;
      if (!access) {
        const isStaticFile = route.config !== undefined && 'rootPath' in route.config; // @fastify/static's file routes
        if (isStaticFile || pluginOwnedPrefixes.some((p) => route.url.startsWith(p))) access = 'public';
        else throw new Error(`Route ${methods.join(',')} ${route.url} declares no access level (config.access)`);
        route.config = { ...route.config, access };
      }
      for (const method of methods) {
        if (method !== 'HEAD') options.registry.push({ method, url: route.url, access });
      }
      const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
      route.onRequest = [guard(access), ...own];
    });
  },
  { name: 'openbeat-auth', dependencies: ['@fastify/cookie'] },
);

/** The signed-in principal of a route that requires one (its guard has already refused anyone else). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'sign in');
  return request.principal;
}

/** The audit actor for the signed-in principal. */
export function actorOf(request: FastifyRequest): AuditActor {
  const p = request.principal;
  if (!p) return { role: 'public', unit: 'public', userId: null };
  return { role: p.role, unit: unitOf(p.scope), userId: p.userId };
}
