import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/db.js';
import { errorResponses } from '../http/schemas.js';
import { listAudit, presentAuditEntry, verifyAuditChain } from './audit.service.js';

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    actor: z.object({ role: z.string(), unit: z.string() }),
    before: z.unknown(),
    after: z.unknown(),
    hash: z.string(),
    prevHash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/audit',
    {
      config: { access: 'public' },
      schema: {
        tags: ['audit'],
        summary: 'The public audit log, newest first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          before: z.coerce.number().int().min(1).optional(),
          entity: z.string().max(64).optional(),
          entityId: z.string().max(128).optional(),
        }),
        response: { 200: z.object({ items: z.array(auditEntrySchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: (await listAudit(db, request.query)).map(presentAuditEntry) }),
  );

  app.get(
    '/api/v1/audit/verify',
    {
      // Recomputing the chain reads the whole log, so the public may ask only a few times a minute.
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['audit'],
        summary: 'Recompute the hash chain; names the first broken entry, or the head (seq, hash) to compare with later',
        response: {
          200: z.union([
            z.object({ valid: z.literal(true), entries: z.number().int(), head: z.object({ seq: z.number().int(), hash: z.string() }).nullable() }),
            z.object({
              valid: z.literal(false),
              entries: z.number().int(),
              firstBroken: z.object({ seq: z.number().int(), reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap']) }),
            }),
          ]),
        },
      },
    },
    async () => verifyAuditChain(db),
  );
};
