// The report's real programmes and figures (each citing its item), and the clearly synthetic demo data
// that makes district rankings, CompStat, budgets per point and trust aggregates visible.
import { createHash } from 'node:crypto';
import { count } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../platform/audit/audit.service.js';
import type { Db, Tx } from '../platform/db/db.js';
import type { LocalizedText } from '../platform/db/columns.js';
import { districts } from '../platform/platform.tables.js';
import { mulberry32 } from '../platform/random.js';
import {
  addDays,
  fromDayNumber,
  parsePeriod,
  parseTenge,
  surveyContexts,
  toDayNumber,
  trustItems,
  type Direction,
  type IndicatorUnit,
  type MeasureStatus,
  type ProgrammeKind,
  type TargetKind,
  type TrustItem,
} from './performance.domain.js';
import { cityToday } from './performance.presenter.js';
import { invalidatePerformanceCache } from './performance.service.js';
import { budgetLines, indicators, indicatorValues, measures, officials, programmes, trustSurveyResponses } from './performance.tables.js';

const REPORT = 'Отчёт ДП г. Алматы Комиссии №7 Общественного совета, 2021';
const t = (ru: string, kk: string, en: string): LocalizedText => ({ ru, kk, en });

interface OfficialSeed {
  key: string;
  name: string;
  position: LocalizedText;
}

/** Positions are the department's real units; the names are synthetic (the report names no one). */
const officialSeeds: OfficialSeed[] = [
  { key: 'dp', name: 'Демо Руководитель 1', position: t('Начальник Департамента полиции г. Алматы', 'Алматы қаласы Полиция департаментінің бастығы', 'Head of the Almaty Police Department') },
  { key: 'ukp', name: 'Демо Руководитель 2', position: t('Начальник Управления криминальной полиции ДП', 'ПД Криминалдық полиция басқармасының бастығы', 'Head of the Criminal Police Directorate') },
  { key: 'umps', name: 'Демо Руководитель 3', position: t('Начальник Управления местной полицейской службы ДП', 'ПД Жергілікті полиция қызметі басқармасының бастығы', 'Head of the Local Police Service Directorate') },
  { key: 'uap', name: 'Демо Руководитель 4', position: t('Начальник Управления административной полиции ДП', 'ПД Әкімшілік полиция басқармасының бастығы', 'Head of the Administrative Police Directorate') },
  { key: 'upn', name: 'Демо Руководитель 5', position: t('Начальник Управления по противодействию наркопреступности ДП', 'ПД Есірткі қылмысына қарсы іс-қимыл басқармасының бастығы', 'Head of the Counter-Narcotics Directorate') },
  { key: 'ojp', name: 'Демо Руководитель 6', position: t('Начальник отдела ювенальной полиции УМПС ДП', 'ПД ЖПҚБ ювеналдық полиция бөлімінің бастығы', 'Head of the Juvenile Police Unit') },
];

interface ProgrammeSeed {
  code: string;
  kind: ProgrammeKind;
  name: LocalizedText;
  description: LocalizedText;
  startsOn: string;
  endsOn: string;
  official: string;
  items: number[];
  declaredMeasureCount?: number;
}

