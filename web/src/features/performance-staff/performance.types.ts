// Types of the performance API as the staff pages use them. They mirror
// server/src/performance/performance.schema.ts (and its domain constants); keep the two in step.

import type { LocalizedText } from '../../api/types';

export const INDICATOR_UNITS = ['count', 'percent', 'per_100k', 'tenge', 'residents', 'days'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export const DIRECTIONS = ['lower_better', 'higher_better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** `value`: reach this value; `change_percent`: change the baseline by this many percent. */
export const TARGET_KINDS = ['value', 'change_percent'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'overdue', 'cancelled'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const LIGHTS = ['green', 'amber', 'red', 'no_target', 'no_data'] as const;
export type Light = (typeof LIGHTS)[number];

export type PeriodKind = 'day' | 'month' | 'quarter' | 'year';

/** `2021`, `2021-Q1`, `2021-03` or `2021-03-15` (the server's PERIOD_PATTERN). */
export const PERIOD_PATTERN = /^(20\d{2}|19\d{2})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?))?$/;

/** Indicator codes: lower-case letters, digits and `_`. */
export const INDICATOR_CODE_PATTERN = /^[a-z0-9][a-z0-9_]{0,63}$/;

/** 'city' or a district id. */
export const CITY = 'city';

export interface Department {
  id: string;
  name: LocalizedText;
}

export interface Official {
  id: string;
  name: string;
  position: LocalizedText;
  department: Department;
  synthetic: boolean;
}

export interface ValuePoint {
  period: string;
  start: string;
  end: string;
  value: number;
}

export interface IndicatorTarget {
  kind: TargetKind;
  value: number;
  /** The value to reach (for change_percent: the baseline changed by the percentage). */
  effective: number | null;
  date: string | null;
}

export interface Thresholds {
  /** Achievement (%) at or above which the light is green. */
  green: number;
  /** Achievement (%) at or above which it is amber; below, red. */
  amber: number;
}

/** What the staff pages need to list and pick indicators (the open list joined with programme names). */
export interface IndicatorSummary {
  id: string;
  code: string;
  department: Department;
  name: LocalizedText;
  unit: IndicatorUnit;
  direction: Direction;
  baseline: { period: string | null; value: number } | null;
  target: IndicatorTarget | null;
  current: (ValuePoint & { source: string; rolledUp: boolean }) | null;
  achievement: number | null;
  light: Light;
  dataSource: string;
  sourceItem: string | null;
  programme: { code: string; name: LocalizedText } | null;
  recommendationNumber: number | null;
  synthetic: boolean;
}

/** indicatorCardSchema */
export interface IndicatorCard extends IndicatorSummary {
  thresholds: Thresholds;
  trend: ValuePoint[];
  improvement: number | null;
  costPerPointTiyn: number | null;
  note: string;
  official: Official | null;
}

/** An item of GET /api/v1/indicators (openIndicatorSchema): no thresholds, the programme as a code. */
export interface OpenIndicator {
  id: string;
  code: string;
  department: Department;
  name: LocalizedText;
  unit: IndicatorUnit;
  direction: Direction;
  baseline: IndicatorSummary['baseline'];
  target: IndicatorSummary['target'];
  current: IndicatorSummary['current'];
  achievement: number | null;
  light: Light;
  values: { period: string; value: number; source: string }[];
  source: string;
  sourceItem: string | null;
  programme: string | null;
  recommendationNumber: number | null;
  synthetic: boolean;
}

export interface IndicatorValueRow {
  id: string;
  period: string;
  kind: PeriodKind;
  start: string;
  end: string;
  value: number;
  source: string;
  note: string;
  reason: string;
  figureId: string | null;
  enteredBy: { role: string; unit: string };
  createdAt: string;
  supersededAt: string | null;
  synthetic: boolean;
}

export interface IndicatorDetail extends IndicatorCard {
  /** Every value ever entered, current and superseded, newest period first. */
  history: IndicatorValueRow[];
}

export interface BudgetTotals {
  plannedTiyn: number | null;
  allocatedTiyn: number | null;
  spentTiyn: number | null;
  synthetic: boolean;
}

export interface ProgrammeSummary {
  code: string;
  kind: 'target_programme' | 'plan' | 'state_programme' | 'staffing_plan';
  name: LocalizedText;
  description: LocalizedText;
  startsOn: string;
  endsOn: string;
  department: Department;
  sourceItem: string | null;
  recommendationNumbers: number[];
  official: Official | null;
  budget: BudgetTotals;
  lights: Record<Light, number>;
  indicatorCount: number;
  measureCount: number;
  declaredMeasureCount: number | null;
}

/** Money in tiyn (1/100 tenge), integers. */
export interface BudgetLine {
  id: string;
  year: number;
  label: string;
  plannedTiyn: number;
  allocatedTiyn: number | null;
  spentTiyn: number | null;
  source: string;
  synthetic: boolean;
}

export interface Measure {
  id: string;
  number: string;
  text: string;
  executor: string;
  deadline: string | null;
  status: MeasureStatus;
  evidence: string;
  sourceItem: string | null;
  synthetic: boolean;
}

export interface ProgrammeScorecard extends ProgrammeSummary {
  budgetLines: BudgetLine[];
  measures: Measure[];
  indicators: IndicatorCard[];
}

// ---- request bodies --------------------------------------------------------------------------

/** indicatorDefinitionBody */
export interface IndicatorDefinitionInput {
  code: string;
  department: string;
  name: LocalizedText;
  unit: IndicatorUnit;
  direction: Direction;
  baseline: { period: string | null; value: number } | null;
  target: { kind: TargetKind; value: number; date: string | null } | null;
  thresholds: Thresholds;
  dataSource: string;
  sourceItem: string | null;
  note: string;
  programme: string | null;
  recommendationNumber: number | null;
}

/** indicatorPatchBody: the definition without code and department, every field optional. */
export type IndicatorPatchInput = Partial<Omit<IndicatorDefinitionInput, 'code' | 'department'>>;

/** valueBody */
export interface ValueInput {
  period: string;
  value: number;
  source: string;
  note: string;
  /** Required when the period already has a different value (a correction). */
  reason: string;
}

/** uploadRowSchema: one row of an upload, as the preview read it and confirm takes it. */
export interface UploadRow {
  indicator: string;
  /** 'city' or a district id. */
  department: string;
  period: string;
  value: number;
  source: string;
  note: string;
  reason: string;
}

export type UploadChange = 'new' | 'correction' | 'unchanged';

export interface PreviewRow {
  /** Line of the file (the header is line 1). */
  line: number;
  raw: Record<string, string>;
  row: UploadRow | null;
  ok: boolean;
  reason: string | null;
  field: string | null;
  change: UploadChange | null;
  previous: number | null;
}

export interface UploadPreview {
  filename: string;
  columns: string[];
  rows: PreviewRow[];
  okCount: number;
  badCount: number;
}

export interface UploadConfirmResult {
  created: number;
  corrected: number;
  unchanged: number;
}

/** fromFigureBody */
export interface FromFigureInput {
  figureId: string;
  indicatorId: string;
  period?: string;
  reason?: string;
}

/** budgetLineBody: money as tenge decimal strings, never floats. */
export interface BudgetLineInput {
  year: number;
  label: string;
  planned: string;
  allocated: string | null;
  spent: string | null;
  source: string;
}

/** measurePatchBody */
export interface MeasurePatchInput {
  status?: MeasureStatus;
  evidence?: string;
  deadline?: string | null;
}
