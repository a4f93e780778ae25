// Report export of the oversight module: the department's report for a period as DOCX and PDF.
export type { ExportItem, ExportLanguage, ExportReport } from './report-export.types.js';
export { REPORT_DOCX_CONTENT_TYPE, renderReportDocx } from './report-docx.service.js';
export { REPORT_PDF_CONTENT_TYPE, renderReportPdf } from './report-pdf.service.js';