const programmeSeeds: ProgrammeSeed[] = [
  {
    code: 'safe-streets',
    kind: 'target_programme',
    name: t('Безопасность на улице', 'Көшедегі қауіпсіздік', 'Safe Streets'),
    description: t('Целевая программа ДП (п.3); патрулирование по карте преступности (п.6).', 'ПД нысаналы бағдарламасы (3-т.); қылмыс картасы бойынша күзет (6-т.).', 'Department target programme (item 3); patrols by the crime map (item 6).'),
    startsOn: '2021-01-01',
    endsOn: '2023-12-31',
    official: 'uap',
    items: [3, 6],
  },
  {
    code: 'apartment-thefts',
    kind: 'target_programme',
    name: t('Борьба с квартирными кражами', 'Пәтер ұрлықтарымен күрес', 'Fighting Apartment Thefts'),
    description: t('Целевая программа ДП (п.3).', 'ПД нысаналы бағдарламасы (3-т.).', 'Department target programme (item 3).'),
    startsOn: '2021-01-01',
    endsOn: '2023-12-31',
    official: 'ukp',
    items: [3],
  },
  {
    code: 'child-safety',
    kind: 'target_programme',
    name: t('Детская безопасность', 'Балалар қауіпсіздігі', 'Child Safety'),
    description: t('Целевая программа ДП (п.3).', 'ПД нысаналы бағдарламасы (3-т.).', 'Department target programme (item 3).'),
    startsOn: '2021-01-01',
    endsOn: '2023-12-31',
    official: 'ojp',
    items: [3],
  },
  {
    code: 'domestic-violence',
    kind: 'target_programme',
    name: t('Профилактика насилия в семье', 'Отбасындағы зорлық-зомбылықтың алдын алу', 'Preventing Domestic Violence'),
    description: t('Целевая программа ДП (п.3).', 'ПД нысаналы бағдарламасы (3-т.).', 'Department target programme (item 3).'),
    startsOn: '2021-01-01',
    endsOn: '2023-12-31',
    official: 'umps',
    items: [3],
  },
  {
    code: 'stop-drugs',
    kind: 'target_programme',
    name: t('Стоп наркотикам', 'Есірткіге тосқауыл', 'Stop Drugs'),
    description: t('Целевая программа ДП (п.3): граффити, интернет-ресурсы, профилактика.', 'ПД нысаналы бағдарламасы (3-т.): граффити, интернет-ресурстар, алдын алу.', 'Department target programme (item 3): graffiti, web resources, prevention.'),
    startsOn: '2021-01-01',
    endsOn: '2023-12-31',
    official: 'upn',
    items: [3],
  },
  {
    code: 'prevention-plan-2020-2022',
    kind: 'plan',
    name: t('Комплексный план по профилактике правонарушений на 2020–2022 годы', 'Құқық бұзушылықтардың алдын алу жөніндегі 2020–2022 жылдарға арналған кешенді жоспар', 'Comprehensive Offence Prevention Plan 2020–2022'),
    description: t(
      'План из 101 мероприятия (п.3); за каждым пунктом закреплён ответственный исполнитель; на контроле МВД РК, Акимата г. Алматы и ДП.',
      '101 іс-шарадан тұратын жоспар (3-т.); әр тармаққа жауапты орындаушы бекітілген.',
      'A plan of 101 measures (item 3); each has a responsible executor; monitored by the Ministry, the city akimat and the department.',
    ),
    startsOn: '2020-01-01',
    endsOn: '2022-12-31',
    official: 'dp',
    items: [3],
    declaredMeasureCount: 101,
  },
  {
    code: 'property-protection-2021-2023',
    kind: 'state_programme',
    name: t('Программа МВД РК по защите имущества на 2021–2023 годы', 'ҚР ІІМ мүлікті қорғау жөніндегі 2021–2023 жылдарға арналған бағдарламасы', 'Ministry of Internal Affairs Property Protection Programme 2021–2023'),
    description: t('Кражи и их раскрываемость (п.3).', 'Ұрлықтар және олардың ашылуы (3-т.).', 'Thefts and their clearance (item 3).'),
    startsOn: '2021-01-01',
    endsOn: '2023-12-31',
    official: 'ukp',
    items: [3],
  },
  {
    code: 'local-police-staffing-2021-2023',
    kind: 'staffing_plan',
    name: t('Поэтапное штатное укрепление местной полицейской службы (2021–2023)', 'Жергілікті полиция қызметін кезең-кезеңімен штаттық нығайту (2021–2023)', 'Staged staffing of the local police service (2021–2023)'),
    description: t(
      'Потребность 235 единиц: 98 участковых инспекторов и 137 единиц патрульной полиции (п.9).',
      'Қажеттілік 235 бірлік: 98 учаскелік инспектор және 137 патрульдік полиция бірлігі (9-т.).',
      'Need: 235 posts, 98 precinct inspectors and 137 patrol police (item 9).',
    ),
    startsOn: '2021-01-01',
    endsOn: '2023-12-31',
    official: 'umps',
    items: [9],
  },
];

interface IndicatorSeed {
  code: string;
  name: LocalizedText;
  unit: IndicatorUnit;
  direction: Direction;
  programme: string | null;
  item: number;
  baseline?: [string, number];
  target?: [TargetKind, number, string | null];
  values?: [string, number][];
  note?: string;
  dataSource?: string;
}

const q1 = (value: number): [string, number][] => [['2021-Q1', value]];

