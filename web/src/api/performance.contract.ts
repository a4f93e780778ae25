// The performance API as the server defines it (STYLE §2: one schema for validation, types, OpenAPI
// and the web client). Types come from the server's Zod schemas; the enumerations and the pure rules
// (achievement, lights) are the server's own code, bundled, so the web can never compute differently.
import type { z } from 'zod';
import type * as s from '../../../server/src/performance/performance.schema';

export {
  achievement,
  compstatWindows,
  directions,
  indicatorUnits,
  light,
  lights,
  measureStatuses,
  parsePeriod,
  parseTenge,
  PERIOD_PATTERN,
  surveyScales,
  targetKinds,
  trustItems,
} from '../../../server/src/performance/performance.domain';
export type {
  CompstatWindow,
  Direction,
  IndicatorUnit,
  Light,
  MeasureStatus,
  PeriodKind,
  ProgrammeKind,
  SurveyScale,
  TargetKind,
  TrustItem,
} from '../../../server/src/performance/performance.domain';

export type Department = z.infer<typeof s.departmentSchema>;
export type Official = z.infer<typeof s.officialSchema>;
export type BudgetTotals = z.infer<typeof s.budgetTotalsSchema>;
export type IndicatorCard = z.infer<typeof s.indicatorCardSchema>;
export type IndicatorDetail = z.infer<typeof s.indicatorDetailSchema>;
export type IndicatorValueRow = IndicatorDetail['history'][number];
export type CompstatCell = z.infer<typeof s.compstatCellSchema>;
export type ProgrammeSummary = z.infer<typeof s.programmeSummarySchema>;
export type ProgrammeScorecard = z.infer<typeof s.programmeScorecardSchema>;
export type BudgetLine = z.infer<typeof s.budgetLineSchema>;
export type Measure = z.infer<typeof s.measureSchema>;
export type OpenIndicator = z.infer<typeof s.openIndicatorSchema>;
export type DistrictRanking = z.infer<typeof s.rankingSchema>;
export type DistrictListResponse = z.infer<typeof s.districtListSchema>;
export type DistrictScorecard = z.infer<typeof s.districtScorecardSchema>;
export type CompstatResponse = z.infer<typeof s.compstatResponseSchema>;
export type OfficialListResponse = z.infer<typeof s.officialListSchema>;
export type OfficialScorecard = z.infer<typeof s.officialScorecardSchema>;
export type TrustResponse = z.infer<typeof s.trustResponseSchema>;
export type TrustTokenResponse = z.infer<typeof s.tokenResponseSchema>;
export type SurveyAnswerInput = z.input<typeof s.surveyAnswerBody>;
export type IndicatorDefinitionInput = z.input<typeof s.indicatorDefinitionBody>;
export type IndicatorPatchInput = z.input<typeof s.indicatorPatchBody>;
export type ValueInput = z.input<typeof s.valueBody>;
export type UploadRow = z.input<typeof s.uploadRowSchema>;
export type UploadPreview = z.infer<typeof s.previewResponseSchema>;
export type PreviewRow = UploadPreview['rows'][number];
export type UploadConfirmResult = z.infer<typeof s.confirmResponseSchema>;
export type FromFigureInput = z.input<typeof s.fromFigureBody>;
export type BudgetLineInput = z.input<typeof s.budgetLineBody>;
export type MeasurePatchInput = z.input<typeof s.measurePatchBody>;
export type DueIndicator = z.infer<typeof s.dueIndicatorSchema>;
