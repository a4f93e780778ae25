import { z } from 'zod';
import { localizedTextSchema } from '../platform/http/schemas.js';
import { MAX_FINE_TENGE, towStatuses } from './towing.domain.js';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const registerTowBody = z
  .object({
    /** As the operator reads it off the car: 123 ABC 02 (Cyrillic look-alikes, spaces and case are fine). */
    plate: text(1, 20),
    /** Register a plate that fits no known format (a foreign or special plate) — say why. */
    plateOverride: z.object({ reason: text(5, 300) }).optional(),
    make: text(1, 60),
    colour: text(1, 40),
    place: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
    address: text(1, 300).optional(),
    towedAt: z.iso.datetime({ offset: true }),
    reasonCode: text(1, 60),
    /** Whole tenge. */
    fine: z.number().int('the fine is in whole tenge').min(0, 'the fine cannot be negative').max(MAX_FINE_TENGE, `a fine above ${MAX_FINE_TENGE} tenge is a typing error`),
    lotId: z.string().uuid('no such impound lot'),
    /** The tow truck's plate or number. */
    truck: text(1, 20),
    /** City accounts: the district of the tow (else the place's or the lot's). */
    districtId: text(1, 64).optional(),
  })
  .refine((b) => b.place !== undefined || b.address !== undefined, { message: 'give the place the car was towed from: a point on the map or an address', path: ['place'] });
export type RegisterTowBody = z.infer<typeof registerTowBody>;

export const towIdParams = z.object({ id: z.string().uuid() });
export const towPhotoParams = z.object({ id: z.string().uuid(), position: z.coerce.number().int().min(1).max(4) });
export const releaseBody = z.object({ releasedTo: text(2, 200), documents: text(2, 300) });
export const cancelBody = z.object({ reason: text(5, 500) });
export const callBody = z.object({ note: text(2, 500) });