/** The report's figures (all real); each cites its item. */
const indicatorSeeds: IndicatorSeed[] = [
  // п.3 — targets of the comprehensive plan
  { code: 'street_crime_share', name: t('Удельный вес преступлений на улицах', 'Көшедегі қылмыстардың үлес салмағы', 'Share of crimes committed on streets'), unit: 'percent', direction: 'lower_better', programme: 'prevention-plan-2020-2022', item: 3, target: ['value', 18.7, '2022-12-31'], note: 'Цель плана: снизить до 18,7 % от всех зарегистрированных преступлений.' },
  { code: 'offences_drunk', name: t('Правонарушения в состоянии опьянения', 'Мас күйінде жасалған құқық бұзушылықтар', 'Offences committed while drunk'), unit: 'count', direction: 'lower_better', programme: 'prevention-plan-2020-2022', item: 3, target: ['change_percent', -10, '2022-12-31'] },
  { code: 'domestic_offences', name: t('Правонарушения в сфере семейно-бытовых отношений', 'Отбасылық-тұрмыстық қатынастардағы құқық бұзушылықтар', 'Domestic offences'), unit: 'count', direction: 'lower_better', programme: 'prevention-plan-2020-2022', item: 3, target: ['change_percent', -3, '2022-12-31'] },
  { code: 'offences_by_convicted', name: t('Правонарушения лиц с неснятой и непогашенной судимостью', 'Сотталғандығы алынбаған адамдардың құқық бұзушылықтары', 'Offences by people with an unspent conviction'), unit: 'count', direction: 'lower_better', programme: 'prevention-plan-2020-2022', item: 3, target: ['change_percent', -10, '2022-12-31'] },
  { code: 'violence_against_children', name: t('Факты насилия в отношении детей', 'Балаларға қатысты зорлық-зомбылық фактілері', 'Cases of violence against children'), unit: 'count', direction: 'lower_better', programme: 'prevention-plan-2020-2022', item: 3, target: ['change_percent', -9, '2022-12-31'] },
  { code: 'road_deaths_per_100k', name: t('Погибшие в ДТП на 100 тысяч населения', '100 мың тұрғынға шаққанда ЖКО-да қаза тапқандар', 'Road deaths per 100,000 residents'), unit: 'per_100k', direction: 'lower_better', programme: 'prevention-plan-2020-2022', item: 3, note: 'План предусматривает снижение; величина снижения в отчёте не указана.' },
  // п.3 — property programme
  { code: 'thefts', name: t('Зарегистрированные кражи', 'Тіркелген ұрлықтар', 'Registered thefts'), unit: 'count', direction: 'lower_better', programme: 'property-protection-2021-2023', item: 3, baseline: ['2020-Q1', 6069], values: [['2020-Q1', 6069], ['2021-Q1', 2863]], note: 'За 3 месяца 2021 г. — 2863 (2020 г. — 6069, в 2,1 раза меньше).' },
  { code: 'thefts_clearance', name: t('Раскрываемость краж', 'Ұрлықтардың ашылуы', 'Theft clearance rate'), unit: 'percent', direction: 'higher_better', programme: 'property-protection-2021-2023', item: 3, baseline: ['2020-Q1', 23.4], values: [['2020-Q1', 23.4], ['2021-Q1', 44.3]] },
  { code: 'serious_thefts', name: t('Тяжкие кражи', 'Ауыр ұрлықтар', 'Serious thefts'), unit: 'count', direction: 'lower_better', programme: 'property-protection-2021-2023', item: 3, baseline: ['2020-Q1', 1445], values: [['2020-Q1', 1445], ['2021-Q1', 726]] },
  { code: 'serious_thefts_clearance', name: t('Раскрываемость тяжких краж', 'Ауыр ұрлықтардың ашылуы', 'Serious theft clearance rate'), unit: 'percent', direction: 'higher_better', programme: 'property-protection-2021-2023', item: 3, baseline: ['2020-Q1', 36.9], values: [['2020-Q1', 36.9], ['2021-Q1', 58.4]] },
  // п.6 — streets and public places (the report does not name the periods; it compares with the year before)
  { code: 'public_place_crimes', name: t('Преступления в общественных местах', 'Қоғамдық орындардағы қылмыстар', 'Crimes in public places'), unit: 'count', direction: 'lower_better', programme: 'safe-streets', item: 6, baseline: ['2020-Q1', 4349], values: [['2020-Q1', 4349], ['2021-Q1', 973]], note: 'Отчёт: «с 4349 до 973» без указания периодов; показано как I кв. 2020 → I кв. 2021, как другие сравнения отчёта.' },
  { code: 'street_crimes', name: t('Преступления на улицах', 'Көшедегі қылмыстар', 'Street crimes'), unit: 'count', direction: 'lower_better', programme: 'safe-streets', item: 6, baseline: ['2020-Q1', 2435], values: [['2020-Q1', 2435], ['2021-Q1', 487]], note: 'Отчёт: «с 2435 до 487» без указания периодов; показано как I кв. 2020 → I кв. 2021.' },
  { code: 'modular_posts', name: t('Модульные круглосуточные посты полиции', 'Тәулік бойы жұмыс істейтін модульдік полиция бекеттері', '24-hour modular police posts'), unit: 'count', direction: 'higher_better', programme: 'safe-streets', item: 1, values: q1(37) },
  { code: 'inspector_chats', name: t('Домовые чаты с участием участковых инспекторов', 'Учаскелік инспекторлар қатысатын үй чаттары', 'Residents’ building chats with the precinct inspector'), unit: 'count', direction: 'higher_better', programme: null, item: 1, values: q1(1750) },
  // п.3 — Stop drugs
  { code: 'drug_graffiti_painted', name: t('Закрашено граффити с рекламой наркотиков', 'Есірткі жарнамасы бар граффити бояп тасталды', 'Drug-advert graffiti painted over'), unit: 'count', direction: 'higher_better', programme: 'stop-drugs', item: 3, values: q1(681) },
  { code: 'drug_sites_found', name: t('Выявлено сайтов, распространяющих наркотики', 'Есірткі таратушы сайттар анықталды', 'Drug-selling websites found'), unit: 'count', direction: 'higher_better', programme: 'stop-drugs', item: 3, values: q1(150) },
  { code: 'telegram_channels_blocked', name: t('Telegram-каналы, направленные в «Кибернадзор» для блокировки', '«Кибернадзорға» бұғаттауға жіберілген Telegram арналары', 'Telegram channels sent to the cyber watchdog for blocking'), unit: 'count', direction: 'higher_better', programme: 'stop-drugs', item: 3, values: q1(73) },
  { code: 'drug_prevention_events', name: t('Профилактические мероприятия в учебных заведениях', 'Оқу орындарындағы алдын алу іс-шаралары', 'Prevention events in schools and colleges'), unit: 'count', direction: 'higher_better', programme: 'stop-drugs', item: 3, values: q1(40) },
  { code: 'drug_media_pieces', name: t('Антинаркотические материалы в СМИ', 'БАҚ-тағы есірткіге қарсы материалдар', 'Anti-drug media pieces'), unit: 'count', direction: 'higher_better', programme: 'stop-drugs', item: 3, values: q1(26) },
  // Counted by openbeat itself from residents' reports (appeals module, п.3), month by month.
  { code: 'drug_adverts_reported', name: t('Сообщения жителей о рекламе наркотиков (openbeat)', 'Тұрғындардың есірткі жарнамасы туралы хабарламалары (openbeat)', "Residents' reports of drug adverts (openbeat)"), unit: 'count', direction: 'higher_better', programme: 'stop-drugs', item: 3, dataSource: 'openbeat: обращения жителей (модуль обращений), категории п.3 — считается автоматически по месяцам' },
  { code: 'drug_adverts_removed', name: t('Удалено рекламы наркотиков по сообщениям жителей (openbeat)', 'Тұрғындардың хабарламалары бойынша жойылған есірткі жарнамасы (openbeat)', 'Drug adverts removed after residents’ reports (openbeat)'), unit: 'count', direction: 'higher_better', programme: 'stop-drugs', item: 3, dataSource: 'openbeat: обращения жителей (модуль обращений), категории п.3 — считается автоматически по месяцам' },
  // Counted by openbeat itself from the tow service (п.24), per completed day.
  { code: 'tows_registered', name: t('Эвакуировано автомобилей (openbeat)', 'Эвакуацияланған көліктер (openbeat)', 'Cars towed (openbeat)'), unit: 'count', direction: 'lower_better', programme: null, item: 24, dataSource: 'openbeat: модуль эвакуации (п.24) — считается автоматически за каждые прошедшие сутки' },
  { code: 'tow_sms_delivered_share', name: t('Доля владельцев, получивших SMS об эвакуации (openbeat)', 'Эвакуация туралы SMS алған иелердің үлесі (openbeat)', 'Share of owners who received the tow SMS (openbeat)'), unit: 'percent', direction: 'higher_better', programme: null, item: 24, target: ['value', 100, null], dataSource: 'openbeat: модуль эвакуации (п.24) — доставленные SMS среди эвакуаций, за каждые сутки' },
  { code: 'tow_sms_median_minutes', name: t('Медианное время от регистрации эвакуации до доставки SMS (openbeat)', 'Эвакуацияны тіркеуден SMS жеткізілгенге дейінгі медиана уақыт (openbeat)', 'Median time from a tow to the SMS delivered (openbeat)'), unit: 'minutes', direction: 'lower_better', programme: null, item: 24, dataSource: 'openbeat: модуль эвакуации (п.24) — за каждые сутки' },
  { code: 'drug_hotline_reports', name: t('Сообщения на телефон доверия о граффити', 'Сенім телефонына граффити туралы хабарламалар', 'Hotline reports of drug graffiti'), unit: 'count', direction: 'higher_better', programme: 'stop-drugs', item: 3, values: q1(17) },
  // п.9 — precinct inspectors
  { code: 'residents_per_inspector', name: t('Жителей на одного участкового инспектора', 'Бір учаскелік инспекторға шаққандағы тұрғындар', 'Residents per precinct inspector'), unit: 'residents', direction: 'lower_better', programme: 'local-police-staffing-2021-2023', item: 9, values: [['2020', 7500]], target: ['value', 2300, null], note: 'Отчёт: «в среднем 7000–8000» за 2020 г.; показана середина. Норма приказа МВД №1026 — 2300; Совет просит 1500.' },
  { code: 'inspectors_needed', name: t('Недостающие участковые инспекторы до нормы', 'Нормаға дейін жетіспейтін учаскелік инспекторлар', 'Precinct inspectors missing to meet the norm'), unit: 'count', direction: 'lower_better', programme: 'local-police-staffing-2021-2023', item: 9, values: [['2020', 390]], target: ['value', 0, null] },
  // п.17 — equipment and GPS control
  ...(
    [
      ['equipment_portable_radios', t('Оснащённость носимыми радиостанциями', 'Тасымалы радиостанциялармен жарақтандырылуы', 'Portable radios, % of the norm'), 99.2],
      ['equipment_mobile_radios', t('Оснащённость мобильными радиостанциями', 'Мобильді радиостанциялармен жарақтандырылуы', 'Mobile radios, % of the norm'), 70.2],
      ['equipment_tablets', t('Оснащённость мобильными планшетами', 'Мобильді планшеттермен жарақтандырылуы', 'Mobile tablets, % of the norm'), 64.3],
      ['equipment_video_recorders', t('Оснащённость мобильными видеорегистраторами', 'Мобильді бейнетіркегіштермен жарақтандырылуы', 'Mobile video recorders, % of the norm'), 100],
      ['equipment_body_cameras', t('Оснащённость видеожетонами', 'Бейнежетондармен жарақтандырылуы', 'Body cameras, % of the norm'), 95],
    ] as const
  ).map(([code, name, value]): IndicatorSeed => ({ code, name, unit: 'percent', direction: 'higher_better', programme: null, item: 17, target: ['value', 100, null], values: q1(value) })),
  { code: 'gps_violation_reports', name: t('Рапорты о съезде с маршрута и отключении GPS', 'Бағыттан ауытқу және GPS өшіру туралы баянаттар', 'Reports of leaving the route or switching GPS off'), unit: 'count', direction: 'lower_better', programme: null, item: 17, values: q1(73) },
  { code: 'gps_service_checks', name: t('Служебные проверки по рапортам GPS-контроля', 'GPS-бақылау баянаттары бойынша қызметтік тексерулер', 'Service checks after GPS reports'), unit: 'count', direction: 'higher_better', programme: null, item: 17, values: q1(47) },
  { code: 'gps_not_confirmed', name: t('Факты GPS-контроля, не нашедшие подтверждения', 'Расталмаған GPS-бақылау фактілері', 'GPS reports not confirmed'), unit: 'count', direction: 'lower_better', programme: null, item: 17, values: q1(46) },
  { code: 'gps_disciplined', name: t('Сотрудники, привлечённые к дисциплинарной ответственности по GPS-контролю', 'GPS-бақылау бойынша тәртіптік жауапкершілікке тартылған қызметкерлер', 'Officers disciplined after GPS control'), unit: 'count', direction: 'lower_better', programme: null, item: 17, values: q1(14) },
];

