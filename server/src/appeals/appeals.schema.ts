// The appeals API contract (web side; Open311 has its own format in open311/).
import { z } from 'zod';
import { localizedTextSchema } from '../platform/http/schemas.js';
import { appealKinds, appealStatuses, MAX_DESCRIPTION_CHARS, responsibleUnits } from './appeals.domain.js';

export const trackingCodeParams = z.object({ code: z.string().min(4).max(20) });
export const photoParams = trackingCodeParams.extend({ ord: z.coerce.number().int().min(0).max(9) });

export const appealCategorySchema = z
  .object({
    code: z.string(),
    kind: z.enum(appealKinds),
    name: localizedTextSchema,
    description: localizedTextSchema,
    group: z.string(),
    responsibleUnit: z.enum(responsibleUnits),
    deadlineDays: z.number().int(),
    needsPlace: z.boolean(),
    publicText: z.boolean(),
    sourceItem: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'AppealCategory' });

const contactSchema = z
  .object({
    name: z.string().trim().max(120).optional(),
    phone: z.string().trim().max(30).optional(),
    email: z.email('the e-mail address is not valid').max(200).optional(),
    lang: z.enum(['ru', 'kk', 'en']).default('ru'),
  })
  .meta({ id: 'AppealContact' });

/** What a resident submits (the JSON part of the multipart form, or the whole JSON body). */
export const appealSubmitBody = z
  .object({
    category: z.string({ error: 'choose a category' }).min(1, 'choose a category').max(64),
    description: z
      .string({ error: 'describe what happened' })
      .trim()
      .min(10, 'describe what happened in at least 10 characters')
      .max(MAX_DESCRIPTION_CHARS, `a description is at most ${MAX_DESCRIPTION_CHARS} characters`),
    lon: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
    address: z.string().trim().max(300).optional(),
    /** From the inspector card: used when no point is given. */
    precinctId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional(),
    contact: contactSchema.optional(),
    advert: z.object({ kind: z.enum(['graffiti', 'link']), url: z.string().trim().max(500).optional() }).optional(),
    /** Left empty by people; bots fill it. */
    website: z.string().max(0, 'leave this field empty').optional(),
  })
  .meta({ id: 'AppealSubmission' });

export const submitResponseSchema = z
  .object({
    code: z.string(),
    /** The resident's secret for rating and contesting: shown once, never stored in clear. */
    residentKey: z.string(),
    status: z.enum(appealStatuses),
    deadlineAt: z.string(),
    trackUrl: z.string(),
    precinct: z.object({ id: z.string(), code: z.string(), name: localizedTextSchema }).nullable(),
    unit: z.string().nullable(),
  })
  .meta({ id: 'AppealReceipt' });

export const timelineEventSchema = z
  .object({ at: z.string(), kind: z.string(), status: z.enum(appealStatuses).nullable(), unit: z.string().nullable(), note: z.string().nullable(), actorRole: z.string() })
  .meta({ id: 'AppealEvent' });

/** The public view: no contact, no exact address, text masked (or withheld). */
export const publicAppealSchema = z
  .object({
    code: z.string(),
    kind: z.enum(appealKinds),
    category: z.object({ code: z.string(), name: localizedTextSchema }),
    status: z.enum(appealStatuses),
    statusReason: z.string().nullable(),
    description: z.string().nullable(),
    textWithheld: z.enum(['hidden', 'category']).nullable(),
    place: z.object({ lon: z.number(), lat: z.number() }).nullable(),
    precinct: z.object({ id: z.string(), code: z.string(), name: localizedTextSchema }).nullable(),
    districtId: z.string().nullable(),
    unit: z.string().nullable(),
    createdAt: z.string(),
    deadlineAt: z.string(),
    overdue: z.boolean(),
    answer: z.string().nullable(),
    answeredAt: z.string().nullable(),
    rating: z.number().int().nullable(),
    contested: z.boolean(),
    duplicateOf: z.string().nullable(),
    photos: z.array(z.object({ url: z.string(), width: z.number().int(), height: z.number().int(), evidence: z.boolean() })),
    advert: z.object({ kind: z.enum(['graffiti', 'link']), removedAt: z.string().nullable(), evidence: z.string().nullable() }).nullable(),
    supportCount: z.number().int(),
    adopted: z.object({ kind: z.enum(['recommendation', 'programme', 'measure']), ref: z.string() }).nullable(),
    timeline: z.array(timelineEventSchema),
    synthetic: z.boolean(),
  })
  .meta({ id: 'PublicAppeal' });

