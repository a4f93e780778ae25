import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../platform/auth/auth.plugin.js';
import type { Db } from '../platform/db/db.js';
import { AppError } from '../platform/errors.js';
import { errorResponses, problemSchema } from '../platform/http/schemas.js';
import { readSingleUpload } from '../platform/http/uploads.js';
import { processPhoto, type PhotoStore } from '../platform/images/photos.js';
import { renderInfoSheet } from './info-sheet.js';
import { receptionKinds } from './precincts.domain.js';
import * as imports from './precincts.import.js';
import {
  addressMatchSchema,
  addressSearchQuery,
  importConfirmSchema,
  importPreviewSchema,
  inspectorCardSchema,
  inspectorIdParams,
  inspectorListQuery,
  inspectorPatchBody,
  locateQuery,
  locateResponseSchema,
  normsSchema,
  precinctDetailSchema,
  precinctIdParams,
  precinctSummarySchema,
  receptionHoursBody,
  receptionPointSchema,
  sheetQuery,
  workloadResponseSchema,
} from './precincts.schema.js';
import * as service from './precincts.service.js';

const precinctEditors = { roles: ['editor', 'admin'], scope: 'any' } as const;
const cityEditors = { roles: ['editor', 'admin'], scope: 'city' } as const;
const admins = { roles: ['admin'], scope: 'city' } as const;
const uploadErrors = { ...errorResponses, 413: problemSchema, 415: problemSchema, 422: problemSchema } as const;

function publicCache(reply: FastifyReply, seconds = 30): void {
  reply.header('cache-control', `public, max-age=${seconds}`);
}

