// Small report factories for the export tests (and for previews): texts are taken from the seed report.
import type { ExportItem, ExportReport } from './report-export.types.js';

export const SEED_TITLE = [
  'Информация ДП г. Алматы',
  'по исполнению рекомендаций Комиссии №7',
  'Общественного Совета г. Алматы по вопросам',
  'законности и правопорядка',
].join('\n');

export const SEED_ITEM_24: ExportItem = {
  number: 24,
  recommendation:
    'По работе эвакуаторов следует автоматизировать услугу уведомления владельцев автотранспорта через смс сообщение о местонахождении автотранспортного средства, причину эвакуации авто и сумму штрафа.',
  response: 'Введение данного новшества находится на стадии реализации.',
  status: 'В работе',
};

export const SEED_ITEM_12: ExportItem = {
  number: 12,
  recommendation:
    'Эффективная организация дорожного движения и транспортной инфраструктуры, безопасные пешеходные переходы, установка интеллектуальных систем контроля и регулирования транспортных потоков и т.д.',
  subItems: [
    { label: '1).', text: 'Убрать запрещающие остановку т/с знаки возле социальных учреждений, - больницы, роддомы, клиники, школы, дошкольные учреждения, аптеки и пр.;' },
    { label: '2', text: 'Разрешить движение т/с по выделенным для общественного транспорта полосам, если это не препятствует движению автобусов.' },
  ],
  response: [
    'В настоящее время ведутся работы по модернизации Автоматизированной системы дорожного движения (АСУДД) с подключением к системе 93 светофорных объектов.',
    '\tРаботы по 2-му этапу с подключением к АСУДД 357 светофорных объектов, запланированы на 2021 год.',
    '',
    '\t- строительство 70-ти нерегулируемых пешеходных переходов, с дополнительными средствами регулирования;',
  ].join('\n'),
};

export const SEED_ITEM_23: ExportItem = {
  number: 23,
  recommendation:
    'Рассмотреть вопрос о возможности принуждения к общественным работам по благоустройству города, нарушителей правопорядка, привлеченных за административные правонарушения;',
  response: null,
};

export function buildExportReport(overrides: Partial<ExportReport> = {}): ExportReport {
  return {
    title: SEED_TITLE,
    periodLabel: '2021, I квартал',
    generatedAt: new Date('2021-04-05T09:30:00Z'),
    items: [SEED_ITEM_12, SEED_ITEM_23, SEED_ITEM_24],
    ...overrides,
  };
}

/** A report with `count` items (the seed has 28), each with a multi-paragraph response. */
export function buildLongExportReport(count = 28): ExportReport {
  const items = Array.from({ length: count }, (_, index): ExportItem => {
    const number = index + 1;
    const link = `https://police.gov.kz/ru/reports/almaty/2021/q1/recommendation-${number}-response-details.pdf`;
    const paragraph = `По пункту ${number} проведена работа (${link}): ${SEED_ITEM_12.response ?? ''}`;
    return {
      number,
      recommendation: `${SEED_ITEM_24.recommendation} (рекомендация ${number})`,
      subItems: number % 5 === 0 ? SEED_ITEM_12.subItems : undefined,
      response: number % 7 === 0 ? null : [paragraph, paragraph, paragraph].join('\n'),
      status: number % 3 === 0 ? 'Выполнено' : undefined,
    };
  });
  return buildExportReport({ items });
}

const KAZAKH_LETTERS = 'ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І';

/** A Kazakh-language report whose title and items use every Kazakh letter. */
export function buildKazakhExportReport(): ExportReport {
  return {
    language: 'kk',
    title: 'Қазақстан Республикасы Ішкі істер министрлігі\nАлматы қаласы Полиция департаментінің ақпараты',
    periodLabel: '2021 жыл, I тоқсан',
    generatedAt: new Date('2021-04-05T09:30:00Z'),
    items: [
      {
        number: 1,
        recommendation: 'Қоғамдық бақылаудың тиімділігін қамтамасыз ету, ашықтық және есептілік.',
        subItems: [{ label: '1)', text: `Әріптер: ${KAZAKH_LETTERS}.` }],
        response: 'Өңірлік учаскелік полиция қызметкерлері тұрғындармен кездесулер өткізді.\nҰсыныстар қаралды, Һ әрпі бар сөздер: Һиджра.',
        status: 'Орындалды',
      },
      {
        number: 2,
        recommendation: 'Ғимараттарды күзету функцияларын Ұлттық ұланға беру мәселесін қарау.',
        response: null,
      },
    ],
  };
}
