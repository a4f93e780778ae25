import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/auth/auth.plugin.js';
import type { Db } from '../platform/db/db.js';
import { toCsv } from '../platform/documents/tabular.js';
import { AppError } from '../platform/errors.js';
import { readSingleUpload } from '../platform/http/uploads.js';
import { errorResponses, localizedTextSchema, problemSchema } from '../platform/http/schemas.js';
import { recommendationStatuses, type RecommendationStatus } from './oversight.domain.js';
import {
  presentOpenDataRecord,
  presentPeriod,
  presentRecommendation,
  presentRecommendationSummary,
} from './oversight.presenter.js';
import {
  assessmentBody,
  confirmBody,
  detailSchema,
  listQuery,
  listResponseSchema,
  numberParams,
  periodCodeSchema,
  previewResponseSchema,
  recommendationPatchBody,
  responseBody,
} from './oversight.schema.js';
import * as service from './oversight.service.js';
import { oversightRepository as repo } from './oversight.service.js';
import { renderPeriodReport } from './report-export.service.js';
import { importReportFile, isReportImportError, toAppError } from './report-import/index.js';

const editors = { roles: ['editor', 'admin'], scope: 'city' } as const;
const assessors = { roles: ['council', 'admin'], scope: 'any' } as const;
const exporters = { roles: ['council', 'editor', 'analyst', 'admin'], scope: 'any' } as const;

type ListQuery = z.infer<typeof listQuery>;
type Summary = ReturnType<typeof presentRecommendationSummary>;

function filterSummaries(items: Summary[], q: ListQuery): Summary[] {
  const needle = q.q?.trim().toLowerCase();
  return items.filter(
    (i) =>
      (!q.status || i.status === q.status) &&
      (!q.addressee || i.addressees.includes(q.addressee)) &&
      (!q.topic || i.topics.includes(q.topic)) &&
      (!q.period || i.latestPeriod === q.period) &&
      (!needle || i.title.toLowerCase().includes(needle) || String(i.number) === needle),
  );
}

/** The list answer, serialised once per data version and query. */
const serialisedLists = new WeakMap<Promise<service.RecommendationView[]>, Map<string, string>>();

