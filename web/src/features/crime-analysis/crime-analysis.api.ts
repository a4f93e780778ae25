import { createCache } from '../../api/cache';
import { api, upload, type UploadOptions } from '../../api/client';
import type {
  BacktestStartInput,
  BacktestView,
  CategoryInput,
  CategoryRow,
  CrimeDataset,
  CrimeDatasetInput,
  CrimeLine,
  ForecastDetail,
  ForecastStartInput,
  ForecastSummary,
  ImportStartInput,
  IncidentImport,
  IncidentUpload,
  MethodChoice,
  MethodChoiceInput,
  SavedMapping,
  StartedTask,
} from '../../api/crime-analysis.contract';

const segment = (value: string) => encodeURIComponent(value);

// The lines are reference data: load once per visit.
const { cached } = createCache();

export const crimeAnalysisApi = {
  lines: () => cached('lines', () => api.get<CrimeLine[]>('/api/v1/crime/lines')),

  datasets: (signal?: AbortSignal) => api.get<CrimeDataset[]>('/api/v1/crime/datasets', { signal }),
  createDataset: (body: CrimeDatasetInput) => api.post<CrimeDataset>('/api/v1/crime/datasets', body),
  categories: (dataset: string, signal?: AbortSignal) => api.get<CategoryRow[]>(`/api/v1/crime/datasets/${segment(dataset)}/categories`, { signal }),
  /** Maps one source category to a line (null: unmapped); answers the whole table again. */
  setCategory: (dataset: string, body: CategoryInput) => api.put<CategoryRow[]>(`/api/v1/crime/datasets/${segment(dataset)}/categories`, body),

  /** Sends the file (streamed to disk by the server): its columns and first rows; nothing is imported yet. */
  upload: (file: File, options: UploadOptions) => {
    const form = new FormData();
    form.append('file', file);
    return upload<IncidentUpload>('/api/v1/crime/uploads', form, options);
  },
  mappings: (signal?: AbortSignal) => api.get<SavedMapping[]>('/api/v1/crime/mappings', { signal }),
  /** 202: the import runs in the background; a mapping naming a missing column answers 400 with the field. */
  startImport: (body: ImportStartInput) => api.post<IncidentImport>('/api/v1/crime/imports', body),
  imports: (dataset: string, signal?: AbortSignal) => api.get<IncidentImport[]>('/api/v1/crime/imports', { query: { dataset }, signal }),
  importRun: (id: string, signal?: AbortSignal) => api.get<IncidentImport>(`/api/v1/crime/imports/${segment(id)}`, { signal }),

  startForecast: (body: ForecastStartInput) => api.post<StartedTask>('/api/v1/crime/forecasts', body),
  forecasts: (dataset: string, signal?: AbortSignal) => api.get<ForecastSummary[]>('/api/v1/crime/forecasts', { query: { dataset }, signal }),
  forecast: (id: string, top: number, signal?: AbortSignal) => api.get<ForecastDetail>(`/api/v1/crime/forecasts/${segment(id)}`, { query: { top }, signal }),

  startBacktest: (body: BacktestStartInput) => api.post<StartedTask>('/api/v1/crime/backtests', body),
  backtests: (dataset: string, signal?: AbortSignal) => api.get<BacktestView[]>('/api/v1/crime/backtests', { query: { dataset }, signal }),
  backtest: (id: string, signal?: AbortSignal) => api.get<BacktestView>(`/api/v1/crime/backtests/${segment(id)}`, { signal }),

  methodChoices: (dataset: string, signal?: AbortSignal) => api.get<MethodChoice[]>(`/api/v1/crime/method-choices/${segment(dataset)}`, { signal }),
  /** Line `*` = all lines. Answers the dataset's choices. */
  chooseMethod: (dataset: string, line: string, body: MethodChoiceInput) => api.put<MethodChoice[]>(`/api/v1/crime/method-choices/${segment(dataset)}/${segment(line)}`, body),
};

export const crimeAnalysisPaths = {
  import: '/staff/crime/import',
  forecasts: '/staff/crime/forecasts',
};
