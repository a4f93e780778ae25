import { api, upload, type UploadOptions } from '../../api/client';
import type { ListResponse } from '../../api/types';
import type { DueIndicator } from '../../api/performance.contract';
import type {
  BudgetLineInput,
  FromFigureInput,
  IndicatorCard,
  IndicatorDefinitionInput,
  IndicatorDetail,
  IndicatorPatchInput,
  Measure,
  MeasurePatchInput,
  ProgrammeScorecard,
  ProgrammeSummary,
  UploadConfirmResult,
  UploadPreview,
  UploadRow,
  ValueInput,
} from './performance.types';

const id = (value: string) => encodeURIComponent(value);

export const performanceStaffApi = {
  // Public reads are cached for a few seconds; staff pages revalidate so they see their own writes.
  programmes: (signal?: AbortSignal) => api.get<ListResponse<ProgrammeSummary>>('/api/v1/programmes', { signal, cache: 'no-cache' }),
  programme: (code: string, signal?: AbortSignal) =>
    api.get<ProgrammeScorecard>(`/api/v1/programmes/${id(code)}`, { signal, cache: 'no-cache' }),
  /** Full cards (thresholds, target, current value, light) of every indicator. */
  cards: (signal?: AbortSignal) => api.get<ListResponse<IndicatorCard>>('/api/v1/indicators/cards', { signal, cache: 'no-cache' }),
  /** Indicators in the account's scope whose latest value is older than the last completed period. */
  due: (signal?: AbortSignal) => api.get<ListResponse<DueIndicator>>('/api/v1/staff/indicators/due', { signal, cache: 'no-cache' }),
  indicator: (indicatorId: string, signal?: AbortSignal) =>
    api.get<IndicatorDetail>(`/api/v1/indicators/${id(indicatorId)}`, { signal, cache: 'no-cache' }),

  defineIndicator: (body: IndicatorDefinitionInput) => api.post<IndicatorCard>('/api/v1/indicators', body),
  updateIndicator: (indicatorId: string, body: IndicatorPatchInput) => api.patch<IndicatorCard>(`/api/v1/indicators/${id(indicatorId)}`, body),

  /** One value; a different value for a period that has one is a correction and needs a reason. */
  enterValue: (indicatorId: string, body: ValueInput) => api.post<IndicatorDetail>(`/api/v1/indicators/${id(indicatorId)}/values`, body),

  /** Reads a CSV/XLSX and checks every row; saves nothing. */
  previewUpload: (file: File, options: UploadOptions) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload<UploadPreview>('/api/v1/indicator-values/preview', form, options);
  },
  /** Saves the rows, all or none. */
  confirmUpload: (rows: UploadRow[]) => api.post<UploadConfirmResult>('/api/v1/indicator-values/confirm', { rows }),

  /** Makes a figure of an imported response an indicator value. */
  fromFigure: (body: FromFigureInput) => api.post<IndicatorDetail>('/api/v1/indicator-values/from-figure', body),

  putBudgetLine: (code: string, body: BudgetLineInput) => api.put<ProgrammeScorecard>(`/api/v1/programmes/${id(code)}/budget-lines`, body),
  updateMeasure: (measureId: string, body: MeasurePatchInput) => api.patch<Measure>(`/api/v1/measures/${id(measureId)}`, body),
};

export const VALUES_TEMPLATE_URL = '/api/v1/indicator-values/template.csv';

export const ACCEPTED_VALUE_FILES =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
