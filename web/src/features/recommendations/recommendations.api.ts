import { api, buildUrl } from '../../api/client';
import type {
  Assessment,
  AssessmentInput,
  RecommendationDetail,
  RecommendationFilters,
  RecommendationListResponse,
  RecommendationResponse,
  ResponseInput,
} from '../../api/types';

export const recommendationsApi = {
  list: (filters: RecommendationFilters, signal?: AbortSignal) =>
    api.get<RecommendationListResponse>('/api/v1/recommendations', { query: { ...filters }, signal }),
  get: (number: number | string, signal?: AbortSignal) =>
    api.get<RecommendationDetail>(`/api/v1/recommendations/${encodeURIComponent(String(number))}`, { signal }),
  writeResponse: (number: number, input: ResponseInput) =>
    api.post<RecommendationResponse>(`/api/v1/recommendations/${number}/responses`, input),
  assess: (responseId: string, input: AssessmentInput) =>
    api.post<Assessment>(`/api/v1/responses/${encodeURIComponent(responseId)}/assessments`, input),
};

/** Open data: public, linkable, cacheable. */
export const openDataUrls = {
  json: '/api/v1/open-data/recommendations.json',
  csv: '/api/v1/recommendations.csv',
  csvFiltered: (filters: RecommendationFilters) => buildUrl('/api/v1/recommendations.csv', { ...filters }),
  docs: '/api/docs',
};

export type ReportFormat = 'docx' | 'pdf';

export function reportExportUrl(periodCode: string, format: ReportFormat): string {
  return `/api/v1/reports/${encodeURIComponent(periodCode)}/export.${format}`;
}
