// The precincts API contract: one Zod schema per answer, used for validation, types and OpenAPI.
import { z } from 'zod';
import { localizedTextSchema } from '../platform/http/schemas.js';
import { DATE_PATTERN, messengerKinds, receptionKinds, TIME_PATTERN } from './precincts.domain.js';

export const precinctIdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'use a precinct id such as almaly-014') });
export const inspectorIdParams = z.object({ id: z.uuid() });
export const sheetQuery = z.object({ lang: z.enum(['ru', 'kk']).default('ru') });

/** A point in the city; the bounds refuse swapped coordinates and typos early. */
export const locateQuery = z.object({
  lat: z.coerce.number().min(-90, 'lat must be between -90 and 90').max(90, 'lat must be between -90 and 90'),
  lon: z.coerce.number().min(-180, 'lon must be between -180 and 180').max(180, 'lon must be between -180 and 180'),
});

export const addressSearchQuery = z.object({ q: z.string().trim().min(2, 'type at least two characters of the address').max(200, 'an address is at most 200 characters') });

export const weeklyHoursSchema = z
  .object({ day: z.number().int().min(1).max(7), opens: z.string().regex(TIME_PATTERN, 'use HH:MM'), closes: z.string().regex(TIME_PATTERN, 'use HH:MM') })
  .meta({ id: 'WeeklyHours' });
export const hoursExceptionSchema = z
  .object({
    date: z.string().regex(DATE_PATTERN, 'use YYYY-MM-DD'),
    closed: z.boolean(),
    opens: z.string().regex(TIME_PATTERN, 'use HH:MM').nullish(),
    closes: z.string().regex(TIME_PATTERN, 'use HH:MM').nullish(),
    note: z.string().max(200).nullish(),
  })
  .meta({ id: 'HoursException' });
export const messengerSchema = z
  .object({ kind: z.enum(messengerKinds), url: z.url({ protocol: /^https?$/, error: 'use an http(s) link' }).max(300) })
  .meta({ id: 'MessengerLink' });

export const loadLevelSchema = z.enum(['within_target', 'within_norm', 'over_norm', 'severe', 'vacant', 'unknown']).meta({ id: 'LoadLevel' });

export const workloadSchema = z
  .object({
    population: z.number().int().nullable(),
    inspectors: z.number().int(),
    perInspector: z.number().int().nullable(),
    neededForNorm: z.number().int().nullable(),
    neededForTarget: z.number().int().nullable(),
    gapToNorm: z.number().int().nullable(),
    gapToTarget: z.number().int().nullable(),
    level: loadLevelSchema,
  })
  .meta({ id: 'Workload' });

export const receptionPointSchema = z
  .object({
    id: z.string(),
    kind: z.enum(receptionKinds),
    name: localizedTextSchema,
    address: localizedTextSchema,
    lon: z.number(),
    lat: z.number(),
    districtId: z.string().nullable(),
    phone: z.string().nullable(),
    allDay: z.boolean(),
    hours: z.array(weeklyHoursSchema),
    exceptions: z.array(hoursExceptionSchema),
    /** Open at the moment of the answer (Asia/Almaty), with today's hours. */
    openNow: z.boolean(),
    today: z.object({ opens: z.string(), closes: z.string() }).nullable(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'ReceptionPoint' });

export const districtRefSchema = z.object({ id: z.string(), name: localizedTextSchema, approximate: z.boolean() }).meta({ id: 'DistrictRef' });

export const precinctSummarySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: localizedTextSchema,
    district: districtRefSchema,
    population: z.number().int().nullable(),
    populationYear: z.number().int().nullable(),
    workload: workloadSchema,
    synthetic: z.boolean(),
  })
  .meta({ id: 'PrecinctSummary' });

