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

const mapConfigSchema = z
  .object({
    /** An XYZ raster tile URL template when the deployment has a tile server; maps draw without one. */
    tileUrl: z.string().nullable(),
    tileAttribution: z.string().nullable(),
    center: z.object({ lon: z.number(), lat: z.number() }),
    zoom: z.number(),
  })
  .meta({ id: 'MapConfig' });

export const geographyRoutes: FastifyPluginAsyncZod<{ db: Db; tileUrl?: string | undefined; tileAttribution?: string | undefined }> = async (app, { db, tileUrl, tileAttribution }) => {
  app.get(
    '/api/v1/map-config',
    {
      config: { access: 'public' },
      schema: { tags: ['geography'], summary: 'How the web maps draw: the optional base-map tile URL and the starting view', response: { 200: mapConfigSchema } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { tileUrl: tileUrl ?? null, tileAttribution: tileAttribution ?? null, center: { lon: 76.92, lat: 43.25 }, zoom: 11 };
    },
  );

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
