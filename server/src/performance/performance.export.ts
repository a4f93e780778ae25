// Every public table of the module as CSV/XLSX rows, and a programme's scorecard as a PDF.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Db } from '../platform/db/db.js';
import { renderPdf } from '../platform/documents/pdf.js';
import type { TableRecord } from '../platform/documents/tabular.js';
import { tiynToTengeString, type Light } from './performance.domain.js';
import type { PerformanceSnapshot, ProgrammeScorecard } from './performance.presenter.js';
import { trustAggregates } from './trust.service.js';

export const exportTables = ['programmes', 'budget-lines', 'measures', 'indicators', 'indicator-values', 'trust', 'compstat'] as const;
export type ExportTable = (typeof exportTables)[number];

const money = (tiyn: number | null) => (tiyn === null ? null : tiynToTengeString(tiyn));
const round = (n: number | null, digits = 2) => (n === null ? null : Number(n.toFixed(digits)));

/** The rows of one public table; no personal data is in any of them. */
export async function exportRecords(db: Db, snapshot: PerformanceSnapshot, table: ExportTable): Promise<TableRecord[]> {
  const programmeCode = (id: string) => snapshot.programmeById.get(id)?.code ?? '';
  switch (table) {
    case 'programmes':
      return snapshot.rows.programmes.map((p) => {
        const s = snapshot.programmeSummary(p);
        return {
          code: s.code,
          kind: s.kind,
          name_ru: s.name.ru,
          name_kk: s.name.kk,
          name_en: s.name.en,
          starts_on: s.startsOn,
          ends_on: s.endsOn,
          department: s.department.id,
          responsible: s.official?.name ?? null,
          responsible_position: s.official?.position.ru ?? null,
          report_items: s.recommendationNumbers.map((n) => `п.${n}`),
          planned_tenge: money(s.budget.plannedTiyn),
          allocated_tenge: money(s.budget.allocatedTiyn),
          spent_tenge: money(s.budget.spentTiyn),
          budget_synthetic: s.budget.synthetic,
          indicators: s.indicatorCount,
          green: s.lights.green,
          amber: s.lights.amber,
          red: s.lights.red,
          measures: s.measureCount,
          declared_measures: s.declaredMeasureCount,
        };
      });
    case 'budget-lines':
      return snapshot.rows.budgetLines.map((b) => ({
        programme: programmeCode(b.programmeId),
        year: b.year,
        label: b.label,
        planned_tenge: money(b.plannedTiyn),
        allocated_tenge: money(b.allocatedTiyn),
        spent_tenge: money(b.spentTiyn),
        source: b.source,
        synthetic: b.synthetic,
      }));
    case 'measures':
      return snapshot.rows.measures.map((m) => ({
        programme: programmeCode(m.programmeId),
        number: m.number,
        text: m.text,
        executor: m.executor,
        deadline: m.deadline,
        status: m.status,
        evidence: m.evidence,
        report_item: m.sourceItem,
        synthetic: m.synthetic,
      }));
    case 'indicators':
      return snapshot.rows.indicators.map((i) => {
        const c = snapshot.card(i.id)!;
        return {
          code: c.code,
          department: c.department.id,
          name_ru: c.name.ru,
          name_kk: c.name.kk,
          name_en: c.name.en,
          unit: c.unit,
          direction: c.direction,
          baseline_period: c.baseline?.period ?? null,
          baseline: c.baseline?.value ?? null,
          target_kind: c.target?.kind ?? null,
          target: c.target?.value ?? null,
          target_effective: round(c.target?.effective ?? null, 4),
          target_date: c.target?.date ?? null,
          current_period: c.current?.period ?? null,
          current: c.current?.value ?? null,
          achievement_percent: round(c.achievement, 1),
          light: c.light,
          green_at: c.thresholds.green,
          amber_at: c.thresholds.amber,
          programme: c.programme?.code ?? null,
          report_item: c.sourceItem,
          data_source: c.dataSource,
          synthetic: c.synthetic,
        };
      });
    case 'indicator-values': {
      const byId = new Map(snapshot.rows.indicators.map((i) => [i.id, i]));
      return snapshot.rows.values.map((v) => ({
        indicator: byId.get(v.indicatorId)?.code ?? '',
        department: byId.get(v.indicatorId)?.unitId ?? '',
        period: v.periodCode,
        period_start: v.periodStart,
        period_end: v.periodEnd,
        value: Number(v.value),
        source: v.source,
        entered_by: `${v.enteredByRole}@${v.enteredByUnit}`,
        entered_at: v.createdAt.toISOString(),
        corrected: v.reason !== '',
        synthetic: v.synthetic,
      }));
    }
    case 'trust': {
      const { rows } = await trustAggregates(db, 36);
      return rows.flatMap((r) =>
        Object.entries({ overall: r.overall, ...r.items }).map(([item, a]) => ({
          department: r.department.id,
          month: r.month,
          item,
          n: a.suppressed ? null : a.n,
          mean_0_100: round(a.mean, 1),
          ci95_low: round(a.low, 1),
          ci95_high: round(a.high, 1),
          suppressed: a.suppressed,
        })),
      );
    }
    case 'compstat': {
      const report = snapshot.compstat(snapshot.defaultAsOf());
      return report.families.flatMap((f) =>
        f.rows.flatMap((r) =>
          r.cells.map((c) => ({
            indicator: f.code,
            department: r.department.id,
            window: c.window,
            current_start: c.current.start,
            current_end: c.current.end,
            current: c.current.count,
            prior_start: c.prior.start,
            prior_end: c.prior.end,
            prior: c.prior.count,
            change: c.change,
            change_percent: round(c.changePercent, 1),
            z: round(c.z, 2),
            significant: c.significant,
            synthetic: r.synthetic,
          })),
        ),
      );
    }
  }
}

