import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  createJsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { configureOversightCache, oversightRoutes } from './oversight/index.js';
import { configurePerformanceCache, performanceRoutes } from './performance/index.js';
import { PhotoStore } from './platform/images/photos.js';
import { configurePrecinctsCache, precinctsRoutes } from './precincts/index.js';
import { appealsRoutes, configureAppealNotices, open311Routes } from './appeals/index.js';
import { towingRoutes } from './towing/index.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { authPlugin, type RegisteredRoute } from './platform/auth/auth.plugin.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { userRoutes } from './platform/auth/users.routes.js';
import type { AppConfig } from './platform/config.js';
import { migrationsApplied, type Database } from './platform/db/db.js';
import { frameworkErrorHandler, installErrorHandler, problem, sendProblem } from './platform/errors.js';
import { calendarRoutes } from './platform/calendar/calendar.routes.js';
import { taskRoutes } from './platform/tasks/tasks.routes.js';
import { configureCalendarCache } from './platform/calendar/calendar.service.js';
import { geographyRoutes } from './platform/geography/geography.routes.js';
import { configurePublicMap, crimeRoutes } from './crime/index.js';
import { patrolRoutes } from './patrol/index.js';
import { installMetrics } from './platform/http/metrics.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeRegistry: RegisteredRoute[];
  }
}

export const webDistDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface BuildAppOptions {
  config: AppConfig;
  database: Database;
  /** Serve the built web app (off in API-only tests). */
  serveWeb?: boolean;
  logger?: boolean | object;
}

/** Builds the whole Fastify app from configuration; used by `serve`, tests and benchmarks. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const { db } = database;
  const app = Fastify({
    logger: options.logger ?? { level: config.LOG_LEVEL },
    // Client addresses (rate limits) come from X-Forwarded-For only behind a configured proxy.
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkErrorHandler,
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.decorate('routeRegistry', [] as RegisteredRoute[]);
  installSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(config.MAP_TILE_URL ? [new URL(config.MAP_TILE_URL).origin] : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'openbeat API',
        description: 'Public-safety transparency and accountability platform. Errors are application/problem+json (RFC 9457).',
        version: '1.0.0',
      },
    },
    transform: createJsonSchemaTransform({ skipList: ['/api/docs', '/api/docs/*'] }),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(authPlugin, { db, registry: app.routeRegistry, publicUrl: config.PUBLIC_URL });
  const metrics = installMetrics(app);

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], summary: 'Liveness once migrations have run', response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('starting') }) } },
    },
    async (_request, reply) => {
      if (!(await migrationsApplied(db))) return reply.code(503).send({ status: 'starting' as const });
      return { status: 'ok' as const };
    },
  );
  await app.register(authRoutes, { db, config });
  await app.register(userRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(calendarRoutes, { db });
  await app.register(taskRoutes, { db });
  await app.register(geographyRoutes, { db, tileUrl: config.MAP_TILE_URL, tileAttribution: config.MAP_TILE_ATTRIBUTION });
  // One process owns an embedded database, so its cache needs no expiry; PostgreSQL may have several.
  const readModelTtlMs = database.driver === 'pglite' ? Number.POSITIVE_INFINITY : 2000;
  configureOversightCache({ ttlMs: readModelTtlMs });
  configurePerformanceCache({ ttlMs: readModelTtlMs });
  configurePrecinctsCache({ ttlMs: readModelTtlMs });
  configureCalendarCache({ ttlMs: readModelTtlMs });
  await app.register(oversightRoutes, { db });
  await app.register(performanceRoutes, { db, publicUrl: config.PUBLIC_URL });
  const photos = new PhotoStore(config.dataDir);
  await app.register(precinctsRoutes, { db, photos, publicUrl: config.PUBLIC_URL });
  configureAppealNotices({ publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}` });
  await app.register(appealsRoutes, { db, photos, submitLimit: config.APPEAL_RATE_LIMIT });
  await app.register(towingRoutes, { db, photos, publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`, lookupLimit: config.TOW_LOOKUP_RATE_LIMIT });
  await app.register(open311Routes, { db, publicUrl: config.PUBLIC_URL });
  configurePublicMap({ k: config.PUBLIC_MAP_K });
  await app.register(crimeRoutes, { db, dataDir: config.dataDir });
  await app.register(patrolRoutes, { db });

  const indexHtml = path.join(webDistDir, 'index.html');
  const serveWeb = (options.serveWeb ?? true) && fs.existsSync(indexHtml);
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      wildcard: false,
      index: false,
      // Vite fingerprints asset names, so they can be cached for a year.
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    reply.raw.once('finish', () => metrics.observeUnmatched(request, reply));
    const isPage = request.method === 'GET' && !request.url.startsWith('/api') && request.headers.accept?.includes('text/html');
    if (serveWeb && isPage) return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    return sendProblem(reply, problem('not_found', request.id, `No route for ${request.method} ${request.url.split('?')[0]}`));
  });
  return app;
}
