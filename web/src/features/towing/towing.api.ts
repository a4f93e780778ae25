import type { FeatureCollection } from 'geojson';
import { createCache } from '../../api/cache';
import { api, postWithPhotos, upload, type UploadOptions } from '../../api/client';
import type {
  CallInput,
  CancelInput,
  DayFigures,
  ImpoundLot,
  LookupInput,
  LookupResult,
  RegisteredTow,
  RegistryImport,
  ReleaseInput,
  TemplateLang,
  TemplatePreview,
  TemplatePurpose,
  TowDetail,
  TowList,
  TowReason,
  TowRegistration,
  TowSummary,
  TowTemplate,
} from '../../api/towing.contract';
import type { Role } from '../../api/types';

const segment = (value: string) => encodeURIComponent(value);

// Lots, reasons and district outlines change rarely: loaded once per visit.
const { cached } = createCache();

export const towingApi = {
  // ---- public
  lots: () => cached('lots', () => api.get<ImpoundLot[]>('/api/v1/towing/lots')),
  districtShapes: () => cached('district-shapes', () => api.get<FeatureCollection>('/api/v1/districts.geojson')),
  /** 404 (one sentence whatever the cause) when plate and code do not match a tow; 429 after too many tries. */
  lookup: (input: LookupInput) => api.post<LookupResult>('/api/v1/towing/lookup', input, { cache: 'no-store' }),

  // ---- staff
  reasons: () => cached('reasons', () => api.get<TowReason[]>('/api/v1/towing/reasons')),
  /** With photos: multipart (`tow` JSON + `photo` files), so that the upload shows progress. */
  register: (tow: TowRegistration, photos: readonly File[], options: UploadOptions = {}) => postWithPhotos<RegisteredTow>('/api/v1/towing/tows', 'tow', tow, photos, options),
  tows: (day: string, signal?: AbortSignal) => api.get<TowList>('/api/v1/towing/tows', { query: { day }, signal, cache: 'no-store' }),
  callList: (signal?: AbortSignal) => api.get<{ items: TowSummary[] }>('/api/v1/towing/call-list', { signal, cache: 'no-store' }).then((r) => r.items),
  tow: (id: string, signal?: AbortSignal) => api.get<TowDetail>(`/api/v1/towing/tows/${segment(id)}`, { signal, cache: 'no-store' }),
  photoUrl: (id: string, position: number) => `/api/v1/towing/tows/${segment(id)}/photos/${position}`,
  atLot: (id: string) => api.post<TowDetail>(`/api/v1/towing/tows/${segment(id)}/at-lot`, {}),
  release: (id: string, body: ReleaseInput) => api.post<TowDetail>(`/api/v1/towing/tows/${segment(id)}/release`, body),
  cancel: (id: string, body: CancelInput) => api.post<TowDetail>(`/api/v1/towing/tows/${segment(id)}/cancel`, body),
  call: (id: string, body: CallInput) => api.post<TowDetail>(`/api/v1/towing/tows/${segment(id)}/call`, body),
  figures: (from: string, to: string, signal?: AbortSignal) => api.get<{ days: DayFigures[] }>('/api/v1/towing/figures', { query: { from, to }, signal, cache: 'no-store' }).then((r) => r.days),

  // ---- admin
  templates: (signal?: AbortSignal) => api.get<TowTemplate[]>('/api/v1/towing/templates', { signal, cache: 'no-store' }),
  preview: (purpose: TemplatePurpose, lang: TemplateLang, text: string, signal?: AbortSignal) =>
    api.post<TemplatePreview>(`/api/v1/towing/templates/${purpose}/${lang}/preview`, { text }, { signal }),
  saveTemplate: (purpose: TemplatePurpose, lang: TemplateLang, text: string) => api.put<TowTemplate>(`/api/v1/towing/templates/${purpose}/${lang}`, { text }),
  importRegistry: (file: File, options: UploadOptions) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload<RegistryImport>('/api/v1/towing/registry', form, options);
  },
};

/** Routes of the towing pages. */
export const towingPaths = {
  lookup: '/car',
  /** The SMS link: `host/c/<token>`. */
  link: (token: string) => `/c/${segment(token)}`,
  workspace: '/staff/towing',
  new: '/staff/towing/new',
  figures: '/staff/towing/figures',
  settings: '/staff/towing/settings',
  tow: (id: string) => `/staff/towing/${segment(id)}`,
};

// Who may do what: the server's access levels in towing.routes.ts.
/** Register tows, mark them at the lot, release and cancel them. */
export const TOW_OPERATORS: readonly Role[] = ['tow_operator', 'admin'];
/** Follow tows: the operators, the duty officers (dispatchers) who call owners, and admins. */
export const TOW_FOLLOWERS: readonly Role[] = ['tow_operator', 'dispatcher', 'admin'];
/** Read the daily figures. */
export const TOW_FIGURE_READERS: readonly Role[] = ['tow_operator', 'dispatcher', 'analyst', 'council', 'admin'];
/** Edit the SMS texts and import the registry. */
export const TOW_ADMINS: readonly Role[] = ['admin'];
