import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderReportDocx } from './report-docx.service.js';
import {
  SEED_ITEM_24,
  buildExportReport,
  buildKazakhExportReport,
  buildLongExportReport,
} from './report-export.fixtures.js';

async function docxText(buffer: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer });
  return value;
}

/** Asserts that `parts` occur in `text` in this order. */
function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `«${part}» after offset ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

describe('renderReportDocx', () => {
  it('round-trips through mammoth: title, period, «п.24.» with its recommendation, then its response', async () => {
    const text = await docxText(await renderReportDocx(buildExportReport()));
    expectInOrder(text, [
      'Информация ДП г. Алматы',
      'законности и правопорядка',
      'Отчётный период: 2021, I квартал',
      'п.12. Эффективная организация дорожного движения',
      '1). Убрать запрещающие',
      '2) Разрешить движение',
      'В настоящее время ведутся работы',
      'Работы по 2-му этапу',
      'п.23. Рассмотреть вопрос',
      'Ответ не представлен',
      `п.24. ${SEED_ITEM_24.recommendation}`,
      SEED_ITEM_24.response ?? '',
      'Статус: В работе',
    ]);
  });

  it('renders a Kazakh report with Kazakh labels', async () => {
    const text = await docxText(await renderReportDocx(buildKazakhExportReport()));
    expectInOrder(text, [
      'Қазақстан Республикасы',
      'Есепті кезең: 2021 жыл, I тоқсан',
      '1-тармақ.',
      'ә ғ қ ң ө ұ ү һ і',
      'Жауап берілмеген',
    ]);
  });

  it('renders all 28 items of a full report', async () => {
    const text = await docxText(await renderReportDocx(buildLongExportReport(28)));
    expectInOrder(text, Array.from({ length: 28 }, (_, index) => `п.${index + 1}. `));
  });
});
