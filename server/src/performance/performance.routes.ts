import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/auth/auth.plugin.js';
import { SESSION_COOKIE } from '../platform/auth/sessions.service.js';
import { createDerivedMemo } from '../platform/cache/swr-cache.js';
import type { Db } from '../platform/db/db.js';
import { toCsv, toXlsx, XLSX_CONTENT_TYPE } from '../platform/documents/tabular.js';
import { notFound } from '../platform/errors.js';
import { errorResponses, problemSchema } from '../platform/http/schemas.js';
import { readSingleUpload } from '../platform/http/uploads.js';
import { trustItems } from './performance.domain.js';
import { exportRecords, renderProgrammePdf, type ExportTable } from './performance.export.js';
import type { PerformanceSnapshot } from './performance.presenter.js';
import {
  budgetLineBody,
  compstatQuery,
  compstatResponseSchema,
  confirmResponseSchema,
  confirmUploadBody,
  contactTokenBody,
  dueIndicatorSchema,
  districtListSchema,
  districtScorecardSchema,
  exportParams,
  fromFigureBody,
  idParams,
  indicatorCardSchema,
  indicatorDefinitionBody,
  indicatorDetailSchema,
  indicatorListQuery,
  indicatorPatchBody,
  langQuery,
  measurePatchBody,
  measureSchema,
  officialListSchema,
  officialScorecardSchema,
  openIndicatorSchema,
  portalTokenBody,
  previewResponseSchema,
  programmeCodeParams,
  programmeScorecardSchema,
  programmeSummarySchema,
  surveyAnswerBody,
  tokenResponseSchema,
  trustQuery,
  trustResponseSchema,
  valueBody,
} from './performance.schema.js';
import * as service from './performance.service.js';
import { answerSurvey, issueContactToken, issuePortalToken, surveyTokenState, trustAggregates } from './trust.service.js';
import { readValueUpload, TEMPLATE_CSV } from './value-upload.reader.js';

const valueEditors = { roles: ['editor', 'admin'], scope: 'any' } as const;
const budgetEditors = { roles: ['editor', 'admin'], scope: 'city' } as const;
const indicatorDefiners = { roles: ['analyst', 'admin'], scope: 'city' } as const;
const contactStaff = { roles: ['inspector', 'editor', 'tow_operator', 'admin'], scope: 'any' } as const;

/**
 * Public answers may be cached briefly by browsers and proxies (writes show up within seconds); a
 * signed-in member of staff always reads fresh, so they see their own writes at once.
 */
function cacheHeader(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('cache-control', request.cookies[SESSION_COOKIE] ? 'private, no-cache' : 'public, max-age=5');
  reply.header('vary', 'cookie');
}

