import { api } from '../../api/client';
import type { Lang, ListResponse } from '../../api/types';
import type {
  CompstatResponse,
  DistrictListResponse,
  DistrictScorecard,
  IndicatorDetail,
  OfficialListItem,
  OfficialScorecard,
  ProgrammeScorecard,
  ProgrammeSummary,
  SurveyAnswerInput,
  TrustResponse,
  TrustTokenResponse,
} from './scorecards.types';

const segment = (value: string) => encodeURIComponent(value);

export const scorecardsApi = {
  programmes: (signal?: AbortSignal) => api.get<ListResponse<ProgrammeSummary>>('/api/v1/programmes', { signal }),
  programme: (code: string, signal?: AbortSignal) => api.get<ProgrammeScorecard>(`/api/v1/programmes/${segment(code)}`, { signal }),
  indicator: (id: string, signal?: AbortSignal) => api.get<IndicatorDetail>(`/api/v1/indicators/${segment(id)}`, { signal }),
  districts: (signal?: AbortSignal) => api.get<DistrictListResponse>('/api/v1/scorecards/districts', { signal }),
  district: (id: string, signal?: AbortSignal) => api.get<DistrictScorecard>(`/api/v1/scorecards/districts/${segment(id)}`, { signal }),
  officials: (signal?: AbortSignal) => api.get<ListResponse<OfficialListItem>>('/api/v1/scorecards/officials', { signal }),
  official: (id: string, signal?: AbortSignal) => api.get<OfficialScorecard>(`/api/v1/scorecards/officials/${segment(id)}`, { signal }),
  compstat: (query: { asOf?: string; code?: string } = {}, signal?: AbortSignal) =>
    api.get<CompstatResponse>('/api/v1/compstat', { query, signal }),
  trust: (months = 12, signal?: AbortSignal) => api.get<TrustResponse>('/api/v1/trust', { query: { months }, signal }),
  /** A one-time link to the survey for a resident of the portal (may answer 429). */
  trustToken: (districtId?: string | null) => api.post<TrustTokenResponse>('/api/v1/trust/tokens', districtId ? { districtId } : {}),
  /** Whether a survey link can still be answered, checked before the form is shown. */
  surveyTokenState: (token: string, signal?: AbortSignal) =>
    api.get<{ state: 'open' | 'used' | 'expired' | 'unknown' }>(`/api/v1/trust/tokens/${encodeURIComponent(token)}`, { signal }),
  /** 409 when the token was already used, 404 when it is unknown or expired. */
  answerSurvey: (input: SurveyAnswerInput) => api.post<unknown>('/api/v1/trust/responses', input),
};

/** The tables published as open data, each as CSV and XLSX. */
export type ExportTable = 'programmes' | 'budget-lines' | 'measures' | 'indicators' | 'indicator-values' | 'trust' | 'compstat';
export type ExportFormat = 'csv' | 'xlsx';

export function exportUrl(table: ExportTable, format: ExportFormat): string {
  return `/api/v1/exports/${table}.${format}`;
}

export function scorecardPdfUrl(code: string, lang: Lang): string {
  return `/api/v1/programmes/${segment(code)}/scorecard.pdf?lang=${lang}`;
}

/** Routes of the public pages. */
export const scorecardPaths = {
  overview: '/scorecards',
  programme: (code: string) => `/scorecards/programmes/${segment(code)}`,
  indicator: (id: string) => `/scorecards/indicators/${segment(id)}`,
  district: (id: string) => `/scorecards/districts/${segment(id)}`,
  official: (id: string) => `/scorecards/officials/${segment(id)}`,
  survey: (token: string) => `/trust/survey?token=${encodeURIComponent(token)}`,
};

/** The city as a whole has no district page. */
export const CITY_ID = 'city';
