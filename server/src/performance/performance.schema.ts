import { z } from 'zod';
import { localizedTextSchema } from '../platform/http/schemas.js';
import {
  compstatWindows,
  directions,
  indicatorUnits,
  lights,
  measureStatuses,
  PERIOD_PATTERN,
  periodKinds,
  programmeKinds,
  surveyContexts,
  surveyScales,
  targetKinds,
  trustItems,
} from './performance.domain.js';

// ---- Shared pieces ---------------------------------------------------------------------------

export const periodCodeSchema = z
  .string()
  .trim()
  .regex(PERIOD_PATTERN, 'use a period such as 2021, 2021-Q1, 2021-03 or 2021-03-15');
/** A calendar date of this or the last century (year 0000 and the like are refused). */
export const cityDateSchema = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2100-12-31', 'use a date between 1900 and 2100');
export const lightSchema = z.enum(lights).meta({ id: 'Light' });
export const directionSchema = z.enum(directions).meta({ id: 'Direction' });
export const indicatorUnitSchema = z.enum(indicatorUnits).meta({ id: 'IndicatorUnit' });
export const programmeCodeParams = z.object({ code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use the programme code, e.g. safe-streets') });
export const idParams = z.object({ id: z.uuid() });
export const departmentIdSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, "use 'city' or a district id such as almaly");

/** The unit that owns an indicator: the city or one district department. */
export const departmentSchema = z.object({ id: z.string(), name: localizedTextSchema }).meta({ id: 'Department' });

export const officialSchema = z
  .object({ id: z.string(), name: z.string(), position: localizedTextSchema, department: departmentSchema, synthetic: z.boolean() })
  .meta({ id: 'Official' });

/** Amounts in tiyn (1/100 tenge), integers. */
export const budgetTotalsSchema = z
  .object({ plannedTiyn: z.number().int().nullable(), allocatedTiyn: z.number().int().nullable(), spentTiyn: z.number().int().nullable(), synthetic: z.boolean() })
  .meta({ id: 'BudgetTotals' });

export const lightCountsSchema = z.object(Object.fromEntries(lights.map((l) => [l, z.number().int()])) as Record<(typeof lights)[number], z.ZodNumber>);

const pointSchema = z.object({ period: z.string(), start: z.string(), end: z.string(), value: z.number() });

export const indicatorCardSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    department: departmentSchema,
    name: localizedTextSchema,
    unit: indicatorUnitSchema,
    direction: directionSchema,
    baseline: z.object({ period: z.string().nullable(), value: z.number() }).nullable(),
    target: z.object({ kind: z.enum(targetKinds), value: z.number(), effective: z.number().nullable(), date: z.string().nullable() }).nullable(),
    thresholds: z.object({ green: z.number(), amber: z.number() }),
    /** The latest value; for daily counts, the latest complete month summed (`rolledUp`). */
    current: pointSchema.extend({ source: z.string(), rolledUp: z.boolean() }).nullable(),
    achievement: z.number().nullable(),
    light: lightSchema,
    /** Values of the current value's granularity, oldest first (at most 24; the detail has them all). */
    trend: z.array(z.object({ period: z.string(), value: z.number() })),
    improvement: z.number().nullable(),
    /** Programme money spent per unit of improvement, in tiyn. */
    costPerPointTiyn: z.number().int().nullable(),
    dataSource: z.string(),
    sourceItem: z.string().nullable(),
    note: z.string(),
    programme: z.object({ code: z.string(), name: localizedTextSchema }).nullable(),
    official: officialSchema.nullable(),
    recommendationNumber: z.number().int().nullable(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'IndicatorCard' });

