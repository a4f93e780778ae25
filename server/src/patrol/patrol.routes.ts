import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/auth/auth.plugin.js';
import type { Db } from '../platform/db/db.js';
import { errorResponses, localizedTextSchema, problemSchema } from '../platform/http/schemas.js';
import * as service from './patrol.service.js';
import { planCsv, planGeoJson } from './plans.export.js';
import { renderPlanPdf } from './plans.pdf.js';
import { sectorGeometries } from './plans.repository.js';
import { planIdParams, planListQuery, planPdfQuery, planSchema, planStartBody, planStartedSchema, planSummarySchema } from './plans.schema.js';
import * as plans from './plans.service.js';

const readers = { roles: ['analyst', 'dispatcher', 'council', 'admin'], scope: 'any' } as const;
const analysts = { roles: ['analyst', 'admin'], scope: 'city' } as const;

const shiftSchema = z
  .object({ code: z.string(), name: localizedTextSchema, starts: z.string(), ends: z.string(), carCrews: z.number().int(), footCrews: z.number().int(), riskWeight: z.number(), minFootShare: z.number() })
  .meta({ id: 'PatrolShift' });
const shiftPatch = z.object({
  carCrews: z.number().int().min(0).max(2000),
  footCrews: z.number().int().min(0).max(2000),
  riskWeight: z.number().min(0.1).max(10),
  minFootShare: z.number().min(0).max(1),
});

export const patrolRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/patrol/sectors.geojson',
    { config: { access: readers }, schema: { tags: ['patrol'], summary: 'Patrol sectors (п.6) with their number of routes by kind, as GeoJSON' } },
    async (_request, reply) => reply.type('application/geo+json; charset=utf-8').send(JSON.stringify(await service.sectorsGeoJson(db))),
  );
  app.get(
    '/api/v1/patrol/routes.geojson',
    { config: { access: readers }, schema: { tags: ['patrol'], summary: 'Patrol routes (car and foot lines, stationary posts) as GeoJSON', querystring: z.object({ sector: z.string().max(40).optional() }) } },
    async (request, reply) => reply.type('application/geo+json; charset=utf-8').send(JSON.stringify(await service.routesGeoJson(db, request.query.sector))),
  );
  app.get('/api/v1/patrol/shifts', { config: { access: readers }, schema: { tags: ['patrol'], summary: 'Shifts and the crews each has', response: { 200: z.array(shiftSchema), ...errorResponses } } }, async () => service.listShifts(db));
  app.put(
    '/api/v1/patrol/shifts/:code',
    { config: { access: analysts }, schema: { tags: ['patrol'], summary: "Change a shift's crews and weights (audited)", params: z.object({ code: z.string().max(40) }), body: shiftPatch, response: { 200: shiftSchema, ...errorResponses } } },
    async (request) => service.updateShift(db, actorOf(request), request.params.code, request.body),
  );

  // ---- deployment plans (п.6) ----
  app.post(
    '/api/v1/patrol/plans',
    {
      config: { access: analysts },
      schema: {
        tags: ['patrol'],
        summary: 'Produce a deployment plan for a shift and date from the crime forecast (background task; 422 when the crews cannot staff the sectors)',
        body: planStartBody,
        response: { 202: planStartedSchema, ...errorResponses, 422: problemSchema },
      },
    },
    async (request, reply) => reply.code(202).send(await plans.startPlan(db, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/patrol/plans',
    { config: { access: readers }, schema: { tags: ['patrol'], summary: 'Recent deployment plans, by date and shift', querystring: planListQuery, response: { 200: z.array(planSummarySchema), ...errorResponses } } },
    async (request) => plans.listPlans(db, request.query),
  );
  app.get(
    '/api/v1/patrol/plans/:id',
    { config: { access: readers }, schema: { tags: ['patrol'], summary: 'A deployment plan: crews per sector, each crew’s stops, the coverage against the alternatives, and its progress', params: planIdParams, response: { 200: planSchema, ...errorResponses } } },
    async (request) => plans.getPlan(db, request.params.id),
  );
  app.get(
    '/api/v1/patrol/plans/:id.csv',
    { config: { access: readers }, schema: { tags: ['patrol'], summary: 'A plan as CSV: one row per crew stop', params: planIdParams } },
    async (request, reply) => {
      const result = await plans.planResult(db, request.params.id);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="patrol-plan-${result.date}-${result.shift.code}.csv"`).send(planCsv(result));
    },
  );
  app.get(
    '/api/v1/patrol/plans/:id.geojson',
    { config: { access: readers }, schema: { tags: ['patrol'], summary: 'A plan as GeoJSON: sectors with their crews, and the stops as points', params: planIdParams } },
    async (request, reply) => {
      const result = await plans.planResult(db, request.params.id);
      return reply
        .type('application/geo+json; charset=utf-8')
        .header('content-disposition', `attachment; filename="patrol-plan-${result.date}-${result.shift.code}.geojson"`)
        .send(JSON.stringify(planGeoJson(result, await sectorGeometries(db))));
    },
  );
  app.get(
    '/api/v1/patrol/plans/:id.pdf',
    { config: { access: readers }, schema: { tags: ['patrol'], summary: 'A plan to print, in Russian or Kazakh', params: planIdParams, querystring: planPdfQuery } },
    async (request, reply) => {
      const result = await plans.planResult(db, request.params.id);
      const pdf = await renderPlanPdf(result, request.query.lang);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="patrol-plan-${result.date}-${result.shift.code}-${request.query.lang}.pdf"`).send(pdf);
    },
  );
};
