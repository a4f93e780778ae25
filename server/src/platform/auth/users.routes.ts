import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/db.js';
import { errorResponses, problemSchema, scopeSchema, staffRoleSchema } from '../http/schemas.js';
import { actorOf } from './auth.plugin.js';
import { createUser, listUsers, presentUser, resetPassword, updateUser } from './users.service.js';

const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: staffRoleSchema,
    scope: scopeSchema,
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'StaffUser' });

const adminOnly = { roles: ['admin'], scope: 'city' } as const;
const idParams = z.object({ id: z.uuid() });

export const userRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/admin/users',
    { config: { access: adminOnly }, schema: { tags: ['admin'], summary: 'List staff accounts', response: { 200: z.object({ items: z.array(userSchema) }), ...errorResponses } } },
    async () => ({ items: (await listUsers(db)).map(presentUser) }),
  );

  app.post(
    '/api/v1/admin/users',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['admin'],
        summary: 'Create a staff account; without a password a one-time password is returned once',
        body: z.object({
          username: z.string().trim().regex(/^[a-zA-Z0-9._-]{3,64}$/, 'use 3–64 letters, digits, dot, dash or underscore'),
          displayName: z.string().trim().min(1).max(200),
          role: staffRoleSchema,
          scope: scopeSchema,
          password: z.string().min(12).max(256).optional(),
        }),
        response: { 201: z.object({ user: userSchema, oneTimePassword: z.string().nullable() }), ...errorResponses, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const { user, oneTimePassword } = await createUser(db, actorOf(request), request.body);
      return reply.code(201).send({ user: presentUser(user), oneTimePassword });
    },
  );

  app.patch(
    '/api/v1/admin/users/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['admin'],
        summary: 'Change an account: name, role, scope, active',
        params: idParams,
        body: z
          .object({
            displayName: z.string().trim().min(1).max(200).optional(),
            role: staffRoleSchema.optional(),
            scope: scopeSchema.optional(),
            active: z.boolean().optional(),
          })
          .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
        response: { 200: z.object({ user: userSchema }), ...errorResponses, 409: problemSchema },
      },
    },
    async (request) => ({ user: presentUser(await updateUser(db, actorOf(request), request.params.id, request.body)) }),
  );

  app.post(
    '/api/v1/admin/users/:id/reset-password',
    {
      config: { access: adminOnly },
      schema: { tags: ['admin'], summary: 'Generate a new one-time password', params: idParams, response: { 200: z.object({ oneTimePassword: z.string() }), ...errorResponses } },
    },
    async (request) => ({ oneTimePassword: await resetPassword(db, actorOf(request), request.params.id) }),
  );
};
