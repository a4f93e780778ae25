// The crime module: incidents and their import, the staff and public maps, forecasts and backtests
// (п.6, п.8). Other modules use only this.
export { crimeRoutes } from './crime.routes.js';
export { configurePublicMap, startForecast, sweepUploads } from './crime.service.js';
export { forecastCellsWithRisk, forecastRunSummary, incidentsInHoursPerArea, methodChoiceForAllLines, type ForecastRunSummary } from './crime.reads.js';
export { projector, type GridSpec } from './forecast/grid.js';
export { loadCrimeDemo } from './crime.demo.js';
