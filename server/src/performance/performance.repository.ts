import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../platform/db/db.js';
import { listDistricts } from '../platform/geography/geography.service.js';
import {
  budgetLines,
  indicators,
  indicatorValues,
  measures,
  officials,
  programmes,
} from './performance.tables.js';

export type OfficialRow = typeof officials.$inferSelect;
export type ProgrammeRow = typeof programmes.$inferSelect;
export type BudgetLineRow = typeof budgetLines.$inferSelect;
export type MeasureRow = typeof measures.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;
export type ValueRow = typeof indicatorValues.$inferSelect;
export type DistrictRow = Awaited<ReturnType<typeof listDistricts>>[number];

/** Everything the public scorecards are computed from, read in one go. */
export interface PerformanceRows {
  districts: DistrictRow[];
  officials: OfficialRow[];
  programmes: ProgrammeRow[];
  budgetLines: BudgetLineRow[];
  measures: MeasureRow[];
  indicators: IndicatorRow[];
  /** Current (not superseded) values, by indicator and period start. */
  values: ValueRow[];
}

export async function loadPerformanceRows(db: DbOrTx): Promise<PerformanceRows> {
  // One after another: PGlite runs one query at a time anyway, and a pool stays free for others.
  const districtRows = await listDistricts(db);
  const officialRows = await db.select().from(officials).orderBy(asc(officials.createdAt));
  const programmeRows = await db.select().from(programmes).orderBy(asc(programmes.startsOn), asc(programmes.code));
  const budgetRows = await db.select().from(budgetLines).orderBy(asc(budgetLines.year), asc(budgetLines.label));
  const measureRows = await db.select().from(measures);
  const indicatorRows = await db.select().from(indicators).orderBy(asc(indicators.code), asc(indicators.unitId));
  const valueRows = await db
    .select()
    .from(indicatorValues)
    .where(isNull(indicatorValues.supersededAt))
    .orderBy(asc(indicatorValues.indicatorId), asc(indicatorValues.periodStart), asc(indicatorValues.periodEnd));
  return {
    districts: districtRows,
    officials: officialRows,
    programmes: programmeRows,
    budgetLines: budgetRows,
    measures: measureRows,
    indicators: indicatorRows,
    values: valueRows,
  };
}

/** Every value of one indicator ever entered, the newest period first, corrections after what they replaced. */
export function listValueHistory(db: DbOrTx, indicatorId: string, limit: number): Promise<ValueRow[]> {
  return db
    .select()
    .from(indicatorValues)
    .where(eq(indicatorValues.indicatorId, indicatorId))
    .orderBy(desc(indicatorValues.periodStart), desc(indicatorValues.periodEnd), desc(indicatorValues.createdAt))
    .limit(limit);
}

export async function findIndicator(db: DbOrTx, id: string): Promise<IndicatorRow | null> {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id)).limit(1);
  return row ?? null;
}

export async function findIndicatorByCode(db: DbOrTx, code: string, unitId: string): Promise<IndicatorRow | null> {
  const [row] = await db.select().from(indicators).where(and(eq(indicators.code, code), eq(indicators.unitId, unitId))).limit(1);
  return row ?? null;
}

export async function findProgramme(db: DbOrTx, code: string): Promise<ProgrammeRow | null> {
  const [row] = await db.select().from(programmes).where(eq(programmes.code, code)).limit(1);
  return row ?? null;
}

export async function findCurrentValue(db: DbOrTx, indicatorId: string, periodCode: string): Promise<ValueRow | null> {
  const [row] = await db
    .select()
    .from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorId, indicatorId), eq(indicatorValues.periodCode, periodCode), isNull(indicatorValues.supersededAt)))
    .limit(1);
  return row ?? null;
}

/**
 * A fingerprint of everything the read model is built from. Values are append-only (a correction adds
 * a row), so their count changes with every write; the other tables carry update times.
 */
export async function performanceVersion(db: DbOrTx): Promise<string> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select
      (select count(*) from ${indicatorValues}) as values,
      (select count(*) from ${indicatorValues} where ${indicatorValues.supersededAt} is not null) as superseded,
      (select count(*) || ':' || coalesce(max(${indicators.updatedAt})::text, '') from ${indicators}) as indicators,
      (select count(*) || ':' || coalesce(max(${programmes.updatedAt})::text, '') from ${programmes}) as programmes,
      (select count(*) || ':' || coalesce(max(${budgetLines.updatedAt})::text, '') from ${budgetLines}) as budget,
      (select count(*) || ':' || coalesce(max(${measures.updatedAt})::text, '') from ${measures}) as measures,
      (select count(*) from ${officials}) as officials,
      (select string_agg(id || ':' || coalesce(population, 0), ',' order by id) from districts) as districts`,
  );
  return JSON.stringify(row);
}
