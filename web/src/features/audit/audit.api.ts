import { api } from '../../api/client';
import type { AuditEntry, AuditVerifyResult, ListResponse } from '../../api/types';

export const AUDIT_PAGE_SIZE = 50;

export const auditApi = {
  list: (before?: number, signal?: AbortSignal) =>
    api.get<ListResponse<AuditEntry>>('/api/v1/audit', { query: { limit: AUDIT_PAGE_SIZE, before }, signal }),
  verify: () => api.get<AuditVerifyResult>('/api/v1/audit/verify'),
};
