// The performance module: programmes, measures, indicators and their values, budgets, public
// scorecards, CompStat and trust indicators (report items п.1–п.4, п.9). Other modules use only this.
export { performanceRoutes } from './performance.routes.js';
export { configurePerformanceCache, invalidatePerformanceCache, measureExists, programmeExists, saveComputedValues } from './performance.service.js';
export { issueTrustToken, type IssuedToken } from './trust.service.js';
export { loadPerformanceSeed, loadPerformanceDemo } from './performance.seed.js';
export type { SurveyContext } from './performance.domain.js';
