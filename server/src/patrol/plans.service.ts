// Deployment plans (п.6: patrols follow the crime map, more on foot, more at night). For one shift and
// date: a one-day forecast from the shift's start, its cells placed in the sectors, each sector's risk
// scaled by the share of its incidents that happen in the shift's hours and by the shift's weight, crews
// allocated to cover the most risk (exactly: a price method, with HiGHS behind it), and every crew given
// its hot cells to visit. The plan stores all its inputs and the comparison with today's plan (crews as
// today's routes), an even spread and the greedy, and is audited.
import { forecastCellsWithRisk, forecastRunSummary, incidentsInHoursPerArea, methodChoiceForAllLines, projector, startForecast } from '../crime/index.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.service.js';
import type { Db } from '../platform/db/db.js';
import { AppError, notFound } from '../platform/errors.js';
import { getTask, startTask, type TaskContext } from '../platform/tasks/tasks.service.js';
import {
  allocate,
  allocateGreedy,
  allocateProportional,
  allocateUniform,
  checkFeasible,
  InfeasibleAllocation,
  type AllocationProblem,
  type AllocationResult,
} from './allocation.js';
import { sectorCrews, type PostPoint, type RiskCell } from './plans.crews.js';
import * as repo from './plans.repository.js';
import { planConstraintsSchema, type PlanConstraints, type PlanCrew, type PlanMethod, type PlanResult, type PlanStartInput } from './plans.schema.js';

/** The city's zone: shift times are local to it. */
export const CITY_TIME_ZONE = 'Asia/Almaty';
/** The dataset a fresh forecast reads. */
export const PLAN_DATASET = 'almaty-demo';
/** A sector with fewer timed incidents in the past year takes the city's share of them in the shift's hours. */
export const MIN_SECTOR_INCIDENTS = 30;
/** Cell size of a fresh forecast, metres (the forecasts' default). */
const CELL_SIZE = 150;
const POLL_MS = 200;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** The shift's length in minutes (a night shift ends the next day). */
export function shiftMinutes(starts: string, ends: string): number {
  const d = (minutesOf(ends) - minutesOf(starts) + 1440) % 1440;
  return d === 0 ? 1440 : d;
}

function unprocessable(error: unknown, field?: string): never {
  if (error instanceof InfeasibleAllocation) throw new AppError('unprocessable', error.message, field);
  throw error;
}

/**
 * Checks the request against the shift, the sectors and the forecast before any work starts (a 422 that
 * names why), stores the plan as queued and starts the work in the background.
 */
export async function startPlan(db: Db, actor: AuditActor, body: PlanStartInput) {
  const shift = await repo.shiftByCode(db, body.shift);
  if (!shift) throw new AppError('validation', `unknown shift '${body.shift}'`, 'shift');
  const sectors = await repo.sectorsWithRoutes(db);
  if (sectors.length === 0) throw new AppError('unprocessable', 'there are no patrol sectors to plan for', 'shift');
  try {
    checkFeasible({
      sectors: sectors.map((s) => ({ id: s.id, risks: [], posts: s.routes.stationary })),
      carCrews: shift.carCrews,
      footCrews: shift.footCrews,
      stopsPerCar: body.stopsPerCar,
      stopsPerFoot: body.stopsPerFoot,
      stopsPerPost: body.stopsPerPost,
      minFootShare: shift.minFootShare,
    });
  } catch (error) {
    unprocessable(error, 'shift');
  }
  let method: string | null = null;
  let dataset = PLAN_DATASET;
  if (body.forecastRunId) {
    const run = await forecastRunSummary(db, body.forecastRunId);
    if (!run) throw new AppError('unprocessable', `forecast ${body.forecastRunId} was not found`, 'forecastRunId');
    if (run.status === 'failed') throw new AppError('unprocessable', `forecast ${body.forecastRunId} failed; run another`, 'forecastRunId');
    dataset = run.datasetId;
  } else {
    method = (await methodChoiceForAllLines(db, PLAN_DATASET))?.method ?? 'sepp';
  }
  const origin = await repo.localInstant(db, body.date, shift.starts, CITY_TIME_ZONE);
  const constraints: PlanConstraints = {
    shift: shift.code,
    date: body.date,
    forecastRunId: body.forecastRunId ?? null,
    stopsPerCar: body.stopsPerCar,
    stopsPerFoot: body.stopsPerFoot,
    stopsPerPost: body.stopsPerPost,
    carCrews: shift.carCrews,
    footCrews: shift.footCrews,
    riskWeight: shift.riskWeight,
    minFootShare: shift.minFootShare,
    starts: shift.starts,
    ends: shift.ends,
    timeZone: CITY_TIME_ZONE,
    origin: origin.toISOString(),
    dataset,
    method,
    horizonDays: 1,
  };
  const plan = await repo.insertPlan(db, { shiftCode: shift.code, date: body.date, forecastRunId: body.forecastRunId ?? null, constraints, status: 'queued', createdBy: actor.userId });
  const task = await startTask(
    db,
    { kind: 'patrol.plan', input: { planId: plan.id, ...constraints }, createdBy: actor.userId },
    async (context) => {
      await repo.updatePlan(db, plan.id, { status: 'running' });
      const result = await buildPlan(db, actor, plan.id, constraints, shift.name, context);
      return { planId: plan.id, share: result.coverage.find((c) => c.method === 'optimised')?.share ?? null };
    },
    { onFailed: async () => repo.updatePlan(db, plan.id, { status: 'failed' }) },
  );
  await repo.updatePlan(db, plan.id, { taskId: task.id });
  return { id: plan.id, task: await getTask(db, task.id) };
}

