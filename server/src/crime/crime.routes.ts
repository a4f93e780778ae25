import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/auth/auth.plugin.js';
import type { Db } from '../platform/db/db.js';
import { AppError } from '../platform/errors.js';
import { errorResponses, problemSchema } from '../platform/http/schemas.js';
import { taskViewSchema } from '../platform/tasks/tasks.schema.js';
import {
  backtestStartBody,
  categoryPutBody,
  categoryRowSchema,
  compstatQuery,
  datasetCreateBody,
  datasetParams,
  datasetSchema,
  forecastStartBody,
  idParams,
  importStartBody,
  importViewSchema,
  incidentQuery,
  lineSchema,
  mappingParams,
  mappingPutBody,
  mappingSchema,
  methodChoiceBody,
  methodChoiceParams,
  publicMapQuery,
  uploadSchema,
} from './crime.schema.js';
import * as service from './crime.service.js';

const analysts = { roles: ['analyst', 'admin'], scope: 'city' } as const;
const readers = { roles: ['analyst', 'dispatcher', 'council', 'admin'], scope: 'any' } as const;
const started = { 202: z.object({ id: z.string(), task: taskViewSchema }), ...errorResponses, 422: problemSchema } as const;
const datasetQuery = z.object({ dataset: z.string().max(41).optional() });

