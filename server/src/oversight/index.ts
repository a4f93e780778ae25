// The oversight module: council recommendations, the department's responses per period,
// the council's assessments, report import and export. Other modules use only what is exported here.
export { oversightRoutes } from './oversight.routes.js';
export {
  configureOversightCache,
  confirmImport,
  createCommissionIfMissing,
  findResponseFigure,
  importItemFromParsed,
  loadRecommendationViews,
  recommendationExists,
} from './oversight.service.js';
export { importReportFile, isReportImportError } from './report-import/index.js';
export type { ImportInput, ImportItemInput, RecommendationView, ResponseFigureRef } from './oversight.service.js';
export { PERIOD_CODE_PATTERN, recommendationStatuses, type RecommendationStatus } from './oversight.domain.js';