/** Waits for a forecast's task, passing its progress on as a part of the plan's. */
async function waitForForecast(db: Db, taskId: string, context: TaskContext, from: number, to: number): Promise<void> {
  for (;;) {
    const task = await getTask(db, taskId);
    if (task.status === 'done') return;
    if (task.status === 'failed') throw new AppError('unprocessable', `the forecast failed: ${task.error?.detail ?? task.error?.title ?? 'unknown error'}`, 'forecastRunId');
    // the forecast's own stage shows through: the plan is waiting on exactly that
    context.report(from + (to - from) * task.progress, task.stage?.code ?? 'forecastQueued', task.stage?.params);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function buildPlan(db: Db, actor: AuditActor, planId: string, c: PlanConstraints, shiftName: { ru: string; kk: string; en: string }, context: TaskContext): Promise<PlanResult> {
  // (a) the forecast: the one given, or a fresh one-day forecast from the shift's start
  let runId = c.forecastRunId;
  if (!runId) {
    context.report(0.02, 'startingForecast');
    const choice = await methodChoiceForAllLines(db, c.dataset);
    const started = await startForecast(db, actor, {
      dataset: c.dataset,
      lines: [],
      method: (choice?.method ?? c.method ?? 'sepp') as 'sepp',
      params: choice?.params ?? {},
      origin: c.origin,
      horizonDays: c.horizonDays,
      cellSize: CELL_SIZE,
    });
    runId = started.id;
    await repo.updatePlan(db, planId, { forecastRunId: runId });
    await waitForForecast(db, started.task.id, context, 0.03, 0.6);
  } else {
    const given = await forecastRunSummary(db, runId);
    if (given?.taskId && given.status !== 'done') await waitForForecast(db, given.taskId, context, 0.03, 0.6);
  }
  const run = await forecastRunSummary(db, runId);
  if (!run || run.status !== 'done' || !run.grid) throw new AppError('unprocessable', `forecast ${runId} has no cells`, 'forecastRunId');
  const grid = run.grid;

  // (b) the cells with risk, their centres, and the sector each lies in
  context.report(0.62, 'placingCells');
  const cells = await forecastCellsWithRisk(db, run.id);
  const { forward, inverse } = projector(grid.crs);
  const centres = cells.map((cell) => {
    const x = grid.originX + ((cell.cell % grid.nx) + 0.5) * grid.size;
    const y = grid.originY + (Math.floor(cell.cell / grid.nx) + 0.5) * grid.size;
    const [lon, lat] = inverse(x, y);
    return { x, y, lon, lat };
  });
  const sectorOf = await repo.sectorsOfPoints(
    db,
    centres.map((p) => p.lon),
    centres.map((p) => p.lat),
  );
  const sectors = await repo.sectorsWithRoutes(db);

  // (c) each sector's share of incidents in the shift's hours
  context.report(0.66, 'readingHours');
  const hours = await incidentsInHoursPerArea(
    db,
    { datasetId: run.datasetId, until: new Date(c.origin), timeZone: c.timeZone, start: minutesOf(c.starts), end: minutesOf(c.ends) },
    await repo.sectorOutlines(db),
  );
  const cityTotal = hours.areas.reduce((a, s) => a + s.total, 0);
  const cityIn = hours.areas.reduce((a, s) => a + s.inShift, 0);
  const cityShare = cityTotal > 0 ? cityIn / cityTotal : 0.5;
  const bySector = new Map(hours.areas.map((s) => [s.id, s]));
  const shareOf = (sectorId: string) => {
    const s = bySector.get(sectorId);
    return s && s.total >= MIN_SECTOR_INCIDENTS ? s.inShift / s.total : cityShare;
  };

  const sectorCells = new Map<string, RiskCell[]>(sectors.map((s) => [s.id, []]));
  cells.forEach((cell, i) => {
    const sectorId = sectorOf.get(i);
    if (!sectorId) return;
    const p = centres[i]!;
    sectorCells.get(sectorId)?.push({ cell: cell.cell, x: p.x, y: p.y, lon: p.lon, lat: p.lat, risk: cell.score * shareOf(sectorId) * c.riskWeight });
  });

  // (d) the problem: posts are the stationary routes; crews and the foot floor are the shift's
  const problem: AllocationProblem = {
    sectors: sectors.map((s) => ({ id: s.id, risks: sectorCells.get(s.id)!.map((cell) => cell.risk), posts: s.routes.stationary })),
    carCrews: c.carCrews,
    footCrews: c.footCrews,
    stopsPerCar: c.stopsPerCar,
    stopsPerFoot: c.stopsPerFoot,
    stopsPerPost: c.stopsPerPost,
    minFootShare: c.minFootShare,
  };

  // (e) the optimal plan and the three it is compared with
  context.report(0.7, 'allocating', { car: c.carCrews, foot: c.footCrews, sectors: sectors.length });
  let optimised: AllocationResult;
  let greedy: AllocationResult;
  try {
    // The exact price method, or HiGHS when it cannot certify the plan (allocation.ts). Both run in this
    // process and hold its event loop while they work: well under a second, or 1–2 s for HiGHS, here.
    optimised = await allocate(problem);
    greedy = allocateGreedy(problem);
  } catch (error) {
    unprocessable(error, 'shift');
  }
  const uniform = allocateUniform(problem);
  const current = allocateProportional(problem, { car: sectors.map((s) => s.routes.car), foot: sectors.map((s) => s.routes.foot) });
  const coverageOf = (method: PlanMethod, r: AllocationResult) => ({ method, covered: r.covered, share: r.share, status: r.solver.status, seconds: r.solver.seconds });

  // (f) the crews of each sector and their stops
  context.report(0.9, 'assigningCells');
  const posts = await repo.stationaryPosts(db);
  const postMinutes = String(shiftMinutes(c.starts, c.ends));
  const crews: PlanCrew[] = [];
  sectors.forEach((s, i) => {
    const plan = optimised.sectors[i]!;
    const sectorPosts: PostPoint[] = posts
      .filter((p) => p.sectorId === s.id)
      .map((p) => {
        const [x, y] = forward(p.lon, p.lat);
        const cx = Math.floor((x - grid.originX) / grid.size);
        const cy = Math.floor((y - grid.originY) / grid.size);
        return { routeCode: p.code, lon: p.lon, lat: p.lat, cell: cx >= 0 && cy >= 0 && cx < grid.nx && cy < grid.ny ? cy * grid.nx + cx : null };
      });
    crews.push(...sectorCrews({ sectorId: s.id, sectorCode: s.code, car: plan.car, foot: plan.foot, posts: sectorPosts, cells: sectorCells.get(s.id)!, stopsPerCar: c.stopsPerCar, stopsPerFoot: c.stopsPerFoot, stopsPerPost: c.stopsPerPost, postMinutes }));
  });

  const result: PlanResult = {
    shift: { code: c.shift, name: shiftName, starts: c.starts, ends: c.ends },
    date: c.date,
    origin: c.origin,
    synthetic: run.synthetic,
    forecast: { runId: run.id, datasetId: run.datasetId, method: run.method, cellSize: grid.size, cells: cells.length, cellsInSectors: sectorOf.size },
    shiftShare: { city: cityShare, incidents: cityTotal, from: hours.from?.toISOString() ?? null, to: hours.to?.toISOString() ?? null, minIncidentsPerSector: MIN_SECTOR_INCIDENTS },
    totals: {
      sectors: sectors.length,
      carCrews: c.carCrews,
      footCrews: c.footCrews,
      posts: problem.sectors.reduce((a, s) => a + s.posts, 0),
      mobileCrews: optimised.sectors.reduce((a, s) => a + s.car + s.foot, 0),
      stops: optimised.sectors.reduce((a, s) => a + s.stops, 0),
      risk: optimised.totalRisk,
    },
    coverage: [coverageOf('optimised', optimised), coverageOf('current', current), coverageOf('uniform', uniform), coverageOf('greedy', greedy)],
    solver: { method: optimised.solver.method, status: optimised.solver.status, seconds: optimised.solver.seconds, gap: optimised.solver.gap ?? null },
    sectors: sectors.map((s, i) => {
      const p = optimised.sectors[i]!;
      return {
        id: s.id,
        code: s.code,
        districtId: s.districtId,
        districtName: s.districtName,
        car: p.car,
        foot: p.foot,
        posts: p.posts,
        stops: p.stops,
        risk: p.risk,
        covered: p.covered,
        share: p.risk > 0 ? p.covered / p.risk : 0,
        cells: sectorCells.get(s.id)!.length,
        shiftShare: shareOf(s.id),
        routes: s.routes,
        current: { car: current.sectors[i]!.car, foot: current.sectors[i]!.foot },
        uniform: { car: uniform.sectors[i]!.car, foot: uniform.sectors[i]!.foot },
      };
    }),
    crews,
  };

  context.report(0.96, 'savingPlan');
  await db.transaction(async (tx) => {
    await repo.updatePlan(tx, planId, { status: 'done', result, forecastRunId: run.id });
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'deployment_plan',
      entityId: planId,
      before: null,
      after: {
        shift: c.shift,
        date: c.date,
        forecastRunId: run.id,
        constraints: { ...c, forecastRunId: run.id },
        coverage: Object.fromEntries(result.coverage.map((x) => [x.method, Math.round(x.share * 10_000) / 10_000])),
        solver: result.solver.status,
        crews: { car: c.carCrews, foot: c.footCrews, posts: result.totals.posts },
        synthetic: run.synthetic,
      },
    });
  });
  return result;
}

