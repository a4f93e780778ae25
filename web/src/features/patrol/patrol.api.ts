import { createCache } from '../../api/cache';
import { api, ApiError } from '../../api/client';
import type { PatrolPlan, PatrolShift, PatrolShiftPatch, PlanStarted, PlanStartInput, PlanSummary, SectorCollection } from '../../api/patrol.contract';
import type { Role } from '../../api/types';

/** Who produces plans and edits shifts (the server: analyst or admin, city-wide). */
export const PATROL_PLANNERS: readonly Role[] = ['analyst', 'admin'];
/** Who reads plans: planners, dispatchers and the council. */
export const PATROL_READERS: readonly Role[] = ['analyst', 'dispatcher', 'council', 'admin'];

export const PATROL_PATH = '/staff/patrol';

const segment = (value: string) => encodeURIComponent(value);
// Sector outlines change only with a new geography: load once per visit.
const { cached } = createCache();

export const patrolApi = {
  shifts: (signal?: AbortSignal) => api.get<PatrolShift[]>('/api/v1/patrol/shifts', { signal, cache: 'no-cache' }),
  updateShift: (code: string, patch: PatrolShiftPatch) => api.put<PatrolShift>(`/api/v1/patrol/shifts/${segment(code)}`, patch),
  sectors: () => cached('sectors', () => api.get<SectorCollection>('/api/v1/patrol/sectors.geojson')),
  startPlan: (input: PlanStartInput) => api.post<PlanStarted>('/api/v1/patrol/plans', input),
  plans: (query: { date?: string; shift?: string }, signal?: AbortSignal) => api.get<PlanSummary[]>('/api/v1/patrol/plans', { query, signal, cache: 'no-cache' }),
  plan: (id: string, signal?: AbortSignal) => api.get<PatrolPlan>(`/api/v1/patrol/plans/${segment(id)}`, { signal, cache: 'no-cache' }),
};

/** Where a plan's files are downloaded from. */
export const planFiles = {
  csv: (id: string) => `/api/v1/patrol/plans/${segment(id)}.csv`,
  geojson: (id: string) => `/api/v1/patrol/plans/${segment(id)}.geojson`,
  pdf: (id: string, lang: 'ru' | 'kk') => `/api/v1/patrol/plans/${segment(id)}.pdf?lang=${lang}`,
};

/** Tomorrow's date in Almaty (UTC+5), YYYY-MM-DD: the day a plan is usually made for. */
export function tomorrowInAlmaty(now = Date.now()): string {
  return new Date(now + 86_400_000 + 5 * 3_600_000).toISOString().slice(0, 10);
}

/** Why a plan's work stopped, as an API problem (its title in the reader's language, the server's detail). */
export function taskProblem(error: { type: string; title: string; detail?: string | undefined; field?: string | undefined }): ApiError {
  return new ApiError({ type: error.type, title: error.title, status: 422, ...(error.detail ? { detail: error.detail } : {}), ...(error.field ? { field: error.field } : {}) });
}
