// The appeals module: residents' appeals and proposals (web and Open311 GeoReport v2), routing,
// public timelines, drug-advert tracking (п.3) and proposals with supports (п.1).
export { appealsRoutes } from './appeals.routes.js';
export { open311Routes } from './open311/open311.routes.js';
export { configureAppealNotices } from './appeals.notify.js';
export { drugAdvertStats, issueApiKey, listApiKeys } from './appeals.service.js';
export { loadAppealsDemo } from './appeals.demo.js';