/** The inspector card: official contacts are public by design (п.9, п.22). */
export const inspectorCardSchema = z
  .object({
    id: z.string(),
    name: localizedTextSchema,
    rank: localizedTextSchema,
    position: localizedTextSchema,
    phone: z.string(),
    messengers: z.array(messengerSchema),
    photoUrl: z.string().nullable(),
    sheetUrls: z.object({ ru: z.string(), kk: z.string() }),
    precinct: z.object({ id: z.string(), code: z.string(), name: localizedTextSchema }).nullable(),
    district: districtRefSchema.nullable(),
    reception: receptionPointSchema.nullable(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'InspectorCard' });

export const precinctDetailSchema = precinctSummarySchema
  .extend({
    inspectors: z.array(inspectorCardSchema),
    /** The precinct's outline (GeoJSON MultiPolygon, simplified). */
    geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.array(z.number())))) }),
  })
  .meta({ id: 'PrecinctDetail' });

/** The answer to "which precinct is this point in": the precinct, its inspectors and district. */
export const locateResponseSchema = z
  .object({ point: z.object({ lon: z.number(), lat: z.number() }), precinct: precinctSummarySchema, inspectors: z.array(inspectorCardSchema) })
  .meta({ id: 'LocateResult' });

export const addressMatchSchema = z
  .object({
    street: z.string(),
    house: z.string(),
    lon: z.number(),
    lat: z.number(),
    exact: z.boolean(),
    score: z.number(),
    precinct: z.object({ id: z.string(), code: z.string(), name: localizedTextSchema }).nullable(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'AddressMatch' });

export const normsSchema = z
  .object({
    norm: z.number().int().min(100).max(100_000),
    target: z.number().int().min(100).max(100_000),
  })
  .meta({ id: 'WorkloadNorms' });

export const workloadResponseSchema = z
  .object({
    norms: normsSchema,
    city: workloadSchema,
    districts: z.array(z.object({ district: districtRefSchema, workload: workloadSchema, precincts: z.number().int() })),
    /** The report's own figures (п.9), real and cited, shown next to the computed ones. */
    reported: z.object({ item: z.literal('п.9'), additionalNeeded: z.number().int(), perInspector2020: z.string(), normOrder: z.string() }),
    synthetic: z.boolean(),
  })
  .meta({ id: 'WorkloadReport' });

export const inspectorListQuery = z.object({
  district: z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/).optional(),
  q: z.string().trim().max(100).optional(),
});

export const inspectorPatchBody = z
  .object({
    phone: z.string().trim().min(5).max(30).optional(),
    messengers: z.array(messengerSchema).max(8).optional(),
    precinctId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).nullable().optional(),
    receptionPointId: z.uuid().nullable().optional(),
    active: z.boolean().optional(),
    reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(500),
  })
  .meta({ id: 'InspectorPatch' });

export const receptionHoursBody = z
  .object({ hours: z.array(weeklyHoursSchema).max(7), exceptions: z.array(hoursExceptionSchema).max(60), allDay: z.boolean() })
  .meta({ id: 'ReceptionHours' });

/** One row of an import preview: the verdict and, when refused, why and in which field. */
export const importRowSchema = z
  .object({ line: z.number().int(), key: z.string().nullable(), ok: z.boolean(), reason: z.string().nullable(), field: z.string().nullable(), change: z.enum(['new', 'update', 'same']).nullable() })
  .meta({ id: 'ImportRow' });
export const importPreviewSchema = z
  .object({ filename: z.string(), rows: z.array(importRowSchema), okCount: z.number().int(), badCount: z.number().int() })
  .meta({ id: 'ImportPreview' });
export const importConfirmSchema = z.object({ saved: z.number().int(), created: z.number().int(), updated: z.number().int() }).meta({ id: 'ImportResult' });

export type InspectorCard = z.infer<typeof inspectorCardSchema>;
export type PrecinctSummary = z.infer<typeof precinctSummarySchema>;
export type ReceptionPointView = z.infer<typeof receptionPointSchema>;
export type WorkloadReport = z.infer<typeof workloadResponseSchema>;
