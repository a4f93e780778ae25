// The staff pages' types: the server's own (see api/performance.contract.ts), plus names for their parts.
import type { IndicatorCard } from '../../api/performance.contract';
import { directions, indicatorUnits, lights, measureStatuses, targetKinds } from '../../api/performance.contract';

export type {
  BudgetLine,
  BudgetLineInput,
  BudgetTotals,
  Department,
  Direction,
  FromFigureInput,
  IndicatorCard,
  IndicatorDefinitionInput,
  IndicatorDetail,
  IndicatorPatchInput,
  IndicatorUnit,
  IndicatorValueRow,
  Light,
  Measure,
  MeasurePatchInput,
  MeasureStatus,
  Official,
  PeriodKind,
  PreviewRow,
  ProgrammeScorecard,
  ProgrammeSummary,
  TargetKind,
  UploadConfirmResult,
  UploadPreview,
  UploadRow,
  ValueInput,
} from '../../api/performance.contract';
export { PERIOD_PATTERN } from '../../api/performance.contract';

export const INDICATOR_UNITS = indicatorUnits;
export const DIRECTIONS = directions;
export const TARGET_KINDS = targetKinds;
export const MEASURE_STATUSES = measureStatuses;
export const LIGHTS = lights;

/** Indicator codes: lower-case letters, digits and `_` (as the server's definition schema). */
export const INDICATOR_CODE_PATTERN = /^[a-z0-9][a-z0-9_]{0,63}$/;

/** 'city' or a district id. */
export const CITY = 'city';

/** What the staff pages need to list and pick indicators. */
export type IndicatorSummary = Omit<IndicatorCard, 'thresholds' | 'trend' | 'improvement' | 'costPerPointTiyn' | 'note' | 'official'>;
export type ValuePoint = NonNullable<IndicatorCard['current']>;
export type IndicatorTarget = NonNullable<IndicatorCard['target']>;
export type Thresholds = IndicatorCard['thresholds'];
export type UploadChange = 'new' | 'correction' | 'unchanged';