function planStatus(status: string): 'queued' | 'running' | 'done' | 'failed' {
  return status === 'running' || status === 'done' || status === 'failed' ? status : 'queued';
}

export async function getPlan(db: Db, id: string) {
  const row = await repo.planById(db, id);
  if (!row) throw notFound(`plan ${id}`);
  return {
    id: row.id,
    shift: row.shiftCode,
    date: row.date,
    status: planStatus(row.status),
    forecastRunId: row.forecastRunId,
    constraints: planConstraintsSchema.parse(row.constraints),
    createdAt: row.createdAt.toISOString(),
    result: (row.result as PlanResult | null) ?? null,
    task: row.taskId ? await getTask(db, row.taskId) : null,
  };
}

/** A finished plan's result (exports need one). */
export async function planResult(db: Db, id: string): Promise<PlanResult> {
  const plan = await getPlan(db, id);
  if (plan.status !== 'done' || !plan.result) throw new AppError('conflict', `plan ${id} is ${plan.status}; exports are ready when it is done`);
  return plan.result;
}

export async function listPlans(db: Db, filter: { date?: string | undefined; shift?: string | undefined }) {
  const rows = await repo.listPlanRows(db, filter);
  return rows.map((r) => ({ id: r.id, shift: r.shiftCode, date: r.date, status: planStatus(r.status), forecastRunId: r.forecastRunId, createdAt: r.createdAt.toISOString(), share: r.share === null ? null : Number(r.share), synthetic: r.synthetic }));
}