// ---- Programme scorecard PDF -----------------------------------------------------------------

type Lang = 'ru' | 'kk' | 'en';

const labels: Record<Lang, Record<string, string>> = {
  ru: {
    title: 'Карта результатов программы',
    period: 'Период',
    responsible: 'Ответственный',
    items: 'Пункты рекомендаций',
    budget: 'Бюджет, тенге',
    year: 'Год',
    planned: 'План',
    allocated: 'Выделено',
    spent: 'Освоено',
    indicators: 'Показатели',
    indicator: 'Показатель',
    current: 'Текущее значение',
    target: 'Цель',
    achievement: 'Достижение',
    status: 'Статус',
    source: 'Источник',
    measures: 'Мероприятия',
    executor: 'Исполнитель',
    deadline: 'Срок',
    synthetic: 'Синтетические демонстрационные данные помечены знаком *.',
    generated: 'Сформировано openbeat',
    thresholds: 'Зелёный — цель достигнута (не ниже порога зелёного), жёлтый — не ниже порога жёлтого, красный — ниже.',
    green: 'зелёный',
    amber: 'жёлтый',
    red: 'красный',
    no_target: 'нет цели',
    no_data: 'нет данных',
  },
  kk: {
    title: 'Бағдарлама нәтижелерінің картасы',
    period: 'Кезең',
    responsible: 'Жауапты',
    items: 'Ұсыныс тармақтары',
    budget: 'Бюджет, теңге',
    year: 'Жыл',
    planned: 'Жоспар',
    allocated: 'Бөлінді',
    spent: 'Игерілді',
    indicators: 'Көрсеткіштер',
    indicator: 'Көрсеткіш',
    current: 'Ағымдағы мән',
    target: 'Мақсат',
    achievement: 'Орындалуы',
    status: 'Мәртебе',
    source: 'Дереккөз',
    measures: 'Іс-шаралар',
    executor: 'Орындаушы',
    deadline: 'Мерзім',
    synthetic: 'Синтетикалық демо деректер * белгісімен белгіленген.',
    generated: 'openbeat жасаған',
    thresholds: 'Жасыл — мақсатқа жетті, сары — сары шегінен төмен емес, қызыл — одан төмен.',
    green: 'жасыл',
    amber: 'сары',
    red: 'қызыл',
    no_target: 'мақсат жоқ',
    no_data: 'дерек жоқ',
  },
  en: {
    title: 'Programme scorecard',
    period: 'Period',
    responsible: 'Responsible',
    items: 'Recommendation items',
    budget: 'Budget, tenge',
    year: 'Year',
    planned: 'Planned',
    allocated: 'Allocated',
    spent: 'Spent',
    indicators: 'Indicators',
    indicator: 'Indicator',
    current: 'Current value',
    target: 'Target',
    achievement: 'Achievement',
    status: 'Status',
    source: 'Source',
    measures: 'Measures',
    executor: 'Executor',
    deadline: 'Deadline',
    synthetic: 'Synthetic demo figures are marked *.',
    generated: 'Generated by openbeat',
    thresholds: 'Green: target reached (at or above the green threshold); amber: at or above the amber threshold; red: below.',
    green: 'green',
    amber: 'amber',
    red: 'red',
    no_target: 'no target',
    no_data: 'no data',
  },
};