export const precinctsRoutes: FastifyPluginAsyncZod<{ db: Db; photos: PhotoStore; publicUrl?: string | undefined }> = async (app, { db, photos, publicUrl }) => {
  const baseUrl = (request: FastifyRequest) => publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;

  app.get(
    '/api/v1/precincts/locate',
    {
      config: { access: 'public' },
      schema: {
        tags: ['precincts'],
        summary: 'The precinct that contains a point, with its inspectors (422 outside_city when no precinct contains it)',
        querystring: locateQuery,
        response: { 200: locateResponseSchema, ...errorResponses, 422: problemSchema },
      },
    },
    (request, reply) => {
      publicCache(reply);
      reply.type('application/json; charset=utf-8');
      // Serialised by the service (checked against the schema once per precinct and opening change); most
      // points are answered from memory without a promise, the rest wait for the locator or PostGIS.
      const { lon, lat } = request.query;
      const cached = service.locateJsonCached(db, lon, lat);
      if (cached !== undefined) {
        reply.send(cached as never);
        return;
      }
      return service.locateJson(db, lon, lat).then((json) => {
        reply.send(json as never);
      });
    },
  );

  app.get(
    '/api/v1/precincts',
    {
      config: { access: 'public' },
      schema: { tags: ['precincts'], summary: 'Precincts with population and workload', querystring: z.object({ district: z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/).optional() }), response: { 200: z.object({ items: z.array(precinctSummarySchema) }) } },
    },
    async (request, reply) => {
      publicCache(reply);
      return { items: await service.listPrecincts(db, request.query.district) };
    },
  );

  app.get(
    '/api/v1/precincts.geojson',
    { config: { access: 'public' }, schema: { tags: ['precincts'], summary: 'Precinct outlines with load level, as GeoJSON' } },
    async (_request, reply) => {
      publicCache(reply, 60);
      reply.type('application/geo+json');
      return service.precinctsGeoJson(db);
    },
  );

  app.get(
    '/api/v1/precincts/workload',
    {
      config: { access: 'public' },
      schema: { tags: ['precincts'], summary: 'Residents per inspector for the city and each district against the norm (order No. 1026) and the council target (п.9)', response: { 200: workloadResponseSchema } },
    },
    async (_request, reply) => {
      publicCache(reply);
      return service.workloadReport(db);
    },
  );

  app.put(
    '/api/v1/precincts/workload/norms',
    { config: { access: admins }, schema: { tags: ['precincts'], summary: 'Set the workload norm and target (audited)', body: normsSchema, response: { 200: normsSchema, ...errorResponses } } },
    async (request) => service.setWorkloadNorms(db, actorOf(request), request.body),
  );

  app.get(
    '/api/v1/precincts/:id',
    { config: { access: 'public' }, schema: { tags: ['precincts'], summary: 'A precinct with its outline and inspectors', params: precinctIdParams, response: { 200: precinctDetailSchema, ...errorResponses } } },
    async (request, reply) => {
      publicCache(reply);
      return service.precinctDetail(db, request.params.id);
    },
  );

  app.get(
    '/api/v1/inspectors',
    { config: { access: 'public' }, schema: { tags: ['precincts'], summary: 'Precinct inspectors and their official contacts', querystring: inspectorListQuery, response: { 200: z.object({ items: z.array(inspectorCardSchema) }) } } },
    async (request, reply) => {
      publicCache(reply);
      return { items: await service.listInspectors(db, request.query) };
    },
  );

  app.get(
    '/api/v1/inspectors/:id',
    { config: { access: 'public' }, schema: { tags: ['precincts'], summary: "An inspector's card", params: inspectorIdParams, response: { 200: inspectorCardSchema, ...errorResponses } } },
    async (request, reply) => {
      publicCache(reply);
      return service.inspectorById(db, request.params.id);
    },
  );

  app.get(
    '/api/v1/inspectors/:id/photo.jpg',
    { config: { access: 'public' }, schema: { tags: ['precincts'], summary: "An inspector's portrait (JPEG, metadata stripped)", params: inspectorIdParams } },
    async (request, reply) => {
      const sha = await service.inspectorPhotoSha(db, request.params.id);
      const bytes = sha ? await service.inspectorPhoto(db, photos, request.params.id, sha) : null;
      if (!bytes) throw new AppError('not_found', 'this inspector has no photo');
      return reply.type('image/jpeg').header('cache-control', 'public, max-age=86400').send(bytes);
    },
  );

  app.get(
    '/api/v1/inspectors/:id/sheet.pdf',
    { config: { access: 'public' }, schema: { tags: ['precincts'], summary: "The printable A4 info sheet about an inspector, in Russian or Kazakh (п.22)", params: inspectorIdParams, querystring: sheetQuery } },
    async (request, reply) => {
      const card = await service.inspectorById(db, request.params.id);
      const lang = request.query.lang;
      const sha = await service.inspectorPhotoSha(db, card.id);
      const pdf = await renderInfoSheet({
        lang,
        inspector: {
          name: card.name[lang],
          rank: card.rank[lang],
          position: card.position[lang],
          phone: card.phone,
          photoJpeg: sha ? await service.inspectorPhoto(db, photos, card.id, sha) : null,
          messengers: card.messengers.map((m) => ({ kind: m.kind, handle: m.url })),
        },
        precinct: card.precinct ? { code: card.precinct.code, name: card.precinct.name[lang], districtName: card.district?.name[lang] ?? '' } : { code: '—', name: '—', districtName: card.district?.name[lang] ?? '' },
        reception: card.reception ? { address: card.reception.address[lang], hours: card.reception.hours, allDay: card.reception.allDay, note: null } : null,
        pageUrl: `${baseUrl(request)}/inspectors/${card.id}`,
        demo: card.synthetic,
      });
      return reply.type('application/pdf').header('content-disposition', `inline; filename="inspector-${card.precinct?.code ?? card.id}-${lang}.pdf"`).send(pdf);
    },
  );

  app.get(
    '/api/v1/reception-points',
    { config: { access: 'public' }, schema: { tags: ['precincts'], summary: 'Reception points: precinct offices, the 24-hour modular posts, front offices', querystring: z.object({ kind: z.enum(receptionKinds).optional() }), response: { 200: z.object({ items: z.array(receptionPointSchema) }) } } },
    async (request, reply) => {
      publicCache(reply);
      return { items: await service.listReceptionPoints(db, request.query.kind) };
    },
  );

  app.get(
    '/api/v1/addresses/search',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags: ['precincts'], summary: 'Find an address in the register (Russian, Kazakh or Latin spelling, abbreviations) and its precinct', querystring: addressSearchQuery, response: { 200: z.object({ items: z.array(addressMatchSchema) }), ...errorResponses } },
    },
    async (request, reply) => {
      publicCache(reply, 300);
      return { items: await service.searchAddresses(db, request.query.q) };
    },
  );

  // ---- Staff: editing and imports ----------------------------------------------------------

  app.patch(
    '/api/v1/inspectors/:id',
    { config: { access: precinctEditors }, schema: { tags: ['precincts'], summary: "Change an inspector's contacts or assignment, with a reason (audited)", params: inspectorIdParams, body: inspectorPatchBody, response: { 200: inspectorCardSchema, ...errorResponses } } },
    async (request) => service.patchInspector(db, actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/v1/inspectors/:id/photo',
    { config: { access: precinctEditors }, schema: { tags: ['precincts'], summary: "Replace an inspector's portrait (multipart field file; metadata stripped)", params: inspectorIdParams, consumes: ['multipart/form-data'], response: { 200: inspectorCardSchema, ...uploadErrors } } },
    async (request) => {
      await service.inspectorById(db, request.params.id);
      const file = await readSingleUpload(request, 'the portrait');
      const photo = await processPhoto(file.buffer, { maxEdge: 800 });
      await photos.put(photo.bytes, photo.sha256);
      return service.setInspectorPhoto(db, actorOf(request), request.params.id, photo.sha256);
    },
  );

  app.put(
    '/api/v1/reception-points/:id/hours',
    { config: { access: precinctEditors }, schema: { tags: ['precincts'], summary: 'Set the weekly hours and exceptions of a reception point (audited)', params: inspectorIdParams, body: receptionHoursBody, response: { 200: receptionPointSchema, ...errorResponses } } },
    async (request) => service.setReceptionHours(db, actorOf(request), request.params.id, request.body),
  );

  const importRoute = (path: string, what: string, preview: (buffer: Buffer, filename: string) => Promise<imports.ImportPreview>, confirm: (request: FastifyRequest, buffer: Buffer, filename: string) => Promise<{ saved: number; created: number; updated: number }>) => {
    app.post(
      `${path}/preview`,
      { config: { access: cityEditors }, schema: { tags: ['precincts'], summary: `Check ${what} (multipart field file): every row with its verdict; nothing is saved`, consumes: ['multipart/form-data'], response: { 200: importPreviewSchema, ...uploadErrors } } },
      async (request) => {
        const file = await readSingleUpload(request, what);
        return preview(file.buffer, file.filename);
      },
    );
    app.post(
      `${path}/confirm`,
      { config: { access: cityEditors }, schema: { tags: ['precincts'], summary: `Save ${what} all together (nothing is saved if any row is refused)`, consumes: ['multipart/form-data'], response: { 200: importConfirmSchema, ...uploadErrors } } },
      async (request) => {
        const file = await readSingleUpload(request, what);
        return confirm(request, file.buffer, file.filename);
      },
    );
  };
  importRoute('/api/v1/precincts/import', 'the precinct polygons (GeoJSON)', (b, f) => imports.previewPrecincts(db, b, f), (r, b, f) => imports.confirmPrecincts(db, actorOf(r), b, f));
  importRoute('/api/v1/inspectors/import', 'the inspectors file (CSV or XLSX)', (b, f) => imports.previewInspectors(db, b, f), (r, b, f) => imports.confirmInspectors(db, actorOf(r), b, f));
  importRoute('/api/v1/addresses/import', 'the address register (CSV or XLSX: street, house, lat, lon)', (b, f) => imports.previewAddresses(db, b, f), (r, b, f) => imports.confirmAddresses(db, actorOf(r), b, f));

  app.get(
    '/api/v1/inspectors/import/template.csv',
    { config: { access: cityEditors }, schema: { tags: ['precincts'], summary: 'The columns of an inspectors file, with an example row' } },
    async (_request, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="inspectors-template.csv"').send(`\uFEFF${imports.INSPECTOR_TEMPLATE_CSV}`),
  );
};