export const publicAppealListQuery = z.object({
  kind: z.enum(appealKinds).optional(),
  category: z.string().max(64).optional(),
  status: z.enum(appealStatuses).optional(),
  district: z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/).optional(),
  sort: z.enum(['recent', 'support']).default('recent'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export const publicAppealSummarySchema = publicAppealSchema
  .pick({ code: true, kind: true, category: true, status: true, description: true, textWithheld: true, place: true, districtId: true, createdAt: true, deadlineAt: true, overdue: true, supportCount: true, adopted: true, synthetic: true })
  .meta({ id: 'PublicAppealSummary' });
export const publicAppealListSchema = z.object({ items: z.array(publicAppealSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const ratingBody = z.object({ key: z.string().min(10).max(100), rating: z.number().int().min(1, 'rate from 1 to 5').max(5, 'rate from 1 to 5') });
export const ratingResponseSchema = z.object({ rating: z.number().int(), surveyUrl: z.string() });
export const contestBody = z.object({ key: z.string().min(10).max(100), reason: z.string().trim().min(10, 'say in at least 10 characters why the answer does not resolve it').max(2000) });

export const supportBody = z.object({ contact: z.string().trim().min(5).max(200).optional() });
export const supportChallengeSchema = z.object({ challengeId: z.string().nullable(), supportCount: z.number().int(), supported: z.boolean(), sentTo: z.string().nullable() });
export const supportConfirmBody = z.object({ challengeId: z.uuid(), code: z.string().regex(/^\d{6}$/, 'the code has 6 digits') });

// ---- Staff -----------------------------------------------------------------------------------

export const staffQueueQuery = z.object({
  queue: z.enum(['mine', 'unrouted', 'overdue', 'contested', 'drug_adverts', 'proposals', 'all']).default('mine'),
  status: z.enum(appealStatuses).optional(),
  category: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export const staffAppealSummarySchema = z
  .object({
    code: z.string(),
    kind: z.enum(appealKinds),
    categoryCode: z.string(),
    status: z.enum(appealStatuses),
    unit: z.string().nullable(),
    districtId: z.string().nullable(),
    precinctCode: z.string().nullable(),
    excerpt: z.string(),
    createdAt: z.string(),
    deadlineAt: z.string(),
    overdue: z.boolean(),
    contested: z.boolean(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'StaffAppealSummary' });
export const staffQueueSchema = z.object({ items: z.array(staffAppealSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), counts: z.record(z.string(), z.number().int()) });

export const staffAppealSchema = publicAppealSchema
  .extend({
    fullDescription: z.string(),
    hidden: z.boolean(),
    address: z.string().nullable(),
    exactPlace: z.object({ lon: z.number(), lat: z.number() }).nullable(),
    contact: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), lang: z.string() }),
    source: z.enum(['web', 'open311']),
    contestReason: z.string().nullable(),
    internalTimeline: z.array(timelineEventSchema.extend({ internalNote: z.string().nullable() })),
    duplicates: z.array(z.object({ code: z.string(), status: z.enum(appealStatuses), excerpt: z.string(), distanceM: z.number().nullable(), hoursApart: z.number(), score: z.number() })),
    /** For a drug link: the address to have blocked (staff only). */
    advertUrl: z.string().nullable(),
    allowed: z.object({
      route: z.boolean(),
      statuses: z.array(z.enum(appealStatuses)),
      answer: z.boolean(),
      supervise: z.boolean(),
      hide: z.boolean(),
      removal: z.boolean(),
      adopt: z.boolean(),
    }),
  })
  .meta({ id: 'StaffAppeal' });

export const routeBody = z.object({ unit: z.string().min(3).max(60), reason: z.string().trim().min(3, 'say why the appeal is re-routed').max(500) });
export const statusBody = z
  .object({
    status: z.enum(['in_progress', 'declined', 'not_competent', 'duplicate', 'closed']),
    reason: z.string().trim().max(1000).optional(),
    competentBody: z.string().trim().max(300).optional(),
    duplicateOf: z.string().max(20).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'AppealStatusChange' });
export const answerBody = z.object({ answer: z.string().trim().min(20, 'an official answer has at least 20 characters').max(8000) });
export const visibilityBody = z.object({ hidden: z.boolean(), reason: z.string().trim().min(3).max(500) });
export const removalBody = z.object({
  removedOn: z.iso.date(),
  evidence: z.string().trim().min(3, 'give a photo reference, an act number or the blocking request').max(500),
});
export const adoptBody = z.object({ kind: z.enum(['recommendation', 'programme', 'measure']), ref: z.string().trim().min(1).max(100) });

export const categoryPatchBody = z.object({ deadlineDays: z.number().int().min(1).max(60).optional(), active: z.boolean().optional() });

export const apiKeySchema = z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: z.string(), revokedAt: z.string().nullable(), lastUsedAt: z.string().nullable() }).meta({ id: 'Open311Key' });
export const apiKeyCreateBody = z.object({ name: z.string().trim().min(3).max(100) });
export const apiKeyCreatedSchema = apiKeySchema.extend({ key: z.string() });

export const drugAdvertStatsSchema = z
  .object({
    months: z.array(z.object({ month: z.string(), reported: z.number().int(), removed: z.number().int(), medianDaysToRemove: z.number().nullable() })),
    open: z.number().int(),
  })
  .meta({ id: 'DrugAdvertStats' });

export type SubmitBody = z.infer<typeof appealSubmitBody>;
