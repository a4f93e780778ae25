import { desc, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/db.js';
import { notFound } from '../platform/errors.js';
import { periodBounds, type RecommendationStatus } from './oversight.domain.js';
import * as repo from './oversight.repository.js';
import { loadRecommendationViews } from './oversight.service.js';
import { reportImports } from './oversight.tables.js';
import { renderReportDocx, renderReportPdf, type ExportLanguage } from './report-export/index.js';

const statusLabels: Record<ExportLanguage, Record<RecommendationStatus, string>> = {
  ru: {
    implemented: 'Исполнено',
    in_progress: 'В работе',
    partially_implemented: 'Исполнено частично',
    planned: 'Запланировано',
    declined: 'Отклонено',
    outside_competence: 'Вне компетенции',
    requires_legislation: 'Требуется изменение законодательства',
    no_response: 'Нет ответа',
  },
  kk: {
    implemented: 'Орындалды',
    in_progress: 'Орындалуда',
    partially_implemented: 'Ішінара орындалды',
    planned: 'Жоспарланған',
    declined: 'Қабылданбады',
    outside_competence: 'Құзыретінен тыс',
    requires_legislation: 'Заңнаманы өзгерту қажет',
    no_response: 'Жауап жоқ',
  },
  en: {
    implemented: 'Implemented',
    in_progress: 'In progress',
    partially_implemented: 'Partially implemented',
    planned: 'Planned',
    declined: 'Declined',
    outside_competence: 'Outside competence',
    requires_legislation: 'Requires legislation',
    no_response: 'No response',
  },
};

const defaultTitle = 'Информация ДП г. Алматы\nпо исполнению рекомендаций Комиссии №7\nОбщественного Совета г. Алматы по вопросам\nзаконности и правопорядка';

/** Generates the department's report for a period back, in the seed's form. */
export async function renderPeriodReport(db: Db, periodCode: string, format: 'docx' | 'pdf', language: ExportLanguage): Promise<Buffer> {
  const commission = await repo.findDefaultCommission(db);
  const period = commission ? await repo.findPeriod(db, commission.id, periodCode) : null;
  if (!commission || !period) throw notFound(`reporting period ${periodCode}`);
  const [lastImport] = await db.select({ title: reportImports.title }).from(reportImports).where(eq(reportImports.periodId, period.id)).orderBy(desc(reportImports.createdAt)).limit(1);
  const views = await loadRecommendationViews(db, { commissionId: commission.id });
  const report = {
    title: lastImport?.title ?? defaultTitle,
    periodLabel: periodBounds(periodCode).label[language],
    generatedAt: new Date(),
    language,
    items: views.map((v) => {
      const response = v.responses.find((r) => r.period.id === period.id);
      const status = (response?.row.status ?? 'no_response') as RecommendationStatus;
      return {
        number: v.row.number,
        recommendation: v.row.text,
        subItems: v.row.subItems,
        response: response?.row.text ?? null,
        status: statusLabels[language][status],
      };
    }),
  };
  return format === 'pdf' ? renderReportPdf(report) : renderReportDocx(report);
}
