import { z } from 'zod';
import { auditEntrySchema } from '../platform/audit/audit.routes.js';
import { localizedTextSchema } from '../platform/http/schemas.js';
import { assessmentVerdicts, PERIOD_CODE_PATTERN, recommendationStatuses } from './oversight.domain.js';

export const statusSchema = z.enum(recommendationStatuses).meta({ id: 'RecommendationStatus' });
export const verdictSchema = z.enum(assessmentVerdicts).meta({ id: 'AssessmentVerdict' });
export const periodCodeSchema = z.string().regex(PERIOD_CODE_PATTERN, 'use the form YYYY-Qn, e.g. 2021-Q1');
/** п.N as written in a URL: 1–999, digits only (no 1e1, 0x18 or leading zeros). */
export const numberParams = z.object({
  number: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, 'use the item number, 1–999')
    .transform(Number),
});

const subItemSchema = z.object({ label: z.string().max(20), text: z.string().max(20_000) });
export const figureSchema = z
  .object({ id: z.string().optional(), value: z.number().finite(), unit: z.string().max(40).nullable(), counts: z.string().max(500), sentence: z.string().max(5000) })
  .meta({ id: 'Figure' });
const suggestionSchema = z.object({
  status: statusSchema,
  confidence: z.number().min(0).max(1),
  phrase: z.string().max(2000).nullable(),
  competence: z.string().max(200).nullable().optional(),
});

export const summarySchema = z
  .object({
    number: z.number().int(),
    title: z.string(),
    status: statusSchema,
    competence: z.string().nullable(),
    addressees: z.array(z.string()),
    topics: z.array(z.string()),
    latestPeriod: z.string().nullable(),
    assessment: verdictSchema.nullable(),
    source: z.enum(['imported', 'manual']),
  })
  .meta({ id: 'RecommendationSummary' });

export const listQuery = z.object({
  status: statusSchema.optional(),
  addressee: z.string().max(100).optional(),
  topic: z.string().max(64).optional(),
  period: periodCodeSchema.optional(),
  q: z.string().max(200).optional(),
});

export const listResponseSchema = z.object({
  items: z.array(summarySchema),
  counts: z.record(z.string(), z.number().int()),
  facets: z.object({ addressees: z.array(z.string()), topics: z.array(z.string()) }),
});

const assessmentSchema = z
  .object({ id: z.string(), verdict: verdictSchema, comment: z.string(), createdAt: z.string(), by: z.object({ role: z.string(), unit: z.string() }) })
  .meta({ id: 'Assessment' });

export const responseSchema = z
  .object({
    id: z.string(),
    period: z.object({ code: z.string(), label: localizedTextSchema }),
    text: z.string(),
    status: statusSchema,
    competence: z.string().nullable(),
    suggestion: z.object({ status: z.string(), confidence: z.number(), phrase: z.string().nullable() }).nullable(),
    figures: z.array(figureSchema),
    attachments: z.array(z.object({ name: z.string(), url: z.string() })),
    source: z.enum(['imported', 'manual']),
    createdAt: z.string(),
    updatedAt: z.string(),
    assessments: z.array(assessmentSchema),
  })
  .meta({ id: 'RecommendationResponse' });

export const detailSchema = summarySchema
  .extend({
    text: z.string(),
    subItems: z.array(subItemSchema),
    responses: z.array(responseSchema),
    history: z.array(auditEntrySchema),
  })
  .meta({ id: 'Recommendation' });

export const responseBody = z.object({
  periodCode: periodCodeSchema,
  text: z.string().trim().min(1, 'the response text is empty').max(50_000),
  status: statusSchema,
  competence: z.string().trim().min(1).max(200).nullish(),
});

export const assessmentBody = z.object({ verdict: verdictSchema, comment: z.string().max(5000).default('') });

export const recommendationPatchBody = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    text: z.string().trim().min(1).max(20_000).optional(),
    addressees: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
    topics: z.array(z.string().trim().min(1).max(64)).max(20).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const parsedItemSchema = z.object({
  number: z.number().int(),
  recommendation: z.string(),
  response: z.string(),
  subItems: z.array(subItemSchema),
  addressees: z.array(z.string()),
  suggestedStatus: suggestionSchema,
  figures: z.array(figureSchema),
});

export const previewResponseSchema = z.object({ title: z.string(), items: z.array(parsedItemSchema), warnings: z.array(z.string()), filename: z.string() });

export const confirmBody = z.object({
  periodCode: periodCodeSchema,
  commissionId: z.uuid().optional(),
  title: z.string().trim().min(1).max(2000),
  filename: z.string().max(300).nullish(),
  items: z
    .array(
      z.object({
        number: z.number().int().min(1).max(999),
        recommendation: z.string().trim().min(1, 'recommendation text is empty').max(20_000),
        response: z.string().max(100_000),
        status: statusSchema,
        competence: z.string().trim().max(200).nullish().transform((v) => v || null),
        subItems: z.array(subItemSchema).max(50).default([]),
        addressees: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
        figures: z.array(figureSchema).max(500).default([]),
        suggestedStatus: suggestionSchema.nullish().transform((v) => v ?? null),
      }),
    )
    .min(1, 'nothing to import')
    .max(500),
});
