// The scorecards' types: the server's own (see api/performance.contract.ts), plus names for their parts.
import type {
  CompstatCell,
  CompstatResponse,
  DistrictListResponse,
  IndicatorCard,
  Light,
  OfficialListResponse,
  TrustResponse,
} from '../../api/performance.contract';
import { compstatWindows, lights, surveyScales, trustItems } from '../../api/performance.contract';

export type {
  BudgetLine,
  BudgetTotals,
  CompstatCell,
  CompstatResponse,
  CompstatWindow,
  Department,
  Direction,
  DistrictListResponse,
  DistrictRanking,
  DistrictScorecard,
  IndicatorCard,
  IndicatorDetail,
  IndicatorUnit,
  IndicatorValueRow,
  Light,
  Measure,
  MeasureStatus,
  Official,
  OfficialScorecard,
  PeriodKind,
  ProgrammeKind,
  ProgrammeScorecard,
  ProgrammeSummary,
  SurveyAnswerInput,
  SurveyScale,
  TargetKind,
  TrustItem,
  TrustResponse,
  TrustTokenResponse,
} from '../../api/performance.contract';

export const LIGHTS = lights;
export const COMPSTAT_WINDOWS = compstatWindows;
export const TRUST_ITEMS = trustItems;
export const SURVEY_SCALES = surveyScales;

export type LightCounts = Record<Light, number>;
export type TrendPoint = IndicatorCard['trend'][number];
export type CurrentValue = NonNullable<IndicatorCard['current']>;
export type Target = NonNullable<IndicatorCard['target']>;
export type Thresholds = IndicatorCard['thresholds'];
export type ProgrammeRef = NonNullable<IndicatorCard['programme']>;
export type CompstatCount = CompstatCell['current'];
export type DistrictInfo = DistrictListResponse['items'][number]['district'];
export type RankingRow = DistrictListResponse['rankings'][number]['rows'][number];
export type CompstatFamily = CompstatResponse['families'][number];
export type CompstatRow = CompstatFamily['rows'][number];
export type OfficialListItem = OfficialListResponse['items'][number];
export type TrustRow = TrustResponse['rows'][number];
export type SurveyAggregate = TrustRow['overall'];