const valueRowSchema = z
  .object({
    id: z.string(),
    period: z.string(),
    kind: z.enum(periodKinds),
    start: z.string(),
    end: z.string(),
    value: z.number(),
    source: z.string(),
    note: z.string(),
    reason: z.string(),
    figureId: z.string().nullable(),
    enteredBy: z.object({ role: z.string(), unit: z.string() }),
    createdAt: z.string(),
    supersededAt: z.string().nullable(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'IndicatorValue' });

const historyRowSchema = valueRowSchema
  .extend({ replacedBy: z.object({ id: z.string(), value: z.number(), at: z.string(), reason: z.string() }).nullable() })
  .meta({ id: 'IndicatorValueHistory' });

export const compstatCellSchema = z
  .object({
    window: z.enum(compstatWindows),
    current: z.object({ start: z.string(), end: z.string(), count: z.number().nullable() }),
    prior: z.object({ start: z.string(), end: z.string(), count: z.number().nullable() }),
    change: z.number().nullable(),
    changePercent: z.number().nullable(),
    z: z.number().nullable(),
    significant: z.boolean(),
  })
  .meta({ id: 'CompstatCell' });

export const indicatorDetailSchema = indicatorCardSchema
  .extend({
    /** Every value ever entered, current and superseded, newest period first. */
    history: z.array(historyRowSchema),
    /** True when the history lists only the latest values (the open data has every one). */
    historyTruncated: z.boolean(),
    compstat: z.object({ asOf: z.string(), cells: z.array(compstatCellSchema) }).nullable(),
  })
  .meta({ id: 'IndicatorDetail' });

export const programmeSummarySchema = z
  .object({
    code: z.string(),
    kind: z.enum(programmeKinds),
    name: localizedTextSchema,
    description: localizedTextSchema,
    startsOn: z.string(),
    endsOn: z.string(),
    department: departmentSchema,
    sourceItem: z.string().nullable(),
    recommendationNumbers: z.array(z.number().int()),
    official: officialSchema.nullable(),
    budget: budgetTotalsSchema,
    lights: lightCountsSchema,
    indicatorCount: z.number().int(),
    measureCount: z.number().int(),
    declaredMeasureCount: z.number().int().nullable(),
  })
  .meta({ id: 'ProgrammeSummary' });

export const budgetLineSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    label: z.string(),
    plannedTiyn: z.number().int(),
    allocatedTiyn: z.number().int().nullable(),
    spentTiyn: z.number().int().nullable(),
    source: z.string(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'BudgetLine' });

export const measureSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    text: z.string(),
    executor: z.string(),
    deadline: z.string().nullable(),
    status: z.enum(measureStatuses),
    evidence: z.string(),
    sourceItem: z.string().nullable(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'Measure' });

export const programmeScorecardSchema = programmeSummarySchema
  .extend({ budgetLines: z.array(budgetLineSchema), measures: z.array(measureSchema), indicators: z.array(indicatorCardSchema) })
  .meta({ id: 'ProgrammeScorecard' });

// ---- Open data: indicators with all values ---------------------------------------------------

export const openIndicatorSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    department: departmentSchema,
    name: localizedTextSchema,
    unit: indicatorUnitSchema,
    direction: directionSchema,
    baseline: indicatorCardSchema.shape.baseline,
    target: indicatorCardSchema.shape.target,
    current: indicatorCardSchema.shape.current,
    achievement: z.number().nullable(),
    light: lightSchema,
    values: z.array(z.object({ period: z.string(), value: z.number(), source: z.string() })),
    source: z.string(),
    sourceItem: z.string().nullable(),
    programme: z.string().nullable(),
    recommendationNumber: z.number().int().nullable(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'OpenIndicator' });

export const indicatorListQuery = z.object({
  programme: z.string().max(64).optional(),
  department: departmentIdSchema.optional(),
  code: z.string().max(64).optional(),
  values: z.enum(['all', 'none']).default('all'),
});

// ---- Districts, officials, CompStat ----------------------------------------------------------

export const districtInfoSchema = z.object({
  id: z.string(),
  name: localizedTextSchema,
  population: z.number().int().nullable(),
  populationYear: z.number().int().nullable(),
  approximate: z.boolean(),
});

export const rankingSchema = z
  .object({
    code: z.string(),
    name: localizedTextSchema,
    direction: directionSchema,
    window: z.enum(compstatWindows),
    asOf: z.string(),
    rows: z.array(
      z.object({ district: districtInfoSchema, count: z.number().nullable(), per100k: z.number().nullable(), rank: z.number().int().nullable() }),
    ),
  })
  .meta({ id: 'DistrictRanking' });

