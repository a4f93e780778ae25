import { z } from 'zod';
import { localizedTextSchema } from '../platform/http/schemas.js';
import { taskViewSchema } from '../platform/tasks/tasks.schema.js';
import { FORECAST_METHODS } from './forecast/methods.js';

const column = z.string().trim().min(1).max(200);

export const importMappingSchema = z
  .object({
    format: z.enum(['csv', 'geojson']),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    time: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('timestamp'), column }),
      z.object({ kind: z.literal('parts'), date: column.optional(), year: column.optional(), month: column.optional(), day: column.optional(), hour: column.optional(), minute: column.optional() }),
    ]),
    midnightUnknown: z.boolean().optional(),
    category: column,
    place: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('lonlat'), lon: column, lat: column }),
      z.object({ kind: z.literal('xy'), x: column, y: column, crs: z.string().trim().min(1).max(500) }),
      z.object({ kind: z.literal('geometry') }),
    ]),
    externalId: column.optional(),
    district: column.optional(),
    cleared: z.object({ column, values: z.array(z.string().max(100)).min(1).max(20) }).optional(),
  })
  .meta({ id: 'IncidentImportMapping' });

export const datasetIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes, 2–41 characters');

export const datasetSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    public: z.boolean(),
    synthetic: z.boolean(),
    timeZone: z.string(),
    incidents: z.number().int(),
    firstAt: z.string().nullable(),
    lastAt: z.string().nullable(),
  })
  .meta({ id: 'CrimeDataset' });

export const datasetCreateBody = z.object({
  id: datasetIdSchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
  timeZone: z.string().trim().min(1).max(64).default('Asia/Almaty'),
  public: z.boolean().default(false),
});

export const datasetParams = z.object({ id: datasetIdSchema });

export const lineSchema = z.object({ code: z.string(), name: localizedTextSchema, againstPerson: z.boolean(), programmeCode: z.string().nullable() }).meta({ id: 'CrimeLine' });

export const categoryRowSchema = z.object({ sourceCategory: z.string(), lineCode: z.string().nullable(), incidents: z.number().int() }).meta({ id: 'CrimeCategoryMapping' });
export const categoryPutBody = z.object({ sourceCategory: z.string().trim().min(1).max(300), lineCode: z.string().trim().min(1).max(64).nullable() });

export const uploadSchema = z
  .object({
    uploadId: z.string(),
    fileName: z.string(),
    bytes: z.number().int(),
    format: z.enum(['csv', 'geojson']),
    header: z.array(z.string()),
    sample: z.array(z.array(z.string())),
    delimiter: z.string().nullable(),
  })
  .meta({ id: 'IncidentUpload' });

export const importStartBody = z.object({
  uploadId: z.string().uuid(),
  datasetId: datasetIdSchema,
  mapping: importMappingSchema,
  saveMappingAs: z.string().trim().min(1).max(100).optional(),
});


export const importViewSchema = z
  .object({
    id: z.string(),
    datasetId: z.string(),
    fileName: z.string(),
    fileBytes: z.number(),
    status: z.string(),
    rowsRead: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    rejectsByReason: z.record(z.string(), z.number()),
    rejectExamples: z.array(z.object({ row: z.number(), reason: z.string(), detail: z.string() })),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    task: taskViewSchema.nullable(),
  })
  .meta({ id: 'IncidentImport' });

export const mappingSchema = z.object({ name: z.string(), mapping: importMappingSchema, updatedAt: z.string() }).meta({ id: 'SavedImportMapping' });
export const mappingPutBody = z.object({ mapping: importMappingSchema });
export const mappingParams = z.object({ name: z.string().trim().min(1).max(100) });

const isoDate = z.iso.date();
const csvList = (max: number) =>
  z
    .string()
    .max(2000)
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean).slice(0, max) : []));

export const incidentQuery = z.object({
  dataset: datasetIdSchema,
  from: isoDate.optional(),
  to: isoDate.optional(),
  lines: csvList(40),
  /** Hours of day (local), e.g. "22,23,0,1". */
  hours: csvList(24).pipe(z.array(z.string().regex(/^\d{1,2}$/, 'hours 0–23').transform(Number).pipe(z.number().int().min(0).max(23)))),
  /** ISO weekdays 1 = Monday … 7 = Sunday. */
  weekdays: csvList(7).pipe(z.array(z.string().regex(/^\d$/, 'weekdays 1–7').transform(Number).pipe(z.number().int().min(1).max(7)))),
  period: z.enum(['all', 'day', 'night']).default('all'),
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'west,south,east,north in degrees')
    .optional()
    .transform((v) => (v ? (v.split(',').map(Number) as [number, number, number, number]) : undefined)),
  zoom: z.coerce.number().int().min(0).max(22).default(12),
});

export const compstatQuery = z.object({
  dataset: datasetIdSchema,
  lines: csvList(40),
  from1: isoDate,
  to1: isoDate,
  from2: isoDate,
  to2: isoDate,
});

const methodSpec = z.object({
  method: z.enum(FORECAST_METHODS as unknown as ['naive', 'kde', 'prospective', 'sepp']),
  params: z
    .object({
      bandwidth: z.number().min(10).max(5000).optional(),
      radius: z.number().min(10).max(5000).optional(),
      weeks: z.number().int().min(1).max(52).optional(),
      iterations: z.number().int().min(1).max(500).optional(),
    })
    .default({}),
});

export const forecastStartBody = z.object({
  dataset: datasetIdSchema,
  lines: z.array(z.string().max(64)).max(40).default([]),
  method: methodSpec.shape.method,
  params: methodSpec.shape.params,
  /** The forecast origin (default: now, or the dataset's last incident when it is older). */
  origin: z.iso.datetime({ offset: true }).optional(),
  horizonDays: z.number().min(1 / 24).max(366).default(1),
  lookbackDays: z.number().min(1).max(3660).optional(),
  cellSize: z.number().min(25).max(2000).default(150),
});

export const backtestStartBody = z.object({
  dataset: datasetIdSchema,
  lines: z.array(z.string().max(64)).max(40).default([]),
  start: isoDate,
  end: isoDate,
  horizonDays: z.number().min(1 / 24).max(366).default(7),
  lookbackDays: z.number().min(1).max(3660).optional(),
  cellSize: z.number().min(25).max(2000).default(150),
  methods: z.array(methodSpec).min(1).max(8),
});

export const idParams = z.object({ id: z.string().uuid() });

export const methodChoiceBody = z.object({ method: methodSpec.shape.method, params: methodSpec.shape.params, backtestId: z.string().uuid().nullable().default(null) });
export const methodChoiceParams = z.object({ dataset: datasetIdSchema, line: z.string().min(1).max(64) });

export const publicMapQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  line: z.string().max(64).optional(),
});