export const performanceRoutes: FastifyPluginAsyncZod<{ db: Db; publicUrl?: string | undefined }> = async (app, { db, publicUrl }) => {
  const derived = createDerivedMemo<PerformanceSnapshot>();
  const snapshot = () => service.performanceSnapshot(db);
  const findProgramme = (s: PerformanceSnapshot, code: string) => {
    const p = s.programmeByCode.get(code);
    if (!p) throw notFound(`programme '${code}'`);
    return p;
  };

  // ---- Public reads ------------------------------------------------------------------------

  app.get(
    '/api/v1/programmes',
    {
      config: { access: 'public' },
      schema: { tags: ['performance'], summary: 'Programmes and plans with responsible officials, budgets and indicator lights (open data)', response: { 200: z.object({ items: z.array(programmeSummarySchema) }) } },
    },
    async (request, reply) => {
      const s = await snapshot();
      cacheHeader(request, reply);
      return derived(s, 'programmes', () => ({ items: s.rows.programmes.map((p) => s.programmeSummary(p)) }));
    },
  );

  app.get(
    '/api/v1/programmes/:code',
    {
      config: { access: 'public' },
      schema: { tags: ['performance'], summary: "A programme's scorecard: budget lines, measures and indicator cards", params: programmeCodeParams, response: { 200: programmeScorecardSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const s = await snapshot();
      const p = findProgramme(s, request.params.code);
      // The scorecard is the most-read page: its JSON is serialised once per data version.
      const body = derived(s, `programme:${p.code}`, () => JSON.stringify(programmeScorecardSchema.parse(s.programmeScorecard(p))));
      cacheHeader(request, reply);
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );

  app.get(
    '/api/v1/programmes/:code/scorecard.pdf',
    {
      config: { access: 'public' },
      schema: { tags: ['performance'], summary: "A programme's scorecard as PDF (ru, kk or en)", params: programmeCodeParams, querystring: langQuery },
    },
    async (request, reply) => {
      const s = await snapshot();
      const p = findProgramme(s, request.params.code);
      const pdf = await renderProgrammePdf(s.programmeScorecard(p), request.query.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="scorecard-${p.code}-${request.query.lang}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/indicators',
    {
      config: { access: 'public' },
      schema: {
        tags: ['open data'],
        summary: 'Indicators with name, unit, direction, baseline, target, values, source and the report item (open data)',
        querystring: indicatorListQuery,
        response: { 200: z.object({ generatedAt: z.string(), licence: z.string(), items: z.array(openIndicatorSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const s = await snapshot();
      const q = request.query;
      const programmeId = q.programme ? s.programmeByCode.get(q.programme)?.id : undefined;
      if (q.programme && !programmeId) throw notFound(`programme '${q.programme}'`);
      const items = derived(s, `indicators:${JSON.stringify(q)}`, () =>
        s.rows.indicators
          .filter((i) => (!programmeId || i.programmeId === programmeId) && (!q.department || i.unitId === q.department) && (!q.code || i.code === q.code))
          .map((i) => s.openIndicator(i, q.values === 'all')),
      );
      cacheHeader(request, reply);
      return { generatedAt: new Date().toISOString(), licence: 'CC BY 4.0', items };
    },
  );

  app.get(
    '/api/v1/indicators/cards',
    {
      config: { access: 'public' },
      schema: {
        tags: ['performance'],
        summary: 'Indicator cards (thresholds, target, current value, light, official) filtered by programme or department',
        querystring: indicatorListQuery.omit({ values: true }),
        response: { 200: z.object({ items: z.array(indicatorCardSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const s = await snapshot();
      const q = request.query;
      const programmeId = q.programme ? s.programmeByCode.get(q.programme)?.id : undefined;
      if (q.programme && !programmeId) throw notFound(`programme '${q.programme}'`);
      cacheHeader(request, reply);
      return { items: s.cardsWhere((i) => (!programmeId || i.programmeId === programmeId) && (!q.department || i.unitId === q.department) && (!q.code || i.code === q.code)) };
    },
  );

  app.get(
    '/api/v1/indicators/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['performance'], summary: 'One indicator: card, every value with its corrections, CompStat for counts', params: idParams, response: { 200: indicatorDetailSchema, ...errorResponses } },
    },
    async (request) => service.indicatorDetail(db, request.params.id),
  );

  app.get(
    '/api/v1/scorecards/districts',
    {
      config: { access: 'public' },
      schema: { tags: ['performance'], summary: 'District departments: indicator lights and rankings per 100 000 residents', response: { 200: districtListSchema } },
    },
    async (request, reply) => {
      const s = await snapshot();
      cacheHeader(request, reply);
      return derived(s, 'districts', () => ({
        items: s.rows.districts.map((d) => {
          const cards = s.cardsWhere((i) => i.unitId === d.id);
          return { district: s.districtInfo(d), lights: s.lightCounts(cards), indicatorCount: cards.length };
        }),
        rankings: derived(s, `rankings:${s.defaultAsOf()}`, () => s.rankings(s.defaultAsOf())),
      }));
    },
  );

  app.get(
    '/api/v1/scorecards/districts/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['performance'], summary: "A district department's indicators, CompStat and ranking", params: z.object({ id: z.string().max(64) }), response: { 200: districtScorecardSchema, ...errorResponses } },
    },
    async (request) => {
      const s = await snapshot();
      const d = s.districtById.get(request.params.id);
      if (!d) throw notFound(`district '${request.params.id}'`);
      const asOf = s.defaultAsOf();
      return derived(s, `district:${d.id}:${asOf}`, () => ({
        district: s.districtInfo(d),
        indicators: s.cardsWhere((i) => i.unitId === d.id),
        compstat: s.compstat(asOf, { unitId: d.id }),
        rankings: derived(s, `rankings:${asOf}`, () => s.rankings(asOf)),
      }));
    },
  );

  app.get(
    '/api/v1/scorecards/officials',
    {
      config: { access: 'public' },
      schema: { tags: ['performance'], summary: 'Responsible leaders (п.2) with their programmes and indicator lights', response: { 200: officialListSchema } },
    },
    async () => {
      const s = await snapshot();
      return derived(s, 'officials', () => ({
        items: s.rows.officials.map((o) => {
          const programmes = s.rows.programmes.filter((p) => p.officialId === o.id);
          const cards = s.rows.indicators.map((i) => s.card(i.id)!).filter((c) => c.official?.id === o.id);
          return { official: s.official(o.id)!, programmes: programmes.map((p) => ({ code: p.code, name: p.name })), lights: s.lightCounts(cards), indicatorCount: cards.length };
        }),
      }));
    },
  );

  app.get(
    '/api/v1/scorecards/officials/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['performance'], summary: "A responsible leader's programmes and indicators", params: idParams, response: { 200: officialScorecardSchema, ...errorResponses } },
    },
    async (request) => {
      const s = await snapshot();
      const official = s.official(request.params.id);
      if (!official) throw notFound('official');
      return {
        official,
        programmes: s.rows.programmes.filter((p) => p.officialId === official.id).map((p) => s.programmeSummary(p)),
        indicators: s.rows.indicators.map((i) => s.card(i.id)!).filter((c) => c.official?.id === official.id),
      };
    },
  );

  app.get(
    '/api/v1/compstat',
    {
      config: { access: 'public' },
      schema: {
        tags: ['performance'],
        summary: 'CompStat: week to date, 28 days and year to date against a year earlier, with Poisson z (|z| ≥ 3 marked)',
        querystring: compstatQuery,
        response: { 200: compstatResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const s = await snapshot();
      return s.compstat(request.query.asOf ?? s.defaultAsOf(), { code: request.query.code });
    },
  );

  app.get(
    '/api/v1/exports/:file',
    {
      config: { access: 'public' },
      schema: { tags: ['open data'], summary: 'Any public table of the module as CSV or XLSX', params: exportParams },
    },
    async (request, reply) => {
      const [table, format] = request.params.file.split('.') as [ExportTable, 'csv' | 'xlsx'];
      const s = await snapshot();
      // Files built from the read model are made once per data version; trust answers change on their own.
      const build = async () => {
        const records = await exportRecords(db, s, table);
        return format === 'csv' ? Buffer.from(toCsv(records)) : toXlsx(table, records);
      };
      const file = table === 'trust' ? await build() : await derived(s, `export:${request.params.file}`, build);
      reply.header('content-disposition', `attachment; filename="${request.params.file}"`);
      return reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_CONTENT_TYPE).send(file);
    },
  );

  // ---- Trust survey ------------------------------------------------------------------------

  app.get(
    '/api/v1/trust',
    {
      config: { access: 'public' },
      schema: { tags: ['performance'], summary: 'Trust indicators per department and month: mean (0–100), 95 % interval; cells under 30 answers suppressed', querystring: trustQuery, response: { 200: trustResponseSchema, ...errorResponses } },
    },
    async (request) => {
      const result = await trustAggregates(db, request.query.months);
      return { ...result, items: [...trustItems] };
    },
  );

  const surveyUrl = (token: string) => `${publicUrl ?? ''}/trust/survey?token=${encodeURIComponent(token)}`;

  app.post(
    '/api/v1/trust/tokens',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['performance'], summary: 'A one-time survey link for a portal visitor (a few per address and day)', body: portalTokenBody, response: { 201: tokenResponseSchema, ...errorResponses, 429: problemSchema } },
    },
    async (request, reply) => {
      const issued = await issuePortalToken(db, { address: request.ip, districtId: request.body.districtId });
      return reply.code(201).send({ token: issued.token, expiresAt: issued.expiresAt.toISOString(), url: surveyUrl(issued.token) });
    },
  );

  app.get(
    '/api/v1/trust/tokens/:token',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['performance'],
        summary: 'Whether a survey link can still be answered (open, used, expired or unknown)',
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a survey token') }),
        response: { 200: z.object({ state: z.enum(['open', 'used', 'expired', 'unknown']) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { state: await surveyTokenState(db, request.params.token) };
    },
  );

  app.post(
    '/api/v1/trust/contact-tokens',
    {
      config: { access: contactStaff },
      schema: { tags: ['performance'], summary: 'A one-time survey link to hand to a resident after a contact (e.g. a reception)', body: contactTokenBody, response: { 201: tokenResponseSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const issued = await issueContactToken(db, actorOf(request).unit, request.body);
      return reply.code(201).send({ token: issued.token, expiresAt: issued.expiresAt.toISOString(), url: surveyUrl(issued.token) });
    },
  );

  app.post(
    '/api/v1/trust/responses',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['performance'], summary: 'Answer the trust survey once with a one-time token', body: surveyAnswerBody, response: { 201: z.object({ recorded: z.literal(true) }), ...errorResponses, 409: problemSchema, 429: problemSchema } },
    },
    async (request, reply) => {
      await answerSurvey(db, request.body);
      return reply.code(201).send({ recorded: true as const });
    },
  );

  // ---- Staff writes ------------------------------------------------------------------------

  app.post(
    '/api/v1/indicators',
    {
      config: { access: indicatorDefiners },
      schema: { tags: ['performance'], summary: 'Define an indicator (analysts)', body: indicatorDefinitionBody, response: { 201: indicatorCardSchema, ...errorResponses, 409: problemSchema } },
    },
    async (request, reply) => {
      const row = await service.defineIndicator(db, actorOf(request), request.body);
      return reply.code(201).send((await snapshot()).card(row.id)!);
    },
  );

  app.patch(
    '/api/v1/indicators/:id',
    {
      config: { access: indicatorDefiners },
      schema: { tags: ['performance'], summary: "Change an indicator's names, target, thresholds or source (analysts)", params: idParams, body: indicatorPatchBody, response: { 200: indicatorCardSchema, ...errorResponses } },
    },
    async (request) => {
      await service.updateIndicator(db, actorOf(request), request.params.id, request.body);
      return (await snapshot()).card(request.params.id)!;
    },
  );

  app.post(
    '/api/v1/indicators/:id/values',
    {
      config: { access: valueEditors },
      schema: { tags: ['performance'], summary: 'Enter or correct a value for a period (a correction needs a reason)', params: idParams, body: valueBody, response: { 200: indicatorDetailSchema, ...errorResponses } },
    },
    async (request) => {
      await service.saveValue(db, actorOf(request), request.params.id, request.body);
      return service.indicatorDetail(db, request.params.id);
    },
  );

  app.post(
    '/api/v1/indicator-values/from-figure',
    {
      config: { access: valueEditors },
      schema: { tags: ['performance'], summary: 'Promote a figure found by the report import into an indicator value', body: fromFigureBody, response: { 200: indicatorDetailSchema, ...errorResponses } },
    },
    async (request) => {
      await service.promoteFigure(db, actorOf(request), request.body);
      return service.indicatorDetail(db, request.body.indicatorId);
    },
  );

  app.get(
    '/api/v1/indicator-values/template.csv',
    { config: { access: valueEditors }, schema: { tags: ['performance'], summary: 'A CSV template for uploading values' } },
    async (_request, reply) =>
      reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="indicator-values-template.csv"').send(`\uFEFF${TEMPLATE_CSV}`),
  );

  app.post(
    '/api/v1/indicator-values/preview',
    {
      config: { access: valueEditors },
      schema: {
        tags: ['performance'],
        summary: 'Check a CSV or XLSX of values (multipart field "file"): every row with its verdict; nothing is saved',
        consumes: ['multipart/form-data'],
        response: { 200: previewResponseSchema, ...errorResponses, 413: problemSchema, 415: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const file = await readSingleUpload(request, 'the values file');
      const read = await readValueUpload(file.buffer, file.filename);
      const parsed = read.rows.filter((r) => r.row !== null);
      const checked = await service.checkUploadRows(db, actorOf(request), parsed.map((r) => r.row!));
      const verdicts = new Map(parsed.map((r, i) => [r, checked[i]!]));
      const rows = read.rows.map((r) => {
        const c = verdicts.get(r);
        if (!c) return { line: r.line, raw: r.raw, row: null, ok: false, reason: r.reason, field: r.field, change: null, previous: null };
        return { line: r.line, raw: r.raw, row: c.row, ok: c.ok, reason: c.reason, field: c.field, change: c.change, previous: c.previous };
      });
      const okCount = rows.filter((r) => r.ok).length;
      return { filename: file.filename, columns: read.columns, rows, okCount, badCount: rows.length - okCount };
    },
  );

  app.post(
    '/api/v1/indicator-values/confirm',
    {
      config: { access: valueEditors },
      schema: { tags: ['performance'], summary: 'Save checked rows all together (nothing is saved if any row is refused)', body: confirmUploadBody, response: { 200: confirmResponseSchema, ...errorResponses } },
    },
    async (request) => service.confirmUpload(db, actorOf(request), request.body.rows),
  );

  app.get(
    '/api/v1/staff/indicators/due',
    {
      config: { access: valueEditors },
      schema: {
        tags: ['performance'],
        summary: "Indicators in the account's scope whose latest value is older than the last completed period",
        response: { 200: z.object({ items: z.array(dueIndicatorSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.dueIndicators(db, actorOf(request)) }),
  );

  app.put(
    '/api/v1/programmes/:code/budget-lines',
    {
      config: { access: budgetEditors },
      schema: { tags: ['performance'], summary: 'Enter or update a budget line (tenge as decimal strings)', params: programmeCodeParams, body: budgetLineBody, response: { 200: programmeScorecardSchema, ...errorResponses } },
    },
    async (request) => {
      await service.saveBudgetLine(db, actorOf(request), request.params.code, request.body);
      const s = await snapshot();
      return s.programmeScorecard(findProgramme(s, request.params.code));
    },
  );

  app.patch(
    '/api/v1/measures/:id',
    {
      config: { access: valueEditors },
      schema: { tags: ['performance'], summary: "Update a measure's status, evidence or deadline", params: idParams, body: measurePatchBody, response: { 200: measureSchema, ...errorResponses } },
    },
    async (request) => {
      const m = await service.updateMeasure(db, actorOf(request), request.params.id, request.body);
      return { id: m.id, number: m.number, text: m.text, executor: m.executor, deadline: m.deadline, status: m.status, evidence: m.evidence, sourceItem: m.sourceItem, synthetic: m.synthetic };
    },
  );
};