export const oversightRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  /** One recommendation with its responses and history, as every detail answer shows it. */
  const presentFull = async (number: number) => {
    const view = await service.getRecommendationView(db, number);
    return presentRecommendation(view, await service.recommendationHistory(db, view));
  };

  app.get(
    '/api/v1/commissions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['oversight'],
        summary: 'Council commissions',
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), number: z.number().int(), name: localizedTextSchema, council: localizedTextSchema })) }) },
      },
    },
    async () => ({ items: await repo.listCommissionsWithCouncil(db) }),
  );

  app.get(
    '/api/v1/periods',
    {
      config: { access: 'public' },
      schema: {
        tags: ['oversight'],
        summary: 'Reporting periods',
        response: { 200: z.object({ items: z.array(z.object({ code: z.string(), label: localizedTextSchema, commissionId: z.string(), startsOn: z.string(), endsOn: z.string() })) }) },
      },
    },
    async () => ({ items: (await repo.listPeriods(db)).map(presentPeriod) }),
  );

  app.get(
    '/api/v1/recommendations',
    {
      config: { access: 'public' },
      schema: {
        tags: ['oversight'],
        summary: 'Council recommendations with their current status; filters by status, addressee, topic, period, text',
        querystring: listQuery,
        response: { 200: listResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const viewsPromise = service.cachedRecommendationViews(db);
      let perQuery = serialisedLists.get(viewsPromise);
      if (!perQuery) serialisedLists.set(viewsPromise, (perQuery = new Map()));
      const key = JSON.stringify(request.query);
      let body = perQuery.get(key);
      if (!body) {
        const all = (await viewsPromise).map(presentRecommendationSummary);
        const items = filterSummaries(all, request.query);
        const counts = Object.fromEntries(recommendationStatuses.map((s) => [s, 0])) as Record<RecommendationStatus, number>;
        for (const i of items) counts[i.status]++;
        const facets = {
          addressees: [...new Set(all.flatMap((i) => i.addressees))].sort(),
          topics: [...new Set(all.flatMap((i) => i.topics))].sort(),
        };
        body = JSON.stringify({ items, counts, facets });
        if (perQuery.size < 200) perQuery.set(key, body);
      }
      return reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=5').send(body as never); // pre-serialised JSON is sent as is
    },
  );

  app.get(
    '/api/v1/recommendations/:number',
    {
      config: { access: 'public' },
      schema: { tags: ['oversight'], summary: 'One recommendation: text, responses per period, assessments, figures, history', params: numberParams, response: { 200: detailSchema, ...errorResponses } },
    },
    async (request) => presentFull(request.params.number),
  );

  app.patch(
    '/api/v1/recommendations/:number',
    {
      config: { access: editors },
      schema: { tags: ['oversight'], summary: 'Correct a recommendation (title, text, addressees, topics)', params: numberParams, body: recommendationPatchBody, response: { 200: detailSchema, ...errorResponses } },
    },
    async (request) => {
      await service.updateRecommendation(db, actorOf(request), request.params.number, request.body);
      return presentFull(request.params.number);
    },
  );

  app.post(
    '/api/v1/recommendations/:number/responses',
    {
      config: { access: editors },
      schema: {
        tags: ['oversight'],
        summary: "Write or replace the department's response for a period",
        params: numberParams,
        body: responseBody,
        response: { 200: detailSchema, ...errorResponses },
      },
    },
    async (request) => {
      await service.saveResponse(db, actorOf(request), request.params.number, request.body);
      return presentFull(request.params.number);
    },
  );

  app.post(
    '/api/v1/responses/:id/assessments',
    {
      config: { access: assessors },
      schema: {
        tags: ['oversight'],
        summary: "The council's assessment of a response",
        params: z.object({ id: z.uuid() }),
        body: assessmentBody,
        response: {
          201: z.object({ id: z.string(), verdict: z.string(), comment: z.string(), createdAt: z.string(), by: z.object({ role: z.string(), unit: z.string() }) }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const a = await service.assessResponse(db, actorOf(request), request.params.id, request.body);
      return reply.code(201).send({ id: a.id, verdict: a.verdict, comment: a.comment, createdAt: a.createdAt.toISOString(), by: { role: a.actorRole, unit: a.actorUnit } });
    },
  );

  app.get(
    '/api/v1/open-data/recommendations.json',
    { config: { access: 'public' }, schema: { tags: ['open data'], summary: 'All recommendations with the latest response, as JSON' } },
    async (_request, reply) => {
      const views = await service.cachedRecommendationViews(db);
      reply.header('content-disposition', 'inline; filename="recommendations.json"');
      return { generatedAt: new Date().toISOString(), licence: 'CC BY 4.0', items: views.map(presentOpenDataRecord) };
    },
  );

  app.get(
    '/api/v1/recommendations.csv',
    { config: { access: 'public' }, schema: { tags: ['open data'], summary: 'All recommendations with the latest response, as CSV' } },
    async (_request, reply) => {
      const views = await service.cachedRecommendationViews(db);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="recommendations.csv"')
        .send(toCsv(views.map(presentOpenDataRecord)));
    },
  );

  app.post(
    '/api/v1/reports/import/preview',
    {
      config: { access: editors },
      schema: {
        tags: ['oversight'],
        summary: 'Parse a report file (.txt or .docx, multipart field "file"); nothing is saved',
        consumes: ['multipart/form-data'],
        response: { 200: previewResponseSchema, ...errorResponses, 413: problemSchema, 415: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const { buffer, filename, mimeType } = await readSingleUpload(request, 'the report');
      try {
        const parsed = await importReportFile({ buffer, filename, mimeType });
        return { ...parsed, filename };
      } catch (error) {
        if (isReportImportError(error)) throw toAppError(error);
        throw error;
      }
    },
  );

  app.post(
    '/api/v1/reports/import/confirm',
    {
      config: { access: editors },
      schema: {
        tags: ['oversight'],
        summary: 'Save a previewed and corrected report for a period',
        body: confirmBody,
        response: { 200: z.object({ periodCode: z.string(), created: z.number().int(), updated: z.number().int() }), ...errorResponses },
      },
    },
    async (request) =>
      service.confirmImport(db, actorOf(request), {
        ...request.body,
        items: request.body.items.map((i) => ({
          ...i,
          suggestedStatus: i.suggestedStatus ? { ...i.suggestedStatus, competence: i.suggestedStatus.competence ?? null } : null,
        })),
      }),
  );

  app.get(
    '/api/v1/reports/:periodCode/export.:format',
    {
      config: { access: exporters },
      schema: {
        tags: ['oversight'],
        summary: "The department's report for a period, in the seed's form, as DOCX or PDF (Russian)",
        params: z.object({ periodCode: periodCodeSchema, format: z.enum(['docx', 'pdf']) }),
        querystring: z.object({ lang: z.enum(['ru', 'kk', 'en']).default('ru') }),
      },
    },
    async (request, reply) => {
      const { periodCode, format } = request.params;
      const file = await renderPeriodReport(db, periodCode, format, request.query.lang);
      return reply
        .type(format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="openbeat-report-${periodCode}.${format}"`)
        .send(file);
    },
  );
};
