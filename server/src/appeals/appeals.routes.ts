import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import { actorOf, principalOf } from '../platform/auth/auth.plugin.js';
import type { Principal } from '../platform/auth/roles.js';
import type { Db } from '../platform/db/db.js';
import { AppError } from '../platform/errors.js';
import { errorResponses, problemSchema } from '../platform/http/schemas.js';
import { readJsonWithPhotos } from '../platform/http/json-with-photos.js';
import type { PhotoStore, ProcessedPhoto } from '../platform/images/photos.js';
import { MAX_DESCRIPTION_CHARS, MAX_PHOTOS } from './appeals.domain.js';
import {
  adoptBody,
  answerBody,
  apiKeyCreateBody,
  apiKeyCreatedSchema,
  apiKeySchema,
  appealCategorySchema,
  appealSubmitBody,
  categoryPatchBody,
  contestBody,
  drugAdvertStatsSchema,
  photoParams,
  publicAppealListQuery,
  publicAppealListSchema,
  publicAppealSchema,
  ratingBody,
  ratingResponseSchema,
  removalBody,
  routeBody,
  staffAppealSchema,
  staffQueueQuery,
  staffQueueSchema,
  statusBody,
  submitResponseSchema,
  supportBody,
  supportChallengeSchema,
  supportConfirmBody,
  trackingCodeParams,
  visibilityBody,
  type SubmitBody,
} from './appeals.schema.js';
import * as service from './appeals.service.js';

const handlers = { roles: ['inspector', 'editor', 'admin'], scope: 'any' } as const;
const admins = { roles: ['admin'], scope: 'city' } as const;
const uploadErrors = { ...errorResponses, 413: problemSchema, 415: problemSchema, 422: problemSchema, 429: problemSchema } as const;

/** Reads the submission: multipart (field `appeal` = JSON, files `photo` ×≤4) or a plain JSON body. */
function readSubmission(request: FastifyRequest): Promise<{ body: SubmitBody; photos: ProcessedPhoto[] }> {
  return readJsonWithPhotos(request, {
    field: 'appeal',
    schema: appealSubmitBody,
    maxPhotos: MAX_PHOTOS,
    tooLong: { field: 'description', message: `a description is at most ${MAX_DESCRIPTION_CHARS} characters` },
  });
}