interface MeasureSeed {
  programme: string;
  number: string;
  text: string;
  executor: string;
  deadline: string | null;
  status: MeasureStatus;
  evidence: string;
  item: number;
}

/** Measures the report describes as actions taken (real, status as reported in 2021). */
const measureSeeds: MeasureSeed[] = [
  { programme: 'property-protection-2021-2023', number: '1', text: 'Созданы 2 оперативные группы из сотрудников УКП ДП и ОКП УП-ОП районов для анализа и раскрытия краж', executor: 'УКП ДП г. Алматы', deadline: null, status: 'done', evidence: 'Пресечена деятельность 8 групп (задержано 20 лиц), задержаны 3 скупщика', item: 3 },
  { programme: 'stop-drugs', number: '1', text: 'Выявление и закрашивание граффити с рекламой наркотиков совместно с ОФ «Лига волонтёров Казахстана»', executor: 'УПН ДП, МПС УП Медеуского района', deadline: null, status: 'in_progress', evidence: 'Закрашено 681 граффити, роздано 1550 масок «НЕТ НАРКОТИКАМ»', item: 3 },
  { programme: 'stop-drugs', number: '2', text: 'Направление Telegram-каналов в «Кибернадзор» (knadzor.kz) для блокировки', executor: 'УПН ДП', deadline: null, status: 'in_progress', evidence: '73 канала направлены с начала года', item: 3 },
  { programme: 'stop-drugs', number: '3', text: 'Профилактические мероприятия в школах, колледжах и вузах (14–22 года) с ОЮП МПС, ГНЦМСК и НПО', executor: 'ОЮП МПС ДП', deadline: null, status: 'in_progress', evidence: 'Проведено 40 мероприятий; сокращены из-за карантина', item: 3 },
  { programme: 'safe-streets', number: '1', text: 'Ввод 50 % пешего патрулирования, ежемесячный и ежедекадный манёвр комплексных сил по карте преступности', executor: 'УАП ДП', deadline: null, status: 'in_progress', evidence: 'Преступления на улицах снижены в 5 раз (с 2435 до 487)', item: 6 },
  { programme: 'safe-streets', number: '2', text: 'Установка 37 модульных круглосуточных постов полиции на криминогенных участках', executor: 'ДП г. Алматы', deadline: null, status: 'done', evidence: '37 постов установлены', item: 1 },
  { programme: 'local-police-staffing-2021-2023', number: '1', text: 'Этап 1: увеличение штата участковых инспекторов на 49 единиц', executor: 'МВД РК, местные исполнительные органы, УМПС ДП', deadline: '2021-12-31', status: 'in_progress', evidence: 'Финансирование 409 178 000 тенге', item: 9 },
  { programme: 'local-police-staffing-2021-2023', number: '2', text: 'Этап 2: увеличение штата участковых инспекторов ещё на 49 единиц', executor: 'МВД РК, местные исполнительные органы, УМПС ДП', deadline: '2022-12-31', status: 'planned', evidence: 'Финансирование 644 138 000 тенге', item: 9 },
  { programme: 'local-police-staffing-2021-2023', number: '3', text: 'Этап 3: увеличение штата патрульной полиции на 137 единиц', executor: 'МВД РК, местные исполнительные органы, УМПС ДП', deadline: '2023-12-31', status: 'planned', evidence: 'Финансирование 1 795 680 000 тенге', item: 9 },
];