export const districtListSchema = z.object({
  items: z.array(z.object({ district: districtInfoSchema, lights: lightCountsSchema, indicatorCount: z.number().int() })),
  rankings: z.array(rankingSchema),
});

export const compstatQuery = z.object({
  asOf: cityDateSchema.optional(),
  code: z.string().max(64).optional(),
});

export const compstatResponseSchema = z.object({
  asOf: z.string(),
  families: z.array(
    z.object({
      code: z.string(),
      name: localizedTextSchema,
      direction: directionSchema,
      rows: z.array(z.object({ department: departmentSchema, indicatorId: z.string(), population: z.number().int().nullable(), cells: z.array(compstatCellSchema), synthetic: z.boolean() })),
    }),
  ),
});

export const districtScorecardSchema = z.object({
  district: districtInfoSchema,
  indicators: z.array(indicatorCardSchema),
  compstat: compstatResponseSchema,
  rankings: z.array(rankingSchema),
});

export const officialListSchema = z.object({
  items: z.array(z.object({ official: officialSchema, programmes: z.array(z.object({ code: z.string(), name: localizedTextSchema })), lights: lightCountsSchema, indicatorCount: z.number().int() })),
});

export const officialScorecardSchema = z.object({
  official: officialSchema,
  programmes: z.array(programmeSummarySchema),
  indicators: z.array(indicatorCardSchema),
});

// ---- Trust survey ----------------------------------------------------------------------------

const aggregateSchema = z
  .object({ suppressed: z.boolean(), n: z.number().int().nullable(), mean: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable() })
  .meta({ id: 'SurveyAggregate' });

export const trustResponseSchema = z.object({
  minAnswers: z.number().int(),
  items: z.array(z.enum(trustItems)),
  synthetic: z.boolean(),
  rows: z.array(
    z.object({
      department: departmentSchema,
      month: z.string(),
      overall: aggregateSchema,
      items: z.record(z.enum(trustItems), aggregateSchema),
    }),
  ),
});

export const trustQuery = z.object({ months: z.coerce.number().int().min(1).max(36).default(12) });

export const portalTokenBody = z.object({ districtId: departmentIdSchema.nullable().optional() }).strict();
export const contactTokenBody = z
  .object({ context: z.enum(surveyContexts).exclude(['portal']), districtId: departmentIdSchema.nullable().optional() })
  .strict();
export const tokenResponseSchema = z.object({ token: z.string(), expiresAt: z.string(), url: z.string() });

const answer = z.number().int();
export const surveyAnswerBody = z
  .object({
    token: z.string().min(20).max(100),
    scale: z.enum(surveyScales),
    answers: z.object(Object.fromEntries(trustItems.map((i) => [i, answer.optional()])) as Record<(typeof trustItems)[number], z.ZodOptional<typeof answer>>).strict(),
    districtId: departmentIdSchema.nullable().optional(),
  })
  .strict();

// ---- Staff writes ----------------------------------------------------------------------------

export const thresholdsSchema = z
  .object({ green: z.number().min(0).max(1000), amber: z.number().min(0).max(1000) })
  .refine((t) => t.amber <= t.green, { message: 'amber must not be above green', path: ['amber'] });

const indicatorFields = {
  name: localizedTextSchema.extend({ ru: z.string().trim().min(2).max(300), kk: z.string().max(300), en: z.string().max(300) }),
  unit: indicatorUnitSchema,
  direction: directionSchema,
  baseline: z.object({ period: periodCodeSchema.nullable(), value: z.number().finite() }).nullable(),
  target: z.object({ kind: z.enum(targetKinds), value: z.number().finite(), date: cityDateSchema.nullable().default(null) }).nullable(),
  thresholds: thresholdsSchema,
  dataSource: z.string().trim().min(2).max(500),
  sourceItem: z.string().max(20).nullable(),
  note: z.string().max(2000),
  programme: z.string().max(64).nullable(),
  officialId: z.uuid().nullable(),
  recommendationNumber: z.number().int().min(1).max(999).nullable(),
};

