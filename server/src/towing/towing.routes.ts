import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, principalOf } from '../platform/auth/auth.plugin.js';
import type { Db } from '../platform/db/db.js';
import { AppError } from '../platform/errors.js';
import { readJsonWithPhotos } from '../platform/http/json-with-photos.js';
import { errorResponses, problemSchema } from '../platform/http/schemas.js';
import { readSingleUpload } from '../platform/http/uploads.js';
import type { PhotoStore } from '../platform/images/photos.js';
import { MAX_TOW_PHOTOS } from './towing.domain.js';
import { importRegistryCsv, type VehicleRegistry } from './towing.registry.js';
import {
  callBody,
  callListSchema,
  cancelBody,
  figuresQuery,
  figuresSchema,
  lookupBody,
  lookupResultSchema,
  lotSchema,
  reasonSchema,
  registerTowBody,
  registryImportSchema,
  releaseBody,
  templateBody,
  templateParams,
  templatePreviewSchema,
  templateSchema,
  towDetailSchema,
  towIdParams,
  towListQuery,
  towListSchema,
  towPhotoParams,
} from './towing.schema.js';
import * as service from './towing.service.js';

const operators = { roles: ['tow_operator', 'admin'], scope: 'any' } as const;
/** Who follows tows: the operators, the duty officers (dispatchers) who call owners, and admins. */
const followers = { roles: ['tow_operator', 'dispatcher', 'admin'], scope: 'any' } as const;
const figureReaders = { roles: ['tow_operator', 'dispatcher', 'analyst', 'council', 'admin'], scope: 'any' } as const;
const admins = { roles: ['admin'], scope: 'city' } as const;
const uploadErrors = { ...errorResponses, 413: problemSchema, 415: problemSchema, 422: problemSchema } as const;

export interface TowingRoutesOptions {
  db: Db;
  photos: PhotoStore;
  publicUrl: string;
  registry?: VehicleRegistry;
  /** Wrong-code guesses per address before a pause (the per-plate limit is in the database). */
  lookupLimit: number;
}