/** The staffing plan's money (п.9), real; planned amounts only (the report gives no spending). */
const staffingBudget: [number, string, string][] = [
  [2021, '+49 УИП', '409 178 000'],
  [2022, '+49 УИП', '644 138 000'],
  [2023, '+137 ПП', '1 795 680 000'],
];

export async function isPerformanceSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(programmes);
  return (row?.n ?? 0) > 0;
}

/** Loads the report's programmes, measures, budgets and figures in one audited transaction. */
export async function loadPerformanceSeed(db: Db, actor: AuditActor): Promise<{ programmes: number; indicators: number; values: number }> {
  const result = await db.transaction(async (tx) => {
    const officialIds = new Map<string, string>();
    for (const o of officialSeeds) {
      const [row] = await tx.insert(officials).values({ name: o.name, position: o.position, unitId: 'city', synthetic: true }).returning({ id: officials.id });
      officialIds.set(o.key, row!.id);
    }
    const programmeIds = new Map<string, string>();
    for (const p of programmeSeeds) {
      const [row] = await tx
        .insert(programmes)
        .values({
          code: p.code,
          kind: p.kind,
          name: p.name,
          description: p.description,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          officialId: officialIds.get(p.official)!,
          recommendationNumbers: p.items,
          sourceItem: `п.${p.items.join(', п.')}`,
          declaredMeasureCount: p.declaredMeasureCount ?? null,
        })
        .returning();
      programmeIds.set(p.code, row!.id);
      await recordAudit(tx, actor, { action: 'programme.create', entity: 'programme', entityId: row!.id, before: null, after: { code: p.code, name: p.name.ru, items: p.items } });
    }
    for (const [year, label, amount] of staffingBudget) {
      const [line] = await tx
        .insert(budgetLines)
        .values({ programmeId: programmeIds.get('local-police-staffing-2021-2023')!, year, label, plannedTiyn: parseTenge(amount)!, source: `${REPORT}, п.9` })
        .returning();
      await recordAudit(tx, actor, { action: 'budget_line.create', entity: 'budget_line', entityId: line!.id, before: null, after: { programme: 'local-police-staffing-2021-2023', year, label, plannedTiyn: line!.plannedTiyn, source: line!.source } });
    }
    for (const m of measureSeeds) {
      const [row] = await tx
        .insert(measures)
        .values({ programmeId: programmeIds.get(m.programme)!, number: m.number, text: m.text, executor: m.executor, deadline: m.deadline, status: m.status, evidence: m.evidence, sourceItem: `п.${m.item}` })
        .returning({ id: measures.id });
      await recordAudit(tx, actor, { action: 'measure.create', entity: 'measure', entityId: row!.id, before: null, after: { programme: m.programme, number: m.number, status: m.status, sourceItem: `п.${m.item}` } });
    }
    let valueCount = 0;
    for (const s of indicatorSeeds) {
      const [row] = await tx
        .insert(indicators)
        .values({
          code: s.code,
          unitId: 'city',
          name: s.name,
          measure: s.unit,
          direction: s.direction,
          baselinePeriod: s.baseline?.[0] ?? null,
          baselineValue: s.baseline ? String(s.baseline[1]) : null,
          targetKind: s.target?.[0] ?? 'value',
          targetValue: s.target ? String(s.target[1]) : null,
          targetDate: s.target?.[2] ?? null,
          dataSource: s.dataSource ?? REPORT,
          sourceItem: `п.${s.item}`,
          note: s.note ?? '',
          programmeId: s.programme ? programmeIds.get(s.programme)! : null,
          recommendationNumber: s.item,
        })
        .returning();
      for (const [code, value] of s.values ?? []) {
        const period = parsePeriod(code)!;
        await tx.insert(indicatorValues).values({
          indicatorId: row!.id,
          periodKind: period.kind,
          periodCode: period.code,
          periodStart: period.start,
          periodEnd: period.end,
          value: String(value),
          source: `${REPORT}, п.${s.item}`,
          enteredByRole: actor.role,
          enteredByUnit: actor.unit,
        });
        valueCount++;
      }
      await recordAudit(tx, actor, {
        action: 'indicator.create',
        entity: 'indicator',
        entityId: row!.id,
        before: null,
        after: { code: s.code, department: 'city', name: s.name.ru, sourceItem: `п.${s.item}`, values: Object.fromEntries(s.values ?? []) },
      });
    }
    return { programmes: programmeSeeds.length, indicators: indicatorSeeds.length, values: valueCount };
  });
  invalidatePerformanceCache();
  return result;
}