export const indicatorDefinitionBody = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9_]{0,63}$/, 'use lower-case letters, digits and _'),
    department: departmentIdSchema.default('city'),
    ...indicatorFields,
    baseline: indicatorFields.baseline.default(null),
    target: indicatorFields.target.default(null),
    thresholds: indicatorFields.thresholds.default({ green: 100, amber: 90 }),
    sourceItem: indicatorFields.sourceItem.default(null),
    note: indicatorFields.note.default(''),
    programme: indicatorFields.programme.default(null),
    officialId: indicatorFields.officialId.default(null),
    recommendationNumber: indicatorFields.recommendationNumber.default(null),
  })
  .strict();

/** Only what is sent changes (no defaults here, so an omitted target stays as it is). */
export const indicatorPatchBody = z.object(indicatorFields).partial().strict();

export const valueBody = z
  .object({
    period: periodCodeSchema,
    value: z.number().finite(),
    source: z.string().trim().min(2).max(500),
    note: z.string().max(2000).default(''),
    /** Required when the period already has a different value (a correction). */
    reason: z.string().trim().max(1000).default(''),
  })
  .strict();

export const uploadRowSchema = z.object({
  /** The row's line in the uploaded file, so a refusal can name it. */
  line: z.number().int().min(1).optional(),
  indicator: z.string().max(64),
  department: z.string().max(64),
  period: z.string().max(20),
  value: z.number().finite(),
  source: z.string().max(500),
  note: z.string().max(2000).default(''),
  reason: z.string().max(1000).default(''),
});

export const confirmUploadBody = z.object({ rows: z.array(uploadRowSchema).min(1).max(5_000) }).strict();

export const previewRowSchema = z.object({
  line: z.number().int(),
  raw: z.record(z.string(), z.string()),
  row: uploadRowSchema.nullable(),
  ok: z.boolean(),
  reason: z.string().nullable(),
  field: z.string().nullable(),
  /** new value, a correction of a different one, or the same as stored */
  change: z.enum(['new', 'correction', 'unchanged']).nullable(),
  previous: z.number().nullable(),
});

export const previewResponseSchema = z.object({
  filename: z.string(),
  columns: z.array(z.string()),
  rows: z.array(previewRowSchema),
  okCount: z.number().int(),
  badCount: z.number().int(),
});

export const confirmResponseSchema = z.object({ created: z.number().int(), corrected: z.number().int(), unchanged: z.number().int() });

export const fromFigureBody = z.object({ figureId: z.uuid(), indicatorId: z.uuid(), period: periodCodeSchema.optional(), reason: z.string().max(1000).default('') }).strict();

/** Tenge as decimal strings (`409178000`, `409 178 000,50`): money never travels as a float. */
const tengeString = z.string().max(40);
export const budgetLineBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    label: z.string().max(200).default(''),
    planned: tengeString,
    allocated: tengeString.nullable().default(null),
    spent: tengeString.nullable().default(null),
    source: z.string().trim().min(2).max(500),
  })
  .strict();

export const measurePatchBody = z
  .object({ status: z.enum(measureStatuses).optional(), evidence: z.string().max(5000).optional(), deadline: cityDateSchema.nullable().optional() })
  .strict();

export const dueIndicatorSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: localizedTextSchema,
    department: departmentSchema,
    lastPeriod: z.string().nullable(),
    expectedPeriod: z.string(),
    programme: z.string().nullable(),
  })
  .meta({ id: 'DueIndicator' });

export const exportParams = z.object({
  file: z.string().regex(/^(programmes|budget-lines|measures|indicators|indicator-values|trust|compstat)\.(csv|xlsx)$/, 'use a table name with .csv or .xlsx, e.g. indicators.csv'),
});

export const langQuery = z.object({ lang: z.enum(['ru', 'kk', 'en']).default('ru') });