const locales: Record<Lang, string> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' };

export async function renderProgrammePdf(card: ProgrammeScorecard, lang: Lang): Promise<Buffer> {
  const l = labels[lang];
  const fmt = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 2 });
  const tenge = (tiyn: number | null) => (tiyn === null ? '—' : fmt.format(tiyn / 100));
  const mark = (synthetic: boolean) => (synthetic ? ' *' : '');
  const header = (cells: string[]): TableCell[] => cells.map((text) => ({ text, bold: true, fillColor: '#eef2f7' }));
  const content: Content[] = [
    { text: l.title!, fontSize: 10, color: '#555' },
    { text: card.name[lang], fontSize: 16, bold: true, margin: [0, 2, 0, 6] },
    { text: card.description[lang], margin: [0, 0, 0, 6] },
    { text: `${l.period}: ${card.startsOn} — ${card.endsOn}` },
    card.official ? { text: `${l.responsible}: ${card.official.name}, ${card.official.position[lang]}${mark(card.official.synthetic)}` } : '',
    card.recommendationNumbers.length ? { text: `${l.items}: ${card.recommendationNumbers.map((n) => `п.${n}`).join(', ')}` } : '',
    { text: l.budget!, fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
    {
      table: {
        headerRows: 1,
        widths: ['auto', '*', '*', '*'],
        body: [
          header([l.year!, l.planned!, l.allocated!, l.spent!]),
          ...card.budgetLines.map((b) => [`${b.year}${b.label ? ` ${b.label}` : ''}${mark(b.synthetic)}`, tenge(b.plannedTiyn), tenge(b.allocatedTiyn), tenge(b.spentTiyn)]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    { text: l.indicators!, fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
    { text: l.thresholds!, fontSize: 8, color: '#555', margin: [0, 0, 0, 4] },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
        body: [
          header([l.indicator!, l.current!, l.target!, l.achievement!, l.status!, l.source!]),
          ...card.indicators.map((c) => [
            `${c.name[lang]}${mark(c.synthetic)}`,
            c.current ? `${fmt.format(c.current.value)} (${c.current.period})` : '—',
            c.target ? (c.target.kind === 'change_percent' ? `${fmt.format(c.target.value)} %` : fmt.format(c.target.value)) : '—',
            c.achievement === null ? '—' : `${fmt.format(Math.round(c.achievement))} %`,
            l[c.light as Light]!,
            c.sourceItem ?? c.dataSource,
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 9,
    },
  ];
  if (card.measures.length) {
    content.push(
      { text: `${l.measures} (${card.measures.length}${card.declaredMeasureCount && card.declaredMeasureCount > card.measures.length ? ` / ${card.declaredMeasureCount}` : ''})`, fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: ['auto', '*', 'auto', 'auto', 'auto'],
          body: [header(['№', l.measures!, l.executor!, l.deadline!, l.status!]), ...card.measures.map((m) => [m.number, `${m.text}${mark(m.synthetic)}`, m.executor, m.deadline ?? '—', m.status])],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      },
    );
  }
  content.push({ text: l.synthetic!, fontSize: 8, color: '#555', margin: [0, 12, 0, 0] });
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    info: { title: `${l.title}: ${card.name[lang]}`, creator: 'openbeat' },
    defaultStyle: { fontSize: 10 },
    content,
    footer: (page, pages) => ({ text: `${l.generated} · ${page} / ${pages}`, alignment: 'center', fontSize: 8, color: '#777' }),
  };
  return renderPdf(definition);
}
