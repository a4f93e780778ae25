import type { FeatureCollection } from 'geojson';
import { createCache } from '../../api/cache';
import { api } from '../../api/client';
import type { ListResponse } from '../../api/types';
import type {
  AdoptInput,
  AnswerInput,
  AppealCategory,
  AppealUnit,
  CategoryPatchInput,
  Open311Key,
  Open311KeyCreated,
  RemovalInput,
  RouteInput,
  StaffAppeal,
  StaffQueuePage,
  StaffQueueQuery,
  StatusChangeInput,
  VisibilityInput,
} from './appeals-staff.types';

const seg = (value: string) => encodeURIComponent(value);
const appealPath = (code: string) => `/api/v1/staff/appeals/${seg(code)}`;

// Reference lists change rarely: loaded once per visit, a failed load forgotten so it can be retried.
const { cached, forget } = createCache();

/** Staff read their own writes: every staff read revalidates (`no-cache`). */
export const appealsStaffApi = {
  queue: (query: StaffQueueQuery, signal?: AbortSignal) =>
    api.get<StaffQueuePage>('/api/v1/staff/appeals', { query: { ...query }, signal, cache: 'no-cache' }),
  appeal: (code: string, signal?: AbortSignal) => api.get<StaffAppeal>(appealPath(code), { signal, cache: 'no-cache' }),

  route: (code: string, body: RouteInput) => api.post<StaffAppeal>(`${appealPath(code)}/route`, body),
  setStatus: (code: string, body: StatusChangeInput) => api.post<StaffAppeal>(`${appealPath(code)}/status`, body),
  answer: (code: string, body: AnswerInput) => api.post<StaffAppeal>(`${appealPath(code)}/answer`, body),
  setVisibility: (code: string, body: VisibilityInput) => api.post<StaffAppeal>(`${appealPath(code)}/visibility`, body),
  recordRemoval: (code: string, body: RemovalInput) => api.post<StaffAppeal>(`${appealPath(code)}/removal`, body),
  adopt: (code: string, body: AdoptInput) => api.post<StaffAppeal>(`${appealPath(code)}/adopt`, body),

  categories: () => cached('categories', () => api.get<ListResponse<AppealCategory>>('/api/v1/appeal-categories', { cache: 'no-cache' })),
  units: () => cached('units', () => api.get<ListResponse<AppealUnit>>('/api/v1/appeal-units')),
  /** District boundaries: context around an appeal's point on the map. */
  districtShapes: () => cached('district-shapes', () => api.get<FeatureCollection>('/api/v1/districts.geojson')),
  /** After an admin changes a category. */
  forgetCategories: () => forget('categories'),

  // ---- admin: Open311 -----------------------------------------------------------------------
  keys: (signal?: AbortSignal) => api.get<ListResponse<Open311Key>>('/api/v1/admin/open311-keys', { signal, cache: 'no-cache' }),
  issueKey: (name: string) => api.post<Open311KeyCreated>('/api/v1/admin/open311-keys', { name }),
  revokeKey: (id: string) => api.delete<unknown>(`/api/v1/admin/open311-keys/${seg(id)}`),
  patchCategory: (code: string, body: CategoryPatchInput) => api.patch<AppealCategory>(`/api/v1/admin/appeal-categories/${seg(code)}`, body),
};

/** What Open311 integrators start from (GeoReport v2 discovery). */
export const OPEN311_DISCOVERY_PATH = '/open311/v2/discovery.json';
export const OPEN311_BASE_PATH = '/open311/v2/';
