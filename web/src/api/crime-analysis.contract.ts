// The analyst's side of the crime API (imports, categories, forecasts, backtests) as the server defines
// it (STYLE §2): request and response types come from the server's Zod schemas; the answers that have no
// response schema (forecasts, backtests, method choices) are written out here from the service, with the
// backtest's own result types imported from the code that computes them.
import type { z } from 'zod';
import type * as s from '../../../server/src/crime/crime.schema';
import type { taskViewSchema } from '../../../server/src/platform/tasks/tasks.schema';
import type { BacktestResult as ComputedBacktest, CoverageResult, MethodResult } from '../../../server/src/crime/forecast/backtest';
import type { ForecastMethod, MethodParams } from '../../../server/src/crime/forecast/methods';
import type { RejectReason } from '../../../server/src/crime/crime.import';

export type { CoverageResult, ForecastMethod, MethodParams, MethodResult, RejectReason };

/** The forecast methods, in the order the server lists them (`FORECAST_METHODS`). */
export const FORECAST_METHODS = ['naive', 'kde', 'prospective', 'sepp'] as const satisfies readonly ForecastMethod[];

/** Why an import refuses a row (`RejectReason`); every one has its own words in each language. */
export const REJECT_REASONS = ['no_place', 'bad_place', 'no_time', 'bad_time', 'no_category', 'duplicate_in_file'] as const satisfies readonly RejectReason[];

export type CrimeDataset = z.infer<typeof s.datasetSchema>;
export type CrimeDatasetInput = z.input<typeof s.datasetCreateBody>;
export type CrimeLine = z.infer<typeof s.lineSchema>;
export type CategoryRow = z.infer<typeof s.categoryRowSchema>;
export type CategoryInput = z.infer<typeof s.categoryPutBody>;
export type IncidentUpload = z.infer<typeof s.uploadSchema>;
export type ImportMapping = z.infer<typeof s.importMappingSchema>;
export type ImportStartInput = z.input<typeof s.importStartBody>;
export type IncidentImport = z.infer<typeof s.importViewSchema>;
export type SavedMapping = z.infer<typeof s.mappingSchema>;
export type TaskView = z.infer<typeof taskViewSchema>;
export type TaskStatus = TaskView['status'];
export type ForecastStartInput = z.input<typeof s.forecastStartBody>;
export type BacktestStartInput = z.input<typeof s.backtestStartBody>;
export type MethodSpec = BacktestStartInput['methods'][number];
export type MethodChoiceInput = z.input<typeof s.methodChoiceBody>;

/** What POST /forecasts and POST /backtests answer (202): the record's id and its task. */
export interface StartedTask {
  id: string;
  task: TaskView;
}

/** A forecast run as listed (`forecastSummary`). */
export interface ForecastSummary {
  id: string;
  datasetId: string;
  method: ForecastMethod;
  params: MethodParams;
  lines: string[];
  origin: string;
  horizonDays: number;
  lookbackDays: number | null;
  cellSize: number | null;
  /** sepp only: the fitted triggering (expected offspring per incident), its decay per day and mean delay. */
  fit: { theta: number; omega: number; meanDelayDays: number; iterations: number } | null;
  incidentsUsed: number | null;
  status: string;
  taskId: string | null;
  createdAt: string;
}

export interface ForecastCellProperties {
  cell: number;
  score: number;
  /** 1 = the highest risk. */
  rank: number;
}

export interface ForecastCellFeature {
  type: 'Feature';
  properties: ForecastCellProperties;
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}

/** A forecast with its task and its top cells as GeoJSON polygons (`forecastDetail`). */
export interface ForecastDetail extends ForecastSummary {
  task: TaskView | null;
  cells: { type: 'FeatureCollection'; features: ForecastCellFeature[] };
}

/** A finished backtest's result as stored: the computed figures and which area they are measured on. */
export interface BacktestResult extends ComputedBacktest {
  cellSize: number;
  areaRule: string;
}

export interface BacktestView {
  id: string;
  datasetId: string;
  params: BacktestStartInput;
  result: BacktestResult | null;
  status: string;
  createdAt: string;
  task: TaskView | null;
}

export interface MethodChoice {
  datasetId: string;
  /** A line's code, or `*` for all lines. */
  line: string;
  method: ForecastMethod;
  params: MethodParams;
  backtestId: string | null;
  chosenAt: string;
}