export const crimeRoutes: FastifyPluginAsyncZod<{ db: Db; dataDir: string }> = async (app, { db, dataDir }) => {
  app.get(
    '/api/v1/crime/lines',
    { config: { access: 'public' }, schema: { tags: ['crime'], summary: 'The lines incidents are counted under (programmes of the report, п.3)', response: { 200: z.array(lineSchema) } } },
    async () => service.listLines(db),
  );

  // ---- datasets, categories, imports ----
  app.get('/api/v1/crime/datasets', { config: { access: readers }, schema: { tags: ['crime'], summary: 'Datasets of incidents with their size and span', response: { 200: z.array(datasetSchema), ...errorResponses } } }, async () => service.listDatasets(db));
  app.post(
    '/api/v1/crime/datasets',
    { config: { access: analysts }, schema: { tags: ['crime'], summary: 'Create a dataset (audited)', body: datasetCreateBody, response: { 201: datasetSchema, ...errorResponses, 409: problemSchema } } },
    async (request, reply) => reply.code(201).send(await service.createDataset(db, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/crime/datasets/:id/categories',
    { config: { access: readers }, schema: { tags: ['crime'], summary: "The dataset's categories and the line each maps to", params: datasetParams, response: { 200: z.array(categoryRowSchema), ...errorResponses } } },
    async (request) => service.categoryTable(db, request.params.id),
  );
  app.put(
    '/api/v1/crime/datasets/:id/categories',
    { config: { access: analysts }, schema: { tags: ['crime'], summary: 'Map a source category to a line (its incidents follow; audited)', params: datasetParams, body: categoryPutBody, response: { 200: z.array(categoryRowSchema), ...errorResponses } } },
    async (request) => service.setCategoryLine(db, actorOf(request), request.params.id, request.body.sourceCategory, request.body.lineCode),
  );
  app.post(
    '/api/v1/crime/uploads',
    {
      config: { access: analysts },
      schema: { tags: ['crime'], summary: 'Upload an incidents file (multipart field file; CSV or GeoJSON, up to 1 GB): its columns and first rows', consumes: ['multipart/form-data'], response: { 201: uploadSchema, ...errorResponses, 413: problemSchema, 415: problemSchema, 422: problemSchema } },
    },
    async (request, reply) => {
      let file;
      try {
        file = await request.file({ limits: { files: 1, fields: 0, fileSize: 1024 * 1024 * 1024 } });
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('unsupported_media_type', 'send the file as multipart/form-data', 'file');
        throw new AppError('bad_request', 'the multipart body is malformed', 'file');
      }
      if (!file || file.fieldname !== 'file') throw new AppError('validation', 'attach the incidents file as the multipart field "file"', 'file');
      if (!/\.(csv|txt|tsv|geojson|json)$/i.test(file.filename)) throw new AppError('unsupported_media_type', `"${file.filename}" is not a CSV or GeoJSON file`, 'file');
      return reply.code(201).send(await service.saveUpload(dataDir, file.filename, file.file));
    },
  );
  app.get('/api/v1/crime/mappings', { config: { access: analysts }, schema: { tags: ['crime'], summary: 'Saved column mappings', response: { 200: z.array(mappingSchema), ...errorResponses } } }, async () => service.listMappings(db));
  app.put(
    '/api/v1/crime/mappings/:name',
    { config: { access: analysts }, schema: { tags: ['crime'], summary: 'Save a column mapping under a name', params: mappingParams, body: mappingPutBody, response: { 200: mappingSchema, ...errorResponses } } },
    async (request) => service.saveMapping(db, actorOf(request), request.params.name, request.body.mapping),
  );
  app.post(
    '/api/v1/crime/imports',
    { config: { access: analysts }, schema: { tags: ['crime'], summary: 'Import an upload into a dataset with a mapping (background task; all rows or none)', body: importStartBody, response: { 202: importViewSchema, ...errorResponses, 422: problemSchema } } },
    async (request, reply) => reply.code(202).send(await service.startImport(db, actorOf(request), dataDir, request.body)),
  );
  app.get('/api/v1/crime/imports', { config: { access: analysts }, schema: { tags: ['crime'], summary: 'Recent imports', querystring: datasetQuery, response: { 200: z.array(importViewSchema), ...errorResponses } } }, async (request) => service.listImports(db, request.query.dataset));
  app.get(
    '/api/v1/crime/imports/:id',
    { config: { access: analysts }, schema: { tags: ['crime'], summary: 'An import: counts, rejected rows by reason with examples, and progress', params: idParams, response: { 200: importViewSchema, ...errorResponses } } },
    async (request) => service.getImport(db, request.params.id),
  );

  // ---- staff map, CompStat ----
  app.get(
    '/api/v1/crime/incidents',
    { config: { access: readers }, schema: { tags: ['crime'], summary: 'Incidents for the staff map (exact points, or clusters when zoomed out)', querystring: incidentQuery } },
    async (request) => {
      const out = await service.staffIncidents(db, request.query);
      return { type: 'FeatureCollection', total: out.total, clustered: out.clustered, truncated: out.truncated, features: out.features };
    },
  );
  app.get(
    '/api/v1/crime/compstat',
    { config: { access: readers }, schema: { tags: ['crime'], summary: 'CompStat: incidents per district and line in two periods', querystring: compstatQuery } },
    async (request) => service.compstat(db, request.query),
  );

  // ---- forecasts, backtests ----
  app.post(
    '/api/v1/crime/forecasts',
    { config: { access: analysts }, schema: { tags: ['crime'], summary: 'Run a grid forecast (background task; stored with its inputs)', body: forecastStartBody, response: started } },
    async (request, reply) => reply.code(202).send(await service.startForecast(db, actorOf(request), request.body)),
  );
  app.get('/api/v1/crime/forecasts', { config: { access: readers }, schema: { tags: ['crime'], summary: 'Recent forecasts', querystring: datasetQuery } }, async (request) => service.listForecasts(db, request.query.dataset));
  app.get(
    '/api/v1/crime/forecasts/:id',
    { config: { access: readers }, schema: { tags: ['crime'], summary: 'A forecast with its highest-risk cells (GeoJSON)', params: idParams, querystring: z.object({ top: z.coerce.number().int().min(1).max(2000).default(300) }) } },
    async (request) => service.forecastDetail(db, request.params.id, request.query.top),
  );
  app.post(
    '/api/v1/crime/backtests',
    { config: { access: analysts }, schema: { tags: ['crime'], summary: 'Compare forecast methods on past data, rolling origin (background task)', body: backtestStartBody, response: started } },
    async (request, reply) => reply.code(202).send(await service.startBacktest(db, actorOf(request), request.body)),
  );
  app.get('/api/v1/crime/backtests', { config: { access: readers }, schema: { tags: ['crime'], summary: 'Recent backtests', querystring: datasetQuery } }, async (request) => service.listBacktests(db, request.query.dataset));
  app.get('/api/v1/crime/backtests/:id', { config: { access: readers }, schema: { tags: ['crime'], summary: 'A backtest: hit rate, PAI and PEI per method', params: idParams } }, async (request) => service.getBacktest(db, request.params.id));
  app.get(
    '/api/v1/crime/method-choices/:dataset',
    { config: { access: readers }, schema: { tags: ['crime'], summary: 'The method chosen per line', params: z.object({ dataset: methodChoiceParams.shape.dataset }) } },
    async (request) => service.listMethodChoices(db, request.params.dataset),
  );
  app.put(
    '/api/v1/crime/method-choices/:dataset/:line',
    { config: { access: analysts }, schema: { tags: ['crime'], summary: 'Choose the method for a line (* = all), with the backtest as evidence (audited)', params: methodChoiceParams, body: methodChoiceBody } },
    async (request) => service.chooseMethod(db, actorOf(request), request.params.dataset, request.params.line, request.body),
  );

  // ---- public map ----
  app.get(
    '/api/v1/crime/public/months',
    { config: { access: 'public' }, schema: { tags: ['crime'], summary: 'Months on the public crime map, and its k' } },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return service.publicMonths(db);
    },
  );
  app.get(
    '/api/v1/crime/public/hexagons',
    { config: { access: 'public' }, schema: { tags: ['crime'], summary: 'Incidents per H3 hexagon for a month; no cell under k; crimes against the person are not on this map', querystring: publicMapQuery } },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return service.publicHexagons(db, request.query.month, request.query.line);
    },
  );
  app.get(
    '/api/v1/crime/public/districts',
    { config: { access: 'public' }, schema: { tags: ['crime'], summary: 'Incidents per district for a month (counts under k withheld)', querystring: publicMapQuery } },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return service.publicDistricts(db, request.query.month, request.query.line);
    },
  );
};