export const towingRoutes: FastifyPluginAsyncZod<TowingRoutesOptions> = async (app, { db, photos, publicUrl, registry, lookupLimit }) => {
  const context = { publicUrl, ...(registry ? { registry } : {}) };

  app.get(
    '/api/v1/towing/lots',
    { config: { access: 'public' }, schema: { tags: ['towing'], summary: 'Impound lots: address, hours, phone, place', response: { 200: z.array(lotSchema) } } },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return service.listLots(db);
    },
  );

  app.get(
    '/api/v1/towing/reasons',
    { config: { access: followers }, schema: { tags: ['towing'], summary: 'Why a car may be towed: the article of the Code of Administrative Offences', response: { 200: z.array(reasonSchema), ...errorResponses } } },
    async () => service.listReasons(db),
  );

  app.post(
    '/api/v1/towing/tows',
    {
      config: { access: operators },
      schema: {
        tags: ['towing'],
        summary: 'Register a tow: JSON, or multipart with the field `tow` (JSON) and up to 4 files `photo`. The owner’s SMS is queued in the same transaction, or the tow is flagged for a call.',
        consumes: ['application/json', 'multipart/form-data'],
        response: { 201: towDetailSchema.extend({ smsQueued: z.boolean() }), ...uploadErrors },
      },
    },
    async (request, reply) => {
      const { body, photos: processed } = await readJsonWithPhotos(request, {
        field: 'tow',
        schema: registerTowBody,
        maxPhotos: MAX_TOW_PHOTOS,
        tooLong: { field: 'tow', message: 'the tow form is too long' },
      });
      // Photos are written first (content-addressed, harmless if the tow is then refused).
      for (const p of processed) await photos.put(p.bytes, p.sha256);
      const { tow, smsQueued } = await service.registerTow(db, principalOf(request), body, processed, context);
      const detail = await service.towDetail(db, principalOf(request), tow.id);
      return reply.code(201).send({ ...detail, smsQueued });
    },
  );

  app.get(
    '/api/v1/towing/tows',
    { config: { access: followers }, schema: { tags: ['towing'], summary: "A day's tows (default today, Almaty time) with their SMS status; toCall=true for the owners not reached", querystring: towListQuery, response: { 200: towListSchema, ...errorResponses } } },
    async (request) => service.listTows(db, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/towing/call-list',
    { config: { access: followers }, schema: { tags: ['towing'], summary: 'Tows whose owner has not been reached (no contact, SMS failed or expired) and nobody has called', response: { 200: callListSchema, ...errorResponses } } },
    async (request) => ({ items: await service.callList(db, principalOf(request)) }),
  );

  app.get(
    '/api/v1/towing/tows/:id',
    { config: { access: followers }, schema: { tags: ['towing'], summary: 'A tow with every step of its messages', params: towIdParams, response: { 200: towDetailSchema, ...errorResponses } } },
    async (request) => service.towDetail(db, principalOf(request), request.params.id),
  );

  app.get(
    '/api/v1/towing/tows/:id/photos/:position',
    { config: { access: followers }, schema: { tags: ['towing'], summary: "A tow's photo (metadata stripped)", params: towPhotoParams } },
    async (request, reply) => {
      const hash = await service.towPhotoHash(db, principalOf(request), request.params.id, request.params.position);
      const bytes = await photos.read(hash);
      if (!bytes) throw new AppError('not_found', 'the photo file is missing');
      return reply.type('image/jpeg').header('cache-control', 'private, max-age=3600').send(bytes);
    },
  );

  const step = <B extends z.ZodType>(path: string, summary: string, body: B, run: (request: FastifyRequest, id: string, body: z.infer<B>) => Promise<unknown>) =>
    app.post(path, { config: { access: path.endsWith('/call') ? followers : operators }, schema: { tags: ['towing'], summary, params: towIdParams, body, response: { 200: towDetailSchema, ...errorResponses, 409: problemSchema } } }, async (request) => {
      await run(request, (request.params as { id: string }).id, request.body as z.infer<B>);
      return service.towDetail(db, principalOf(request), (request.params as { id: string }).id);
    });
  step('/api/v1/towing/tows/:id/at-lot', 'The car has arrived at the impound lot', z.object({}).optional(), (request, id) => service.changeTow(db, principalOf(request), id, 'at_lot', {}));
  step('/api/v1/towing/tows/:id/release', 'The car was released: to whom and which documents were checked', releaseBody, (request, id, body) => service.changeTow(db, principalOf(request), id, 'release', body));
  step('/api/v1/towing/tows/:id/cancel', 'Cancel a tow, with the reason', cancelBody, (request, id, body) => service.changeTow(db, principalOf(request), id, 'cancel', body));
  step('/api/v1/towing/tows/:id/call', 'The duty officer called the owner', callBody, (request, id, body) => service.recordCall(db, principalOf(request), id, body.note));

  app.get(
    '/api/v1/towing/figures',
    { config: { access: figureReaders }, schema: { tags: ['towing'], summary: 'Per day: tows, SMS queued and delivered, the share delivered, the median time to delivery, owners to call', querystring: figuresQuery, response: { 200: figuresSchema, ...errorResponses } } },
    async (request) => ({ days: await service.dailyFigures(db, principalOf(request), request.query) }),
  );

  app.get(
    '/api/v1/towing/templates',
    { config: { access: admins }, schema: { tags: ['towing'], summary: 'The SMS texts with their encoding and number of parts', response: { 200: z.array(templateSchema), ...errorResponses } } },
    async () => service.listTemplates(db, publicUrl),
  );

  app.put(
    '/api/v1/towing/templates/:purpose/:lang',
    { config: { access: admins }, schema: { tags: ['towing'], summary: 'Change an SMS text (audited)', params: templateParams, body: templateBody, response: { 200: templateSchema, ...errorResponses } } },
    async (request) => service.saveTemplate(db, principalOf(request), request.params.purpose, request.params.lang, request.body.text, publicUrl),
  );

  app.post(
    '/api/v1/towing/templates/:purpose/:lang/preview',
    { config: { access: admins }, schema: { tags: ['towing'], summary: 'How a text would go out: filled with sample values, its encoding, characters and parts; unknown or missing placeholders', params: templateParams, body: templateBody, response: { 200: templatePreviewSchema, ...errorResponses } } },
    async (request) => service.previewTemplate(db, request.params.purpose, request.params.lang, request.body.text, publicUrl),
  );

  app.post(
    '/api/v1/towing/registry',
    { config: { access: admins }, schema: { tags: ['towing'], summary: 'Import the vehicle registry as CSV (plate, phone, lang): rows imported and rejected by reason', consumes: ['multipart/form-data'], response: { 200: registryImportSchema, ...uploadErrors } } },
    async (request) => {
      const file = await readSingleUpload(request, 'the registry CSV');
      return importRegistryCsv(db, actorOf(request), file.buffer);
    },
  );

  app.post(
    '/api/v1/towing/lookup',
    {
      config: { access: 'public', rateLimit: { max: lookupLimit, timeWindow: '10 minutes' } },
      schema: {
        tags: ['towing'],
        summary: 'Where is my car: the plate (or the SMS link) and the code from the SMS (or the last four digits of the owner’s phone). A wrong answer is the same whether the plate was towed or not.',
        body: lookupBody,
        response: { 200: lookupResultSchema, ...errorResponses, 429: problemSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.lookupTow(db, request.body);
    },
  );
};