const isoDate = z.iso.date();
export const towListQuery = z.object({ day: isoDate.optional(), toCall: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')) });
export const figuresQuery = z
  .object({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'the period must end after it starts', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: 'at most a year at a time', path: ['to'] });

export const templateParams = z.object({ purpose: z.enum(['notice', 'released']), lang: z.enum(['ru', 'kk']) });
export const templateBody = z.object({ text: z.string().trim().min(10).max(500) });

export const lookupBody = z
  .object({
    plate: text(1, 20).optional(),
    /** The token of the SMS link, in place of the plate. */
    token: z.string().regex(/^[0-9A-Za-z]{8}$/, 'the link is not a tow link').optional(),
    code: z.string().regex(/^\d{6}$/, 'the code from the SMS is six digits').optional(),
    phoneLast4: z.string().regex(/^\d{4}$/, 'give the last four digits of the phone').optional(),
  })
  .refine((b) => b.plate !== undefined || b.token !== undefined, { message: 'give the plate', path: ['plate'] })
  .refine((b) => (b.code === undefined) !== (b.phoneLast4 === undefined), { message: 'give the code from the SMS or the last four digits of the phone', path: ['code'] });

const lotPublicSchema = z.object({ name: localizedTextSchema, address: localizedTextSchema, hours: localizedTextSchema, phone: z.string(), lon: z.number(), lat: z.number() });

export const lotSchema = lotPublicSchema.extend({ id: z.string(), code: z.string(), districtId: z.string().nullable(), synthetic: z.boolean(), active: z.boolean() }).meta({ id: 'ImpoundLot' });

/** What the owner sees: the car, the lot, the reason and the fine — nothing about any person. */
export const lookupResultSchema = z
  .object({
    plate: z.string(),
    make: z.string(),
    colour: z.string(),
    status: z.enum(towStatuses),
    towedAt: z.string(),
    atLotAt: z.string().nullable(),
    releasedAt: z.string().nullable(),
    fine: z.number(),
    reason: z.object({ code: z.string(), article: localizedTextSchema, text: localizedTextSchema }).nullable(),
    lot: lotPublicSchema.nullable(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'TowLookupResult' });

export const reasonSchema = z.object({ code: z.string(), article: localizedTextSchema, text: localizedTextSchema, synthetic: z.boolean() }).meta({ id: 'TowReason' });

export const templateSchema = z
  .object({
    purpose: z.enum(['notice', 'released']),
    lang: z.enum(['ru', 'kk']),
    text: z.string(),
    isDefault: z.boolean(),
    /** The text the service ships with, to go back to. */
    defaultText: z.string(),
    fields: z.array(z.string()),
    preview: z.object({ text: z.string(), encoding: z.enum(['gsm7', 'ucs2']), units: z.number(), segments: z.number(), perSegment: z.number() }),
  })
  .meta({ id: 'TowTemplate' });

export const registryImportSchema = z
  .object({
    rows: z.number().int(),
    imported: z.number().int(),
    rejected: z.number().int(),
    rejectsByReason: z.record(z.string(), z.number().int()),
    examples: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  })
  .meta({ id: 'VehicleRegistryImport' });

const messageStateSchema = z.object({ status: z.enum(['queued', 'sending', 'sent', 'delivered', 'failed', 'expired']), attempts: z.number().int(), sentAt: z.string().nullable(), deliveredAt: z.string().nullable(), failureReason: z.string().nullable() });

/** A tow as the staff lists show it. The owner's phone is never in it; who collected the car is, for staff. */
export const towSummarySchema = z
  .object({
    id: z.string(),
    plate: z.string(),
    plateFormat: z.string(),
    make: z.string(),
    colour: z.string(),
    towedAt: z.string(),
    towedFromAddress: z.string().nullable(),
    status: z.enum(towStatuses),
    districtId: z.string(),
    lot: z.object({ code: z.string(), name: localizedTextSchema }).nullable(),
    reasonCode: z.string(),
    reasonArticle: localizedTextSchema.nullable(),
    fine: z.number().int(),
    truck: z.string(),
    ownerContact: z.enum(['registry', 'none']),
    message: messageStateSchema.nullable(),
    toCall: z.boolean().describe('the owner has not been reached (no contact, or the SMS failed or expired) and nobody has called'),
    calledAt: z.string().nullable(),
    photos: z.number().int(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'TowSummary' });

export const towListSchema = z.object({ day: z.string(), items: z.array(towSummarySchema) }).meta({ id: 'TowList' });
export const callListSchema = z.object({ items: z.array(towSummarySchema) }).meta({ id: 'TowCallList' });

export const towDetailSchema = towSummarySchema
  .extend({
    plateAsWritten: z.string(),
    plateOverrideReason: z.string().nullable(),
    place: z.object({ lon: z.number(), lat: z.number() }).nullable(),
    reason: z.object({ code: z.string(), article: localizedTextSchema, text: localizedTextSchema }).nullable(),
    lotDetail: lotPublicSchema.extend({ code: z.string() }).nullable(),
    atLotAt: z.string().nullable(),
    releasedAt: z.string().nullable(),
    releasedTo: z.string().nullable(),
    releaseDocuments: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    callNote: z.string().nullable(),
    messageEvents: z.array(z.object({ at: z.string(), kind: z.string(), purpose: z.string(), providerStatus: z.string().nullable(), attempt: z.number().int().nullable(), detail: z.string().nullable() })),
  })
  .meta({ id: 'TowDetail' });

export const figuresSchema = z
  .object({
    days: z.array(
      z.object({
        day: z.string(),
        tows: z.number().int(),
        notified: z.number().int(),
        delivered: z.number().int(),
        deliveredShare: z.number().nullable(),
        medianSecondsToDelivery: z.number().nullable(),
        toCall: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'TowFigures' });

export const templatePreviewSchema = z
  .object({ text: z.string(), encoding: z.enum(['gsm7', 'ucs2']), units: z.number(), segments: z.number(), perSegment: z.number(), unknownPlaceholders: z.array(z.string()), missing: z.array(z.string()) })
  .meta({ id: 'TowTemplatePreview' });