// ---- Synthetic demo data ---------------------------------------------------------------------

function poisson(random: () => number, lambda: number): number {
  // Knuth's method is fine for the small daily rates here.
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= random();
  } while (p > limit);
  return k - 1;
}

interface Family {
  code: string;
  name: LocalizedText;
  /** Per 100 000 residents per year, citywide, in the first demo year. */
  ratePer100k: number;
  programme: string;
}

const families: Family[] = [
  { code: 'thefts', name: t('Зарегистрированные кражи', 'Тіркелген ұрлықтар', 'Registered thefts'), ratePer100k: 420, programme: 'property-protection-2021-2023' },
  { code: 'street_crimes', name: t('Преступления на улицах', 'Көшедегі қылмыстар', 'Street crimes'), ratePer100k: 95, programme: 'safe-streets' },
  { code: 'domestic_offences', name: t('Правонарушения в сфере семейно-бытовых отношений', 'Отбасылық-тұрмыстық қатынастардағы құқық бұзушылықтар', 'Domestic offences'), ratePer100k: 160, programme: 'domestic-violence' },
];

/** How each district differs from the city rate, and how its figures move from one year to the next. */
const districtProfile: Record<string, { level: number; trend: number }> = {
  alatau: { level: 0.9, trend: -0.06 },
  almaly: { level: 1.45, trend: -0.12 },
  auezov: { level: 0.95, trend: -0.04 },
  bostandyk: { level: 0.85, trend: -0.08 },
  zhetysu: { level: 1.2, trend: 0.02 },
  medeu: { level: 1.25, trend: -0.1 },
  nauryzbay: { level: 0.7, trend: 0.05 },
  turksib: { level: 1.05, trend: 0.18 },
};

