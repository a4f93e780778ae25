import type { FeatureCollection, Geometry } from 'geojson';
import { createCache } from '../../api/cache';
import { api, ApiError, upload, type UploadOptions } from '../../api/client';
import type {
  AddressMatch,
  DistrictFeatureProperties,
  ImportPreview,
  ImportResult,
  InspectorCard,
  InspectorPatchInput,
  LocateResult,
  PrecinctDetail,
  PrecinctFeatureProperties,
  PrecinctSummary,
  ReceptionKind,
  ReceptionPoint,
  WorkloadNorms,
  WorkloadReport,
} from '../../api/precincts.contract';
import type { ListResponse, Problem } from '../../api/types';

const segment = (value: string) => encodeURIComponent(value);

export type PrecinctCollection = FeatureCollection<Geometry, PrecinctFeatureProperties>;
export type DistrictCollection = FeatureCollection<Geometry, DistrictFeatureProperties>;

// Outlines change rarely and are the heaviest answers: load once per visit, forget a failed load.
const { cached, forget } = createCache();

/** What each staff import reads: the file kinds offered and the template, if the server has one. */
export const IMPORT_KINDS = {
  precincts: { path: '/api/v1/precincts/import', accept: '.geojson,.json,application/geo+json,application/json', template: null },
  inspectors: {
    path: '/api/v1/inspectors/import',
    accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    template: '/api/v1/inspectors/import/template.csv',
  },
  addresses: {
    path: '/api/v1/addresses/import',
    accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    template: null,
  },
} as const;
export type ImportKind = keyof typeof IMPORT_KINDS;

export const precinctsApi = {
  /** The precinct a point is in, with its inspectors; 422 `outside-city` when it is in none. */
  locate: (point: { lat: number; lon: number }, signal?: AbortSignal) =>
    api.get<LocateResult>('/api/v1/precincts/locate', { query: { lat: point.lat, lon: point.lon }, signal }),
  searchAddresses: (q: string, signal?: AbortSignal) => api.get<ListResponse<AddressMatch>>('/api/v1/addresses/search', { query: { q }, signal }),
  precincts: (signal?: AbortSignal) => api.get<ListResponse<PrecinctSummary>>('/api/v1/precincts', { signal }),
  precinct: (id: string, signal?: AbortSignal) => api.get<PrecinctDetail>(`/api/v1/precincts/${segment(id)}`, { signal }),
  precinctOutlines: () => cached('precincts.geojson', () => api.get<PrecinctCollection>('/api/v1/precincts.geojson')),
  districtOutlines: () => cached('districts.geojson', () => api.get<DistrictCollection>('/api/v1/districts.geojson')),
  inspector: (id: string, signal?: AbortSignal) => api.get<InspectorCard>(`/api/v1/inspectors/${segment(id)}`, { signal }),
  inspectors: (query: { district?: string; q?: string } = {}, signal?: AbortSignal) =>
    api.get<ListResponse<InspectorCard>>('/api/v1/inspectors', { query, signal }),
  receptionPoints: (kind: ReceptionKind) => cached(`reception-points:${kind}`, () => api.get<ListResponse<ReceptionPoint>>('/api/v1/reception-points', { query: { kind } })),
  /** Staff pages read their own writes: `no-cache` revalidates the briefly cached public answer. */
  workload: (signal?: AbortSignal, fresh = false) =>
    api.get<WorkloadReport>('/api/v1/precincts/workload', { signal, ...(fresh ? { cache: 'no-cache' as const } : {}) }),

  putNorms: (norms: WorkloadNorms) => api.put<WorkloadNorms>('/api/v1/precincts/workload/norms', norms),
  patchInspector: (id: string, body: InspectorPatchInput) => api.patch<InspectorCard>(`/api/v1/inspectors/${segment(id)}`, body),
  /** Replaces the portrait (the server strips its metadata). */
  putPhoto: (id: string, file: File) => putFile<InspectorCard>(`/api/v1/inspectors/${segment(id)}/photo`, file),

  /** Reads the file and checks every row; saves nothing. */
  previewImport: (kind: ImportKind, file: File, options: UploadOptions) =>
    upload<ImportPreview>(`${IMPORT_KINDS[kind].path}/preview`, fileForm(file), options),
  /** The same file again: saved all or nothing (422 when any row is bad). */
  confirmImport: (kind: ImportKind, file: File, options: UploadOptions = {}) =>
    upload<ImportResult>(`${IMPORT_KINDS[kind].path}/confirm`, fileForm(file), options),
  /** Forget the cached outlines after an import changes them. */
  forgetOutlines: () => forget('precincts.geojson'),
};

/** PUT a file as multipart form data (the shared `upload` POSTs); problems come back as `ApiError`s. */
async function putFile<T>(path: string, file: File): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'PUT',
      body: fileForm(file),
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json' },
    });
  } catch {
    throw new ApiError({ type: 'urn:openbeat:network', title: '', status: 0 });
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) return body as T;
  const problem = typeof body === 'object' && body !== null && 'title' in body ? (body as Problem) : null;
  if (!problem) throw new ApiError({ type: 'about:blank', title: '', status: res.status });
  throw new ApiError({ ...problem, status: problem.status || res.status, field: problem.field?.replace(/^body\./, '') });
}

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

/** Whether a problem is the server's "this point is in no precinct of the city". */
export function isOutsideCity(error: unknown): boolean {
  return error instanceof ApiError && error.problem.type.endsWith('outside-city');
}

/** The link that opens the appeal form with the precinct and the point already filled in. */
export function appealLink(precinctId: string, point: { lat: number; lon: number } | null): string {
  const params = new URLSearchParams({ precinct: precinctId });
  if (point) {
    params.set('lat', point.lat.toFixed(6));
    params.set('lon', point.lon.toFixed(6));
  }
  return `/appeals/new?${params.toString()}`;
}

export const precinctPaths = {
  finder: '/inspectors',
  inspector: (id: string) => `/inspectors/${segment(id)}`,
  workload: '/precincts/workload',
};
