import { api, upload, type UploadOptions } from '../../api/client';
import type { ImportConfirmRequest, ImportConfirmResponse, ImportPreview } from '../../api/types';

export const importApi = {
  /** Parses the report on the server; nothing is saved. */
  preview: (file: File, options: UploadOptions) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload<ImportPreview>('/api/v1/reports/import/preview', form, options);
  },
  /** Saves the (corrected) preview. */
  confirm: (body: ImportConfirmRequest) => api.post<ImportConfirmResponse>('/api/v1/reports/import/confirm', body),
};

export const ACCEPTED_REPORT_FILES =
  '.txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