export const appealsRoutes: FastifyPluginAsyncZod<{ db: Db; photos: PhotoStore; submitLimit: number }> = async (app, { db, photos, submitLimit }) => {
  app.get(
    '/api/v1/appeal-categories',
    { config: { access: 'public' }, schema: { tags: ['appeals'], summary: 'Categories of appeals with their responsible unit and answer deadline', response: { 200: z.object({ items: z.array(appealCategorySchema) }) } } },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      const all = request.principal?.role === 'admin';
      return { items: (await service.listCategories(db, all)).map(service.categoryView) };
    },
  );

  app.post(
    '/api/v1/appeals',
    {
      config: { access: 'public', rateLimit: { max: submitLimit, timeWindow: '1 hour' } },
      schema: {
        tags: ['appeals'],
        summary: 'File an appeal: JSON, or multipart with the field `appeal` (JSON) and up to 4 files `photo`. Answers the tracking code and the resident key (shown once).',
        consumes: ['application/json', 'multipart/form-data'],
        response: { 201: submitResponseSchema, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const { body, photos: processed } = await readSubmission(request);
      for (const p of processed) await photos.put(p.bytes, p.sha256);
      const result = await service.submitAppeal(db, body, processed, { source: 'web' });
      return reply.code(201).send({
        code: result.appeal.code,
        residentKey: result.residentKey,
        status: result.appeal.status,
        deadlineAt: result.appeal.deadlineAt.toISOString(),
        trackUrl: `/appeals/${result.appeal.code}`,
        precinct: result.precinct,
        unit: result.appeal.unit,
      });
    },
  );

  app.get(
    '/api/v1/appeals',
    { config: { access: 'public' }, schema: { tags: ['appeals'], summary: 'Public list of appeals and proposals (masked text, rounded places, no contacts)', querystring: publicAppealListQuery, response: { 200: publicAppealListSchema, ...errorResponses } } },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=5');
      return service.listPublicAppeals(db, request.query);
    },
  );

  app.get(
    '/api/v1/appeals/drug-adverts/stats',
    { config: { access: 'public' }, schema: { tags: ['appeals'], summary: 'Drug adverts reported and removed per month (п.3)', response: { 200: drugAdvertStatsSchema } } },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return service.drugAdvertStats(db);
    },
  );

  app.get(
    '/api/v1/appeals/:code',
    { config: { access: 'public' }, schema: { tags: ['appeals'], summary: 'Follow an appeal by its tracking code: status, timeline and answer', params: trackingCodeParams, response: { 200: publicAppealSchema, ...errorResponses } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-cache');
      return service.publicAppeal(db, request.params.code);
    },
  );

  app.get(
    '/api/v1/appeals/:code/photos/:ord',
    { config: { access: 'public' }, schema: { tags: ['appeals'], summary: "An appeal's photo (metadata stripped); public for drug adverts, otherwise staff only", params: photoParams } },
    async (request, reply) => {
      const sha = await service.publicPhoto(db, request.params.code, request.params.ord, request.principal !== null);
      const bytes = await photos.read(sha);
      if (!bytes) throw new AppError('not_found', 'the photo file is missing');
      return reply.type('image/jpeg').header('cache-control', request.principal ? 'private, max-age=3600' : 'public, max-age=3600').send(bytes);
    },
  );

  app.post(
    '/api/v1/appeals/:code/rating',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { tags: ['appeals'], summary: 'The resident rates the answer (1–5) with their key; answers a trust-survey link', params: trackingCodeParams, body: ratingBody, response: { 200: ratingResponseSchema, ...errorResponses, 409: problemSchema } } },
    async (request) => service.rateAppeal(db, request.params.code, request.body.key, request.body.rating),
  );

  app.post(
    '/api/v1/appeals/:code/contest',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { tags: ['appeals'], summary: 'The resident contests the answer once, with their key; it reopens for a supervisor', params: trackingCodeParams, body: contestBody, response: { 200: publicAppealSchema, ...errorResponses, 409: problemSchema } } },
    async (request) => service.contestAppeal(db, request.params.code, request.body.key, request.body.reason),
  );

  app.post(
    '/api/v1/appeals/:code/supports',
    { config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } }, schema: { tags: ['appeals'], summary: 'Support a proposal: a signed-in account at once; a phone or e-mail gets a code to confirm', params: trackingCodeParams, body: supportBody, response: { 200: supportChallengeSchema, ...errorResponses, 409: problemSchema, 429: problemSchema } } },
    async (request) => service.requestSupport(db, request.params.code, request.body.contact, request.principal),
  );

  app.post(
    '/api/v1/appeals/:code/supports/confirm',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } }, schema: { tags: ['appeals'], summary: 'Confirm a support with the code that was sent', params: trackingCodeParams, body: supportConfirmBody, response: { 200: supportChallengeSchema, ...errorResponses, 409: problemSchema, 429: problemSchema } } },
    async (request) => service.confirmSupport(db, request.params.code, request.body.challengeId, request.body.code),
  );

  // ---- Staff ----------------------------------------------------------------------------------

  app.get(
    '/api/v1/appeal-units',
    { config: { access: handlers }, schema: { tags: ['appeals'], summary: 'Units an appeal can be routed to', response: { 200: z.object({ items: z.array(z.object({ unit: z.string(), name: z.object({ ru: z.string(), kk: z.string(), en: z.string() }), districtId: z.string().nullable() })) }), ...errorResponses } } },
    async () => ({ items: await service.appealUnits(db) }),
  );

  app.get(
    '/api/v1/staff/appeals',
    { config: { access: handlers }, schema: { tags: ['appeals'], summary: "The account's appeal queues (inspector: own precinct; district staff: the district)", querystring: staffQueueQuery, response: { 200: staffQueueSchema, ...errorResponses } } },
    async (request) => service.staffQueue(db, principalOf(request), request.query),
  );

  app.get(
    '/api/v1/staff/appeals/:code',
    { config: { access: handlers }, schema: { tags: ['appeals'], summary: 'An appeal with its contact, internal notes and suggested duplicates', params: trackingCodeParams, response: { 200: staffAppealSchema, ...errorResponses } } },
    async (request) => service.staffAppeal(db, principalOf(request), request.params.code),
  );

  const staffAction = <B extends ZodType>(path: string, summary: string, body: B, run: (request: FastifyRequest, code: string, body: z.infer<B>) => Promise<z.infer<typeof staffAppealSchema>>) =>
    app.post(
      `/api/v1/staff/appeals/:code/${path}`,
      { config: { access: handlers }, schema: { tags: ['appeals'], summary, params: trackingCodeParams, body, response: { 200: staffAppealSchema, ...errorResponses, 409: problemSchema } } },
      async (request) => run(request, (request.params as { code: string }).code, request.body as z.infer<B>),
    );
  staffAction('route', 'Re-route an appeal to another unit, with a reason shown publicly', routeBody, (r, code, b) => service.routeTo(db, principalOf(r), actorOf(r), code, b.unit, b.reason));
  staffAction('status', 'Change the status (in progress, declined with reason, not our competence with the body that is, duplicate of, closed)', statusBody, (r, code, b) => service.changeStatus(db, principalOf(r), actorOf(r), code, b));
  staffAction('answer', 'Give the official answer (public)', answerBody, (r, code, b) => service.answerAppeal(db, principalOf(r), actorOf(r), code, b.answer));
  staffAction('visibility', "Hide or show the appeal's (masked) text publicly", visibilityBody, (r, code, b) => service.setVisibility(db, principalOf(r), actorOf(r), code, b.hidden, b.reason));
  staffAction('removal', 'Record that a drug advert was painted over or blocked (п.3)', removalBody, (r, code, b) => service.recordRemoval(db, principalOf(r), actorOf(r), code, b.removedOn, b.evidence));
  staffAction('adopt', 'Link a proposal to the recommendation, programme or measure that took it up', adoptBody, (r, code, b) => service.adoptProposal(db, principalOf(r), actorOf(r), code, b));

  // ---- Admin --------------------------------------------------------------------------------------

  app.patch(
    '/api/v1/admin/appeal-categories/:code',
    { config: { access: admins }, schema: { tags: ['appeals'], summary: "Change a category's deadline (working days) or switch it off", params: z.object({ code: z.string().regex(/^[a-z_]{2,64}$/) }), body: categoryPatchBody, response: { 200: appealCategorySchema, ...errorResponses } } },
    async (request) => service.patchCategory(db, actorOf(request), request.params.code, request.body),
  );

  app.get(
    '/api/v1/admin/open311-keys',
    { config: { access: admins }, schema: { tags: ['appeals'], summary: 'Open311 API keys (the keys themselves are never shown again)', response: { 200: z.object({ items: z.array(apiKeySchema) }), ...errorResponses } } },
    async () => ({ items: await service.listApiKeys(db) }),
  );

  app.post(
    '/api/v1/admin/open311-keys',
    { config: { access: admins }, schema: { tags: ['appeals'], summary: 'Issue an Open311 API key (shown once)', body: apiKeyCreateBody, response: { 201: apiKeyCreatedSchema, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await service.issueApiKey(db, actorOf(request), request.body.name)),
  );

  app.delete(
    '/api/v1/admin/open311-keys/:id',
    { config: { access: admins }, schema: { tags: ['appeals'], summary: 'Revoke an Open311 API key', params: z.object({ id: z.uuid() }), response: { 204: z.null(), ...errorResponses, 409: problemSchema } } },
    async (request, reply) => {
      await service.revokeApiKey(db, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
