// Types of the performance API as the public pages consume them. They mirror the Zod schemas in
// server/src/performance/performance.schema.ts (and the unions of performance.domain.ts); keep the
// two in step.
import type { LocalizedText } from '../../api/types';

export const LIGHTS = ['green', 'amber', 'red', 'no_target', 'no_data'] as const;
export type Light = (typeof LIGHTS)[number];

export type Direction = 'lower_better' | 'higher_better';

/** What an indicator counts in. `per_100k` = per 100 000 residents. */
export type IndicatorUnit = 'count' | 'percent' | 'per_100k' | 'tenge' | 'residents' | 'days';

export type TargetKind = 'value' | 'change_percent';
export type PeriodKind = 'day' | 'month' | 'quarter' | 'year';
export type ProgrammeKind = 'target_programme' | 'plan' | 'state_programme' | 'staffing_plan';
export type MeasureStatus = 'planned' | 'in_progress' | 'done' | 'overdue' | 'cancelled';

export const COMPSTAT_WINDOWS = ['week_to_date', 'days_28', 'year_to_date'] as const;
export type CompstatWindow = (typeof COMPSTAT_WINDOWS)[number];

/** The standard items of police-legitimacy surveys. */
export const TRUST_ITEMS = ['job', 'confidence', 'fairness', 'respect', 'listens', 'reliable'] as const;
export type TrustItem = (typeof TRUST_ITEMS)[number];

export const SURVEY_SCALES = ['1-5', '0-10'] as const;
export type SurveyScale = (typeof SURVEY_SCALES)[number];

/** The unit that owns an indicator: the city (`id: 'city'`) or one district department. */
export interface Department {
  id: string;
  name: LocalizedText;
}

/** A responsible official (п.2: personal accountability). */
export interface Official {
  id: string;
  name: string;
  position: LocalizedText;
  department: Department;
  synthetic: boolean;
}

/** Amounts in tiyn (1/100 tenge), integers. */
export interface BudgetTotals {
  plannedTiyn: number | null;
  allocatedTiyn: number | null;
  spentTiyn: number | null;
  synthetic: boolean;
}

export type LightCounts = Record<Light, number>;

/** A card's trend carries only the period and the value (the detail's history has the dates). */
export interface TrendPoint {
  period: string;
  value: number;
}

export interface CurrentValue extends TrendPoint {
  start: string;
  end: string;
  source: string;
  /** Daily counts summed over the latest complete month. */
  rolledUp: boolean;
}

export interface Target {
  kind: TargetKind;
  value: number;
  /** The value to reach (the baseline changed by the percentage for `change_percent`). */
  effective: number | null;
  date: string | null;
}

export interface Thresholds {
  /** Achievement (%) at or above which the light is green. */
  green: number;
  /** Achievement (%) at or above which the light is amber; below it, red. */
  amber: number;
}

export interface ProgrammeRef {
  code: string;
  name: LocalizedText;
}

export interface IndicatorCard {
  id: string;
  code: string;
  department: Department;
  name: LocalizedText;
  unit: IndicatorUnit;
  direction: Direction;
  baseline: { period: string | null; value: number } | null;
  target: Target | null;
  thresholds: Thresholds;
  current: CurrentValue | null;
  /** Percent of the way from baseline to target; 100 = met. */
  achievement: number | null;
  light: Light;
  /** Oldest first, at most 60 points. */
  trend: TrendPoint[];
  improvement: number | null;
  /** Programme money spent per unit of improvement, in tiyn. */
  costPerPointTiyn: number | null;
  dataSource: string;
  /** The report item, e.g. "п.3". */
  sourceItem: string | null;
  note: string;
  programme: ProgrammeRef | null;
  official: Official | null;
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
  /** Why a value replaced an earlier one of the same period. */
  reason: string;
  figureId: string | null;
  enteredBy: { role: string; unit: string };
  createdAt: string;
  supersededAt: string | null;
  /** For a superseded value: the value that replaced it. */
  replacedBy: { id: string; value: number; at: string; reason: string } | null;
  synthetic: boolean;
}

export interface CompstatCount {
  start: string;
  end: string;
  count: number | null;
}

export interface CompstatCell {
  window: CompstatWindow;
  current: CompstatCount;
  prior: CompstatCount;
  change: number | null;
  changePercent: number | null;
  z: number | null;
  /** |z| ≥ 3 */
  significant: boolean;
}

export interface IndicatorDetail extends IndicatorCard {
  /** Every value ever entered, current and superseded, newest period first. */
  history: IndicatorValueRow[];
  compstat: { asOf: string; cells: CompstatCell[] } | null;
}

export interface ProgrammeSummary {
  code: string;
  kind: ProgrammeKind;
  name: LocalizedText;
  description: LocalizedText;
  startsOn: string;
  endsOn: string;
  department: Department;
  sourceItem: string | null;
  recommendationNumbers: number[];
  official: Official | null;
  budget: BudgetTotals;
  lights: LightCounts;
  indicatorCount: number;
  measureCount: number;
  declaredMeasureCount: number | null;
}

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

export interface DistrictInfo {
  id: string;
  name: LocalizedText;
  population: number | null;
  populationYear: number | null;
  /** Boundaries (and so populations) are approximate. */
  approximate: boolean;
}

export interface RankingRow {
  district: DistrictInfo;
  count: number | null;
  per100k: number | null;
  rank: number | null;
}

export interface DistrictRanking {
  code: string;
  name: LocalizedText;
  direction: Direction;
  window: CompstatWindow;
  asOf: string;
  rows: RankingRow[];
}

export interface DistrictListResponse {
  items: { district: DistrictInfo; lights: LightCounts; indicatorCount: number }[];
  rankings: DistrictRanking[];
}

export interface CompstatRow {
  department: Department;
  indicatorId: string;
  population: number | null;
  cells: CompstatCell[];
  synthetic: boolean;
}

export interface CompstatFamily {
  code: string;
  name: LocalizedText;
  direction: Direction;
  rows: CompstatRow[];
}

export interface CompstatResponse {
  asOf: string;
  families: CompstatFamily[];
}

export interface DistrictScorecard {
  district: DistrictInfo;
  indicators: IndicatorCard[];
  compstat: CompstatResponse;
  rankings: DistrictRanking[];
}

export interface OfficialListItem {
  official: Official;
  programmes: ProgrammeRef[];
  lights: LightCounts;
  indicatorCount: number;
}

export interface OfficialScorecard {
  official: Official;
  programmes: ProgrammeSummary[];
  indicators: IndicatorCard[];
}

/** Mean on 0–100 with a 95 % interval; suppressed (all null) below `minAnswers`. */
export interface SurveyAggregate {
  suppressed: boolean;
  n: number | null;
  mean: number | null;
  low: number | null;
  high: number | null;
}

export interface TrustRow {
  department: Department;
  /** YYYY-MM */
  month: string;
  overall: SurveyAggregate;
  items: Partial<Record<TrustItem, SurveyAggregate>>;
}

export interface TrustResponse {
  minAnswers: number;
  items: TrustItem[];
  synthetic: boolean;
  rows: TrustRow[];
}

export interface TrustTokenResponse {
  token: string;
  expiresAt: string;
  url: string;
}

export interface SurveyAnswerInput {
  token: string;
  scale: SurveyScale;
  answers: Partial<Record<TrustItem, number>>;
  districtId?: string | null;
}
