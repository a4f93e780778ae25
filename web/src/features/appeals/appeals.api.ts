import type { FeatureCollection } from 'geojson';
import { createCache } from '../../api/cache';
import { api, postWithPhotos, type UploadOptions } from '../../api/client';
import type {
  AppealCategory,
  AppealReceipt,
  AppealSubmission,
  ContestInput,
  DrugAdvertStats,
  LocateResult,
  PublicAppeal,
  PublicAppealList,
  PublicAppealListQuery,
  RatingInput,
  RatingResult,
  SupportChallenge,
  SupportConfirmInput,
  SupportInput,
} from '../../api/appeals.contract';
import type { ListResponse, LocalizedText } from '../../api/types';

const segment = (value: string) => encodeURIComponent(value);

// Reference data that changes rarely: loaded once per visit, forgotten when it fails.
const { cached } = createCache();

export const appealsApi = {
  categories: () =>
    cached('categories', () => api.get<ListResponse<AppealCategory>>('/api/v1/appeal-categories').then((r) => r.items.filter((c) => c.active))),
  districtShapes: () => cached('district-shapes', () => api.get<FeatureCollection>('/api/v1/districts.geojson')),

  /** Programme names by code, to name the programme that took a proposal up. */
  programmeNames: () =>
    cached('programme-names', () =>
      api.get<ListResponse<{ code: string; name: LocalizedText }>>('/api/v1/programmes').then((r) => new Map(r.items.map((p) => [p.code, p.name]))),
    ),

  /** With photos: multipart (`appeal` JSON + `photo` files) so that the upload shows progress. */
  submit: (submission: AppealSubmission, photos: readonly File[], options: UploadOptions = {}) => postWithPhotos<AppealReceipt>('/api/v1/appeals', 'appeal', submission, photos, options),

  list: (query: PublicAppealListQuery, signal?: AbortSignal) => api.get<PublicAppealList>('/api/v1/appeals', { query: { ...query }, signal }),
  /** The server reads the code loosely (case, dashes); 404 when there is no such appeal. */
  get: (code: string, signal?: AbortSignal) => api.get<PublicAppeal>(`/api/v1/appeals/${segment(code)}`, { signal, cache: 'no-cache' }),
  rate: (code: string, input: RatingInput) => api.post<RatingResult>(`/api/v1/appeals/${segment(code)}/rating`, input),
  contest: (code: string, input: ContestInput) => api.post<PublicAppeal>(`/api/v1/appeals/${segment(code)}/contest`, input),
  support: (code: string, input: SupportInput) => api.post<SupportChallenge>(`/api/v1/appeals/${segment(code)}/supports`, input),
  confirmSupport: (code: string, input: SupportConfirmInput) => api.post<SupportChallenge>(`/api/v1/appeals/${segment(code)}/supports/confirm`, input),
  drugAdvertStats: (signal?: AbortSignal) => api.get<DrugAdvertStats>('/api/v1/appeals/drug-adverts/stats', { signal }),

  /** 422 `outside-city` when the point is in no precinct of the city. */
  locate: (point: { lon: number; lat: number }, signal?: AbortSignal) => api.get<LocateResult>('/api/v1/precincts/locate', { query: { lat: point.lat, lon: point.lon }, signal }),
};

/** Routes of the public pages. */
export const appealPaths = {
  list: '/appeals',
  proposals: '/proposals',
  new: (category?: string) => (category ? `/appeals/new?category=${segment(category)}` : '/appeals/new'),
  track: (code: string) => `/appeals/${segment(code)}`,
  recommendation: (ref: string) => `/recommendations/${segment(ref.replace(/^п\.?\s*/i, ''))}`,
  programme: (ref: string) => `/scorecards/programmes/${segment(ref)}`,
};