const SYNTHETIC_SOURCE = 'Синтетические демонстрационные данные (не реальная статистика)';

/**
 * Synthetic district series (daily counts from 1 January last year to yesterday), synthetic budgets for
 * the target programmes, and synthetic trust-survey answers. All flagged `synthetic` and shown as such.
 */
export async function loadPerformanceDemo(db: Db, actor: AuditActor, today = cityToday()): Promise<{ values: number; answers: number }> {
  const random = mulberry32(20_210_401);
  const districtRows = await db.select({ id: districts.id, population: districts.population }).from(districts);
  const programmeRows = await db.select({ id: programmes.id, code: programmes.code }).from(programmes);
  const programmeId = new Map(programmeRows.map((p) => [p.code, p.id]));
  const firstYear = Number(today.slice(0, 4)) - 1;
  const first = toDayNumber(`${firstYear}-01-01`);
  const last = toDayNumber(addDays(today, -1));
  let valueCount = 0;
  let answers = 0;
  const digest = createHash('sha256');
  await db.transaction(async (tx: Tx) => {
    for (const f of families) {
      for (const d of districtRows) {
        const profile = districtProfile[d.id] ?? { level: 1, trend: 0 };
        const days: { iso: string; value: number }[] = [];
        for (let day = first; day <= last; day++) {
          const iso = fromDayNumber(day);
          const yearsIn = (day - first) / 365;
          const month = Number(iso.slice(5, 7));
          const season = 1 + 0.15 * Math.cos(((month - 7) / 12) * 2 * Math.PI); // more in summer
          const lambda = ((d.population ?? 200_000) / 100_000) * (f.ratePer100k / 365) * profile.level * season * (1 + profile.trend * yearsIn);
          const value = poisson(random, Math.max(0.05, lambda));
          digest.update(`${f.code}|${d.id}|${iso}|${value}\n`);
          days.push({ iso, value });
        }
        // A synthetic target so the demo shows lights: 5 % below the average month of the first year.
        const firstYearTotal = days.filter((v) => v.iso.startsWith(String(firstYear))).reduce((sum, v) => sum + v.value, 0);
        const [indicator] = await tx
          .insert(indicators)
          .values({
            code: f.code,
            unitId: d.id,
            name: f.name,
            measure: 'count',
            direction: 'lower_better',
            baselinePeriod: null, // an average month, not a period of its own (see the note)
            baselineValue: String(Math.round(firstYearTotal / 12)),
            targetKind: 'change_percent',
            targetValue: '-5',
            note: `Синтетическая цель: на 5 % ниже среднего месяца ${firstYear} г. (базовое значение — средний месяц).`,
            dataSource: SYNTHETIC_SOURCE,
            programmeId: programmeId.get(f.programme) ?? null,
            synthetic: true,
          })
          .returning({ id: indicators.id });
        const rows: (typeof indicatorValues.$inferInsert)[] = days.map(({ iso, value }) => ({
          indicatorId: indicator!.id,
          periodKind: 'day',
          periodCode: iso,
          periodStart: iso,
          periodEnd: iso,
          value: String(value),
          source: SYNTHETIC_SOURCE,
          enteredByRole: actor.role,
          enteredByUnit: actor.unit,
          synthetic: true,
        }));
        for (let i = 0; i < rows.length; i += 1000) await tx.insert(indicatorValues).values(rows.slice(i, i + 1000));
        valueCount += rows.length;
      }
    }
    // Synthetic budgets: the report gives money only for the staffing plan.
    const budgets: [string, number][] = [
      ['safe-streets', 950_000_000],
      ['apartment-thefts', 310_000_000],
      ['child-safety', 120_000_000],
      ['domestic-violence', 180_000_000],
      ['stop-drugs', 140_000_000],
      ['property-protection-2021-2023', 420_000_000],
    ];
    for (const [code, plannedTenge] of budgets) {
      const id = programmeId.get(code);
      if (!id) continue;
      for (const [offset, spentShare] of [[0, 0.97], [1, 0.92], [2, 0.6]] as const) {
        const planned = plannedTenge * 100;
        await tx.insert(budgetLines).values({
          programmeId: id,
          year: 2021 + offset,
          label: '',
          plannedTiyn: planned,
          allocatedTiyn: Math.round(planned * 0.98),
          spentTiyn: Math.round(planned * 0.98 * spentShare),
          source: SYNTHETIC_SOURCE,
          synthetic: true,
        });
      }
    }
    // Synthetic trust answers for the last six months; some district-months stay under 30 on purpose.
    const [y, m] = today.split('-').map(Number) as [number, number];
    const responses: (typeof trustSurveyResponses.$inferInsert)[] = [];
    for (let back = 0; back < 6; back++) {
      const month = new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 10);
      for (const d of districtRows) {
        const n = Math.round(15 + random() * 55);
        const mood = 0.45 + (districtProfile[d.id]?.level ?? 1) * -0.1 + random() * 0.15;
        for (let i = 0; i < n; i++) {
          const scale = random() < 0.8 ? ('1-5' as const) : ('0-10' as const);
          const [min, max] = scale === '1-5' ? [1, 5] : [0, 10];
          const answersOf: Partial<Record<TrustItem, number>> = {};
          for (const item of trustItems) {
            if (random() < 0.1) continue; // some questions left unanswered
            const score = Math.min(1, Math.max(0, mood + (random() - 0.5) * 0.6));
            answersOf[item] = Math.round(min + score * (max - min));
          }
          if (Object.keys(answersOf).length === 0) answersOf.job = min;
          responses.push({ context: surveyContexts[Math.floor(random() * surveyContexts.length)]!, districtId: d.id, month, scale, answers: answersOf, synthetic: true });
        }
      }
    }
    for (let i = 0; i < responses.length; i += 1000) await tx.insert(trustSurveyResponses).values(responses.slice(i, i + 1000));
    answers = responses.length;
    await recordAudit(tx, actor, {
      action: 'performance.demo_load',
      entity: 'demo',
      entityId: 'performance',
      before: null,
      after: { syntheticDailyValues: valueCount, syntheticBudgetLines: budgets.length * 3, syntheticSurveyAnswers: answers, valuesSha256: digest.digest('hex') },
    });
  });
  invalidatePerformanceCache();
  return { values: valueCount, answers };
}
