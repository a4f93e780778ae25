import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/db.js';
import { localizedTextSchema } from '../http/schemas.js';
import { districtsGeoJson, listDistricts } from './geography.service.js';

const districtSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: localizedTextSchema,
    approximate: z.boolean(),
    population: z.number().int().nullable(),
    populationYear: z.number().int().nullable(),
  })
  .meta({ id: 'District' });

export const geographyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/districts',
    {
      config: { access: 'public' },
      schema: { tags: ['geography'], summary: 'District police departments', response: { 200: z.object({ items: z.array(districtSchema) }) } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { items: await listDistricts(db) };
    },
  );

  app.get(
    '/api/v1/districts.geojson',
    {
      config: { access: 'public' },
      schema: { tags: ['geography'], summary: 'District boundaries as GeoJSON (approximate in the demo)' },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300').type('application/geo+json');
      return districtsGeoJson(db);
    },
  );
};
