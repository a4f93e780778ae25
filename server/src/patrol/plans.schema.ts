// Request and response schemas of deployment plans (STYLE §2: one schema gives validation, the type the
// web client uses and the OpenAPI component).
import { z } from 'zod';
import { taskViewSchema } from '../platform/tasks/tasks.schema.js';
import { localizedTextSchema } from '../platform/http/schemas.js';

export const PLAN_METHODS = ['optimised', 'current', 'uniform', 'greedy'] as const;
export type PlanMethod = (typeof PLAN_METHODS)[number];
export const CREW_KINDS = ['car', 'foot', 'post'] as const;
export type CrewKind = (typeof CREW_KINDS)[number];

/** How long a crew stays at a hot cell: 10–15 minutes (Koper 1995), and a post for its whole shift. */
export const STOP_MINUTES = '10–15';

export const planStartBody = z.object({
  shift: z.string().trim().min(1).max(40),
  /** The local (Asia/Almaty) date the shift starts. */
  date: z.iso.date(),
  /** A finished forecast to plan on; without it a fresh one-day forecast is run from the shift's start. */
  forecastRunId: z.string().uuid().optional(),
  stopsPerCar: z.number().int().min(1).max(60).default(10),
  stopsPerFoot: z.number().int().min(1).max(60).default(6),
  stopsPerPost: z.number().int().min(0).max(10).default(1),
});
export type PlanStartInput = z.infer<typeof planStartBody>;

export const planListQuery = z.object({
  date: z.iso.date().optional(),
  shift: z.string().trim().min(1).max(40).optional(),
});

export const planIdParams = z.object({ id: z.string().uuid() });
export const planPdfQuery = z.object({ lang: z.enum(['ru', 'kk']).default('ru') });

/** Everything the plan was made from, stored with it so that any past plan can be explained. */
export const planConstraintsSchema = z
  .object({
    shift: z.string(),
    date: z.string(),
    forecastRunId: z.string().nullable(),
    stopsPerCar: z.number().int(),
    stopsPerFoot: z.number().int(),
    stopsPerPost: z.number().int(),
    carCrews: z.number().int(),
    footCrews: z.number().int(),
    riskWeight: z.number(),
    minFootShare: z.number(),
    starts: z.string(),
    ends: z.string(),
    timeZone: z.string(),
    /** The forecast's origin: the shift's start as an instant. */
    origin: z.string(),
    dataset: z.string(),
    /** The method a fresh forecast uses (the analyst's choice for all lines, or sepp), or null when a run was given. */
    method: z.string().nullable(),
    horizonDays: z.number(),
  })
  .meta({ id: 'PatrolPlanConstraints' });
export type PlanConstraints = z.infer<typeof planConstraintsSchema>;

export const coverageSchema = z
  .object({
    method: z.enum(PLAN_METHODS),
    /** Forecast risk (expected incidents in the shift, weighted) the plan's stops cover, and its share of all. */
    covered: z.number(),
    share: z.number(),
    status: z.string(),
    seconds: z.number(),
  })
  .meta({ id: 'PatrolPlanCoverage' });

export const planStopSchema = z.object({
  order: z.number().int(),
  /** The forecast grid cell (null for a post standing outside any cell with risk). */
  cell: z.number().int().nullable(),
  lon: z.number(),
  lat: z.number(),
  risk: z.number(),
  /** Minutes to stay: "10–15" at a hot cell; a post's whole shift. */
  minutes: z.string(),
});

export const planCrewSchema = z
  .object({
    id: z.string(),
    sectorId: z.string(),
    sectorCode: z.string(),
    kind: z.enum(CREW_KINDS),
    /** A post's stationary route. */
    routeCode: z.string().nullable(),
    risk: z.number(),
    stops: z.array(planStopSchema),
  })
  .meta({ id: 'PatrolCrew' });

export const planSectorSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    districtId: z.string(),
    districtName: localizedTextSchema,
    car: z.number().int(),
    foot: z.number().int(),
    posts: z.number().int(),
    stops: z.number().int(),
    /** Forecast risk in the sector for this shift, and what the plan's stops cover of it. */
    risk: z.number(),
    covered: z.number(),
    share: z.number(),
    /** Cells of the forecast with risk in the sector. */
    cells: z.number().int(),
    /** Share of the sector's incidents of the past year in this shift's hours. */
    shiftShare: z.number(),
    routes: z.object({ car: z.number().int(), foot: z.number().int(), stationary: z.number().int() }),
    /** Crews the comparison plans put here. */
    current: z.object({ car: z.number().int(), foot: z.number().int() }),
    uniform: z.object({ car: z.number().int(), foot: z.number().int() }),
  })
  .meta({ id: 'PatrolPlanSector' });

export const planResultSchema = z
  .object({
    shift: z.object({ code: z.string(), name: localizedTextSchema, starts: z.string(), ends: z.string() }),
    date: z.string(),
    origin: z.string(),
    /** The forecast data are synthetic (the demo): every view of the plan says so. */
    synthetic: z.boolean(),
    forecast: z.object({
      runId: z.string(),
      datasetId: z.string(),
      method: z.string(),
      cellSize: z.number(),
      cells: z.number().int(),
      cellsInSectors: z.number().int(),
    }),
    shiftShare: z.object({
      /** The city's share of timed incidents in the shift's hours (past year), used for sectors with few incidents. */
      city: z.number(),
      incidents: z.number().int(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      minIncidentsPerSector: z.number().int(),
    }),
    totals: z.object({
      sectors: z.number().int(),
      carCrews: z.number().int(),
      footCrews: z.number().int(),
      posts: z.number().int(),
      mobileCrews: z.number().int(),
      stops: z.number().int(),
      risk: z.number(),
    }),
    coverage: z.array(coverageSchema),
    /** How the optimised plan was found ('exact': the price certificate; 'highs': the MIP solver), and its proven gap. */
    solver: z.object({ method: z.string(), status: z.string(), seconds: z.number(), gap: z.number().nullable() }),
    sectors: z.array(planSectorSchema),
    crews: z.array(planCrewSchema),
  })
  .meta({ id: 'PatrolPlanResult' });
export type PlanResult = z.infer<typeof planResultSchema>;
export type PlanCrew = z.infer<typeof planCrewSchema>;
export type PlanStop = z.infer<typeof planStopSchema>;
export type PlanSector = z.infer<typeof planSectorSchema>;

export const planStatusSchema = z.enum(['queued', 'running', 'done', 'failed']);

/** What names a plan, the same in the list and in the full plan (which puts its constraints before createdAt). */
const planHeadFields = {
  id: z.string(),
  shift: z.string(),
  date: z.string(),
  status: planStatusSchema,
  forecastRunId: z.string().nullable(),
};

export const planSummarySchema = z
  .object({
    ...planHeadFields,
    createdAt: z.string(),
    /** The optimised plan's share of risk covered (done plans). */
    share: z.number().nullable(),
    synthetic: z.boolean().nullable(),
  })
  .meta({ id: 'PatrolPlanSummary' });

export const planSchema = z
  .object({
    ...planHeadFields,
    constraints: planConstraintsSchema,
    createdAt: z.string(),
    result: planResultSchema.nullable(),
    task: taskViewSchema.nullable(),
  })
  .meta({ id: 'PatrolPlan' });

export const planStartedSchema = z.object({ id: z.string(), task: taskViewSchema }).meta({ id: 'PatrolPlanStarted' });
