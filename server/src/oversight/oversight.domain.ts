import type { LocalizedText } from '../platform/db/columns.js';

/** Statuses of a recommendation's implementation, as the department reports them. */
export const recommendationStatuses = [
  'implemented',
  'in_progress',
  'partially_implemented',
  'planned',
  'declined',
  'outside_competence',
  'requires_legislation',
  'no_response',
] as const;
export type RecommendationStatus = (typeof recommendationStatuses)[number];

/** The council's verdict on a response. */
export const assessmentVerdicts = ['accepted', 'not_accepted', 'needs_info'] as const;
export type AssessmentVerdict = (typeof assessmentVerdicts)[number];

/** Reporting periods are quarters of this century: 2021-Q1. */
export const PERIOD_CODE_PATTERN = /^(20\d{2})-Q([1-4])$/;

const romanQuarters = ['I', 'II', 'III', 'IV'] as const;

export interface PeriodBounds {
  startsOn: string;
  endsOn: string;
  label: LocalizedText;
}

/** 2021-Q1 → 2021-01-01 … 2021-03-31 with labels in three languages. */
export function periodBounds(code: string): PeriodBounds {
  const match = PERIOD_CODE_PATTERN.exec(code);
  if (!match) throw new Error(`not a period code: ${code}`);
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  const startMonth = (quarter - 1) * 3;
  const start = new Date(Date.UTC(year, startMonth, 1));
  const end = new Date(Date.UTC(year, startMonth + 3, 0));
  const roman = romanQuarters[quarter - 1]!;
  return {
    startsOn: start.toISOString().slice(0, 10),
    endsOn: end.toISOString().slice(0, 10),
    label: { ru: `${year}, ${roman} квартал`, kk: `${year}, ${roman} тоқсан`, en: `${year} Q${quarter}` },
  };
}

/** Topics a recommendation is filed under, detected from its text (keys are translated in the web app). */
const topicRules: { topic: string; pattern: RegExp }[] = [
  { topic: 'transparency', pattern: /прозрачност|общественн\S* контрол|доверия|обществ\S* аудит|информирова/i },
  { topic: 'performance', pattern: /KPI|индикатор|оценк\S* работы|эффективност/i },
  { topic: 'programmes', pattern: /целев\S* программ|программ\S* «/i },
  { topic: 'patrol', pattern: /патрул|ППС|Национальной гварди/i },
  { topic: 'precincts', pattern: /участков/i },
  { topic: 'technology', pattern: /цифровиз|видеонаблюден|интеллектуальн|технологи|видеорегистратор|мониторингов/i },
  { topic: 'traffic', pattern: /дорожн|транспорт|пешеходн|ПДД|велосипед|эвакуатор/i },
  { topic: 'staffing', pattern: /кадров|штатн|сотрудник\S* –|академи|зачет|нагрузк/i },
  { topic: 'social', pattern: /социальн|льгот|жиль|заработ|ЗП/i },
  { topic: 'equipment', pattern: /техническ\S* баз|бронежилет|вооружени|р\/с/i },
  { topic: 'youth', pattern: /учебн\S* заведени|школ|дошкольн|несовершеннолет/i },
  { topic: 'emergencies', pattern: /ЧС|чрезвычайн/i },
  { topic: 'prevention', pattern: /профилактик|агитаци|правонарушени/i },
  { topic: 'accessibility', pattern: /доступност|заборы|КПП/i },
];

export function detectTopics(text: string): string[] {
  return topicRules.filter((r) => r.pattern.test(text)).map((r) => r.topic);
}

/** A short title: the first sentence of the recommendation, at most ~160 characters. */
export function titleOf(recommendation: string): string {
  const clean = recommendation.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?;])(\s|$)/.exec(clean)?.[1] ?? clean;
  if (sentence.length <= 160) return sentence.replace(/[.;]$/, '');
  const cut = sentence.slice(0, 157);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 100 ? cut.lastIndexOf(' ') : 157)}…`;
}
