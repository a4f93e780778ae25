import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/db.js';
import { errorResponses } from '../http/schemas.js';
import { taskViewSchema } from './tasks.schema.js';
import { getTask } from './tasks.service.js';

const allStaff = { roles: ['council', 'editor', 'analyst', 'dispatcher', 'inspector', 'tow_operator', 'admin'], scope: 'any' } as const;

/** Long work a person started (an import, a forecast, a backtest, a plan): anyone on the staff may follow it. */
export const taskRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/tasks/:id',
    {
      config: { access: allStaff },
      schema: { tags: ['platform'], summary: 'Progress and outcome of long work (an import, a forecast, a backtest, a plan)', params: z.object({ id: z.string().uuid() }), response: { 200: taskViewSchema, ...errorResponses } },
    },
    async (request) => getTask(db, request.params.id),
  );
};
