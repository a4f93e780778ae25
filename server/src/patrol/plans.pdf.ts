// The printable deployment plan for the duty desk, in Russian or Kazakh: the shift, how much of the
// forecast risk the plan covers against the alternatives, a table per district of sectors with their
// crews, then each crew's stops in the order to visit them.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../platform/documents/pdf.js';
import type { CrewKind, PlanMethod, PlanResult } from './plans.schema.js';

export type PlanPdfLang = 'ru' | 'kk';

interface PlanLabels {
  title: string;
  shift: string;
  date: string;
  hours: string;
  demo: string;
  coverage: string;
  coverageNote: string;
  method: string;
  share: string;
  methods: Record<PlanMethod, string>;
  solver: string;
  solverMethods: Record<string, string>;
  seconds: string;
  crewsTotal: string;
  sectorsTitle: string;
  sector: string;
  kinds: Record<CrewKind, string>;
  kindsPlural: Record<CrewKind, string>;
  stops: string;
  covered: string;
  crewsTitle: string;
  crew: string;
  kind: string;
  route: string;
  minutes: string;
  noStops: string;
  forecast: string;
  page: string;
}

const labels: Record<PlanPdfLang, PlanLabels> = {
  ru: {
    title: 'План расстановки патрульных нарядов',
    shift: 'Смена',
    date: 'Дата',
    hours: 'Часы',
    demo: 'ДЕМО: синтетические данные',
    coverage: 'Доля прогнозного риска, охваченная остановками нарядов',
    coverageNote: 'Каждый наряд делает короткие остановки (10–15 минут) в самых опасных клетках прогноза своего сектора; доля — часть прогнозного риска смены в этих клетках.',
    method: 'План',
    share: 'Охват риска',
    methods: { optimised: 'Оптимальный план', current: 'Текущий (по маршрутам)', uniform: 'Равномерный', greedy: 'Жадный алгоритм' },
    solver: 'Метод',
    solverMethods: { exact: 'точный (цена на автопатрули)', highs: 'HiGHS (целочисленное программирование)' },
    seconds: 'с',
    crewsTotal: 'Наряды',
    sectorsTitle: 'Секторы и наряды по районам',
    sector: 'Сектор',
    kinds: { car: 'авто', foot: 'пеший', post: 'пост' },
    kindsPlural: { car: 'Авто', foot: 'Пешие', post: 'Посты' },
    stops: 'Остановки',
    covered: 'Охват',
    crewsTitle: 'Остановки нарядов',
    crew: 'Наряд',
    kind: 'Вид',
    route: 'маршрут',
    minutes: 'мин',
    noStops: 'без остановок',
    forecast: 'Прогноз',
    page: 'стр.',
  },
  kk: {
    title: 'Патрульдік нарядтарды орналастыру жоспары',
    shift: 'Ауысым',
    date: 'Күні',
    hours: 'Уақыты',
    demo: 'ДЕМО: синтетикалық деректер',
    coverage: 'Нарядтардың тоқтау нүктелері қамтитын болжамды тәуекел үлесі',
    coverageNote: 'Әр наряд өз секторындағы болжамның ең қауіпті ұяшықтарында қысқа аялдама жасайды (10–15 минут); үлес — ауысымның болжамды тәуекелінің осы ұяшықтардағы бөлігі.',
    method: 'Жоспар',
    share: 'Тәуекелді қамту',
    methods: { optimised: 'Оңтайлы жоспар', current: 'Қазіргі (маршруттар бойынша)', uniform: 'Біркелкі', greedy: 'Ашкөз алгоритм' },
    solver: 'Әдіс',
    solverMethods: { exact: 'дәл (автопатрульге баға)', highs: 'HiGHS (бүтін санды бағдарламалау)' },
    seconds: 'с',
    crewsTotal: 'Нарядтар',
    sectorsTitle: 'Аудандар бойынша секторлар мен нарядтар',
    sector: 'Сектор',
    kinds: { car: 'автокөлік', foot: 'жаяу', post: 'бекет' },
    kindsPlural: { car: 'Автокөлік', foot: 'Жаяу', post: 'Бекеттер' },
    stops: 'Аялдамалар',
    covered: 'Қамту',
    crewsTitle: 'Нарядтардың аялдамалары',
    crew: 'Наряд',
    kind: 'Түрі',
    route: 'маршрут',
    minutes: 'мин',
    noStops: 'аялдамасыз',
    forecast: 'Болжам',
    page: 'бет',
  },
};

const ACCENT = '#0b3d91';
const DEMO = '#b00020';
const MUTED = '#555555';

