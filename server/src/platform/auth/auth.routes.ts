import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/db.js';
import { AppError } from '../errors.js';
import { errorResponses, problemSchema, scopeSchema, staffRoleSchema } from '../http/schemas.js';
import { createSession, deleteSession, SESSION_COOKIE } from './sessions.service.js';
import { authenticate } from './users.service.js';

const principalSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: staffRoleSchema,
    scope: scopeSchema,
  })
  .meta({ id: 'Principal' });

export const authRoutes: FastifyPluginAsyncZod<{ db: Db; config: AppConfig }> = async (app, { db, config }) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: {
        access: 'public',
        rateLimit: { max: config.LOGIN_RATE_LIMIT, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets an HttpOnly session cookie',
        body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
        response: { 200: z.object({ user: principalSchema }), ...errorResponses, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const user = await authenticate(db, request.body.username, request.body.password);
      if (!user) throw new AppError('invalid_credentials', 'Wrong username or password');
      const session = await createSession(db, user.id, config.SESSION_TTL_HOURS);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        path: '/',
        expires: session.expiresAt,
      });
      return {
        user: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role as z.infer<typeof staffRoleSchema>,
          scope: user.districtId ? { kind: 'district' as const, districtId: user.districtId } : { kind: 'city' as const },
        },
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'The signed-in account, or null', response: { 200: z.object({ user: principalSchema.nullable() }) } },
    },
    async (request) => {
      const p = request.principal;
      return { user: p ? { id: p.userId, username: p.username, displayName: p.displayName, role: p.role, scope: p.scope } : null };
    },
  );
};
