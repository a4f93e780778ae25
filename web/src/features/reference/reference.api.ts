import { createCache } from '../../api/cache';
import { api } from '../../api/client';
import type { Commission, District, ListResponse, Period } from '../../api/types';

// Reference data changes rarely: load once per visit, forget a failed load so it can be retried.
const { cached, forget } = createCache();

export const referenceApi = {
  districts: () => cached('districts', () => api.get<ListResponse<District>>('/api/v1/districts')),
  commissions: () => cached('commissions', () => api.get<ListResponse<Commission>>('/api/v1/commissions')),
  periods: () => cached('periods', () => api.get<ListResponse<Period>>('/api/v1/periods')),
  /** After an import adds a period. */
  forgetPeriods: () => forget('periods'),
};

/** Period codes are YYYY-Qn: they sort as strings. */
export function latestPeriod(periods: readonly Period[]): Period | undefined {
  return [...periods].sort((a, b) => a.code.localeCompare(b.code)).at(-1);
}

export const PERIOD_CODE_PATTERN = /^\d{4}-Q[1-4]$/;
