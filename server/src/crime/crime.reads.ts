// What other modules may read of the crime module (through index.ts): a forecast's summary and cells,
// the method chosen for a dataset, and incidents counted per area and hours of the day. Their tables
// stay this module's own.
import { sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../platform/db/db.js';
import type { GridSpec } from './forecast/grid.js';

export interface ForecastRunSummary {
  id: string;
  datasetId: string;
  method: string;
  status: string;
  taskId: string | null;
  grid: GridSpec | null;
  origin: Date;
  /** The dataset's incidents are synthetic (the demo). */
  synthetic: boolean;
}

export async function forecastRunSummary(db: DbOrTx, id: string): Promise<ForecastRunSummary | null> {
  const [row] = await queryRows<{ id: string; dataset_id: string; method: string; status: string; task_id: string | null; grid: GridSpec | null; origin: string | Date; synthetic: boolean }>(
    db,
    sql`select r.id, r.dataset_id, r.method, r.status, r.task_id, r.grid, r.origin, d.synthetic
        from forecast_runs r join crime_datasets d on d.id = r.dataset_id where r.id = ${id}`,
  );
  if (!row) return null;
  return { id: row.id, datasetId: row.dataset_id, method: row.method, status: row.status, taskId: row.task_id, grid: row.grid, origin: new Date(row.origin), synthetic: row.synthetic };
}

/** The method the analyst chose for all lines of a dataset (`*`), if any. */
export async function methodChoiceForAllLines(db: DbOrTx, datasetId: string): Promise<{ method: string; params: Record<string, number> } | null> {
  const [row] = await queryRows<{ method: string; params: Record<string, number> }>(db, sql`select method, params from forecast_method_choices where dataset_id = ${datasetId} and line_code = '*'`);
  return row ?? null;
}

/** A forecast's cells with risk, hottest first. */
export async function forecastCellsWithRisk(db: DbOrTx, runId: string): Promise<{ cell: number; score: number; rank: number }[]> {
  const rows = await queryRows<{ cell: number; score: number; rank: number }>(db, sql`select cell, score, rank from forecast_cells where run_id = ${runId} and score > 0 order by rank`);
  return rows.map((r) => ({ cell: Number(r.cell), score: Number(r.score), rank: Number(r.rank) }));
}

/**
 * Per area (GeoJSON polygons in WGS 84, e.g. patrol sectors): the dataset's incidents with a known time
 * in the 365 days before `until` (or before its last incident, if earlier), and how many of them fell in
 * the local minutes [start, end) of the day, wrapping past midnight when end ≤ start.
 */
export async function incidentsInHoursPerArea(
  db: Db,
  query: { datasetId: string; until: Date; timeZone: string; start: number; end: number },
  areas: { id: string; geometry: string }[],
): Promise<{ from: Date | null; to: Date | null; areas: { id: string; total: number; inShift: number }[] }> {
  const { datasetId, until, timeZone, start, end } = query;
  const [span] = await queryRows<{ to: string | Date | null }>(db, sql`select least(${until.toISOString()}::timestamptz, max(occurred_at) + interval '1 second') as to from incidents where dataset_id = ${datasetId} and time_known`);
  if (!span?.to || areas.length === 0) return { from: null, to: null, areas: [] };
  const to = new Date(span.to);
  const from = new Date(to.getTime() - 365 * 86_400_000);
  const minute = sql`(extract(hour from i.occurred_at at time zone ${timeZone}) * 60 + extract(minute from i.occurred_at at time zone ${timeZone}))`;
  const inShift = end > start ? sql`${minute} >= ${start} and ${minute} < ${end}` : sql`${minute} >= ${start} or ${minute} < ${end}`;
  // The areas go into a temporary table with a spatial index, so each incident finds its area by the index
  // (incidents have none: no other read needs one) instead of being tested against every area.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`create temporary table areas_of_interest (id text not null, geom geometry(Geometry, 4326) not null) on commit drop`);
    await tx.execute(sql`insert into areas_of_interest (id, geom)
      select u.id, ST_SetSRID(ST_GeomFromGeoJSON(u.g), 4326) from unnest(${sql.param(areas.map((a) => a.id))}::text[], ${sql.param(areas.map((a) => a.geometry))}::text[]) as u(id, g)`);
    await tx.execute(sql`create index on areas_of_interest using gist (geom)`);
    await tx.execute(sql`analyze areas_of_interest`);
    return queryRows<{ id: string; total: number; in_shift: number }>(
      tx,
      sql`select a.id, count(*)::int as total, count(*) filter (where ${inShift})::int as in_shift
          from incidents i join areas_of_interest a on ST_Intersects(a.geom, i.location)
          where i.dataset_id = ${datasetId} and i.time_known and i.occurred_at >= ${from.toISOString()}::timestamptz and i.occurred_at < ${to.toISOString()}::timestamptz
          group by a.id`,
    );
  });
  return { from, to, areas: rows.map((r) => ({ id: r.id, total: r.total, inShift: r.in_shift })) };
}