const percent = (share: number, lang: PlanPdfLang) => `${(share * 100).toLocaleString(lang === 'kk' ? 'kk-KZ' : 'ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;

/** A table's header row; columns from `rightFrom` on hold numbers and are right-aligned. */
function head(texts: string[], rightFrom = texts.length): TableCell[] {
  return texts.map((text, i) => ({ text, bold: true, fillColor: '#e8edf5', ...(i >= rightFrom ? { alignment: 'right' as const } : {}) }));
}

export function renderPlanPdf(result: PlanResult, lang: PlanPdfLang): Promise<Buffer> {
  const l = labels[lang];
  const content: Content[] = [];
  if (result.synthetic) {
    content.push({ table: { widths: ['*'], body: [[{ text: l.demo, bold: true, fontSize: 13, color: '#ffffff', fillColor: DEMO, alignment: 'center', margin: [0, 3, 0, 3] }]] }, layout: 'noBorders', margin: [0, 0, 0, 10] });
  }
  content.push({ text: l.title, fontSize: 18, bold: true, color: ACCENT, margin: [0, 0, 0, 4] });
  content.push({
    text: [
      { text: `${l.shift}: `, bold: true },
      `${result.shift.name[lang]} · `,
      { text: `${l.date}: `, bold: true },
      `${result.date} · `,
      { text: `${l.hours}: `, bold: true },
      `${result.shift.starts}–${result.shift.ends}`,
    ],
    margin: [0, 0, 0, 4],
  });
  content.push({
    text: `${l.crewsTotal}: ${l.kindsPlural.car} ${result.totals.carCrews} · ${l.kindsPlural.foot} ${result.totals.footCrews - result.totals.posts} · ${l.kindsPlural.post} ${result.totals.posts} · ${l.sector}: ${result.totals.sectors} · ${l.forecast}: ${result.forecast.method}, ${result.forecast.runId.slice(0, 8)}`,
    fontSize: 9,
    color: MUTED,
    margin: [0, 0, 0, 10],
  });

  content.push({ text: l.coverage, fontSize: 13, bold: true, margin: [0, 0, 0, 4] });
  content.push({
    table: {
      headerRows: 1,
      widths: ['*', 90],
      body: [head([l.method, l.share], 1), ...result.coverage.map((c): TableCell[] => [{ text: l.methods[c.method], bold: c.method === 'optimised' }, { text: percent(c.share, lang), alignment: 'right', bold: c.method === 'optimised' }])],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 4],
  });
  content.push({ text: `${l.solver}: ${l.solverMethods[result.solver.method] ?? result.solver.method}, ${result.solver.status}, ${result.solver.seconds.toFixed(2)} ${l.seconds}`, fontSize: 9, color: MUTED });
  content.push({ text: l.coverageNote, fontSize: 9, color: MUTED, margin: [0, 2, 0, 12] });

  content.push({ text: l.sectorsTitle, fontSize: 13, bold: true, margin: [0, 0, 0, 4] });
  const districts = new Map<string, PlanResult['sectors']>();
  for (const s of result.sectors) districts.set(s.districtId, [...(districts.get(s.districtId) ?? []), s]);
  for (const list of districts.values()) {
    content.push({ text: list[0]!.districtName[lang], bold: true, color: ACCENT, margin: [0, 6, 0, 2] });
    content.push({
      table: {
        headerRows: 1,
        widths: ['*', 48, 48, 48, 56, 56],
        body: [
          head([l.sector, l.kindsPlural.car, l.kindsPlural.foot, l.kindsPlural.post, l.stops, l.covered], 1),
          ...list.map((s): TableCell[] => [s.code, { text: String(s.car), alignment: 'right' }, { text: String(s.foot), alignment: 'right' }, { text: String(s.posts), alignment: 'right' }, { text: String(s.stops), alignment: 'right' }, { text: percent(s.share, lang), alignment: 'right' }]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 9,
    });
  }

  content.push({ text: l.crewsTitle, fontSize: 13, bold: true, pageBreak: 'before', margin: [0, 0, 0, 4] });
  const bySector = new Map<string, PlanResult['crews']>();
  for (const crew of result.crews) bySector.set(crew.sectorCode, [...(bySector.get(crew.sectorCode) ?? []), crew]);
  for (const [code, crews] of bySector) {
    content.push({ text: `${l.sector} ${code}`, bold: true, color: ACCENT, margin: [0, 6, 0, 2] });
    content.push({
      table: {
        headerRows: 1,
        widths: [62, 52, '*'],
        body: [
          head([l.crew, l.kind, l.stops]),
          ...crews.map((crew): TableCell[] => [
            crew.id,
            crew.kind === 'post' && crew.routeCode ? `${l.kinds.post} (${crew.routeCode})` : l.kinds[crew.kind],
            crew.stops.length === 0
              ? { text: l.noStops, color: MUTED }
              : crew.kind === 'post'
                ? `${crew.stops[0]!.lat.toFixed(5)}, ${crew.stops[0]!.lon.toFixed(5)} · ${crew.stops[0]!.minutes} ${l.minutes}`
                : crew.stops.map((s) => `${s.order}) ${s.lat.toFixed(5)}, ${s.lon.toFixed(5)}`).join('   ') + `   · ${crew.stops[0]!.minutes} ${l.minutes}`,
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    });
  }

  const definition: TDocumentDefinitions = {
    info: { title: `${l.title} — ${result.shift.name[lang]}, ${result.date}` },
    pageSize: 'A4',
    pageMargins: [36, 32, 36, 36],
    defaultStyle: { fontSize: 10 },
    content,
    footer: (page, pages) => ({ text: `${l.title} · ${result.date} · ${l.page} ${page} / ${pages}`, alignment: 'center', fontSize: 8, color: MUTED, margin: [0, 10, 0, 0] }),
  };
  return renderPdf(definition);
}
