// The status vocabulary belongs to the oversight domain; the importer only suggests one of them.
import { recommendationStatuses, type RecommendationStatus } from '../oversight.domain.js';

/**
 * Suggests the status of a recommendation from the wording of the department's
 * response. The suggestion is only a starting point for the council member who
 * reviews the import: it carries a confidence and the exact phrase that decided it.
 *
 * How it decides:
 * 1. Every rule of STATUS_RULES is searched in the response (patterns are
 *    case-insensitive and anchored at a word start).
 * 2. A status scores the weight of its strongest phrase, plus a small bonus
 *    (+0.03 per further matching phrase, at most +0.09) so that repetition only
 *    breaks near-ties; the strongest phrase, not the longest response, decides.
 * 3. Mixed answers: when the winner is a refusal or a competence disclaimer
 *    (declined / outside_competence) but the response also reports work done or
 *    under way whose weights add up to at least the winner's weight, the
 *    suggestion is partially_implemented: the department did its part and
 *    refused or passed on the rest (п.7: video monitoring deployed, face
 *    recognition "относятся к компетенции КНБ").
 * 4. Confidence = winner's score minus half the runner-up's score (floor 0.15);
 *    an empty response is no_response with confidence 1; a response that
 *    matches no rule is in_progress with confidence 0.1 and no phrase.
 */

export type { RecommendationStatus };
export const RECOMMENDATION_STATUSES: readonly RecommendationStatus[] = recommendationStatuses;

export interface StatusSuggestion {
  status: RecommendationStatus;
  /** 0..1 */
  confidence: number;
  /** The exact phrase of the response that decided the status. */
  phrase: string | null;
  /** The body the matter belongs to, e.g. 'ДЧС', when the status rests on a competence phrase. */
  competence: string | null;
}

export interface StatusRule {
  /** Stable identifier, used in tests and in explanations. */
  id: string;
  /**
   * Case-insensitive (`iu`) pattern searched in the response; it is anchored at
   * a word start automatically. A named group `competence` captures the body
   * the matter is referred to.
   */
  pattern: RegExp;
  status: RecommendationStatus;
  /** 0..1: how strongly the phrase alone indicates the status. */
  weight: number;
  /** A phrase the rule must recognise; the rule table test checks it. */
  example: string;
}

/** Words after «компетенции»: an abbreviation (ДЧС РК) or a few ordinary words. */
const COMPETENCE = String.raw`(?<competence>\p{L}[\p{L}\-]*(?:\s+\p{L}[\p{L}\-]*){0,3})`;
const UP_TO_TWO_WORDS = String.raw`(?:\p{L}+\s+){0,2}?`;
const LEGAL_ACT = String.raw`(?:нормативн\p{L}*[\s-]*правов\p{L}*(?:\s+акт\p{L}*)?|законодательн\p{L}*|закон\p{L}*|кодекс\p{L}*|НПА)`;

export const STATUS_RULES: readonly StatusRule[] = [
  // no_response
  {
    id: 'no-information',
    status: 'no_response',
    weight: 0.8,
    pattern: /(?:информаци\p{L}*|ответ\p{L}*)\s+не\s+(?:поступил\p{L}*|представлен\p{L}*|предоставлен\p{L}*)/iu,
    example: 'Информация не представлена.',
  },

  // declined
  {
    id: 'deemed-inexpedient',
    status: 'declined',
    weight: 0.95,
    pattern: /(?:полагаем|считаем|полагает|считает|считается|представляется)\s+(?:не\s*целесообразн|нецелесообразн)\p{L}*/iu,
    example: 'В связи с чем, полагаем не целесообразным разрабатывать новую Стратегию.',
  },
  {
    id: 'inexpedient',
    status: 'declined',
    weight: 0.85,
    pattern: /(?:не\s*целесообразн|нецелесообразн)\p{L}*/iu,
    example: 'Введение таких должностей нецелесообразно.',
  },
  {
    id: 'not-possible',
    status: 'declined',
    weight: 0.8,
    pattern: /не\s+представляется\s+возможным/iu,
    example: 'Ввести указанные должности не представляется возможным.',
  },
  {
    id: 'no-need',
    status: 'declined',
    weight: 0.8,
    pattern:
      /(?:(?:нет|отсутствует)\s+необходимост\p{L}*|необходимост\p{L}*\s+(?:в\s+(?:этом|этой|нем|данном)\s+)?(?:нет|отсутствует))/iu,
    example: 'Необходимости в этом нет.',
  },
  {
    id: 'not-planned',
    status: 'declined',
    weight: 0.75,
    pattern: /не\s+планиру(?:ется|ются)/iu,
    example: 'Создание такой структуры не планируется.',
  },
  {
    id: 'not-supported',
    status: 'declined',
    weight: 0.7,
    pattern: /не\s+(?:был[аио]?\s+)?поддержан\p{L}*/iu,
    example: 'Данный вопрос бюджетной комиссией не был поддержан.',
  },
  {
    id: 'rejected',
    status: 'declined',
    weight: 0.7,
    pattern: /(?:отклонен[аоы]?|отказано)(?!\p{L})/iu,
    example: 'Заявка отклонена.',
  },

  // outside_competence
  {
    id: 'not-our-competence',
    status: 'outside_competence',
    weight: 0.92,
    pattern:
      /не\s+(?:входит|входят|относится|относятся)\s+(?:в|к)\s+(?:компетенци|функци|полномочи)\p{L}*(?:\s+(?:ДП|департамента\s+полиции|департамента|полиции|ОВД|органов\s+внутренних\s+дел))?/iu,
    example: 'Данный вопрос не входит в компетенцию ДП.',
  },
  {
    id: 'within-competence-of',
    status: 'outside_competence',
    weight: 0.9,
    pattern: new RegExp(
      String.raw`(?:находится|находятся|относится|относятся|входит|входят)\s+(?:в|к)\s+(?:компетенци|ведени)\p{L}*\s+${COMPETENCE}`,
      'iu',
    ),
    example: 'Рассмотрение данного пункта находится в компетенции ДЧС РК.',
  },
  {
    id: 'competence-of',
    status: 'outside_competence',
    weight: 0.8,
    pattern: new RegExp(String.raw`(?:в|к)\s+компетенци[июя]\s+${COMPETENCE}`, 'iu'),
    example: 'Вопрос в компетенции местных исполнительных органов.',
  },
  {
    id: 'referred-to',
    status: 'outside_competence',
    weight: 0.7,
    pattern: new RegExp(
      String.raw`(?:направлен[аоы]?|перенаправлен[аоы]?)\s+(?:по\s+компетенции|для\s+рассмотрения)\s+в\s+${COMPETENCE}`,
      'iu',
    ),
    example: 'Обращение направлено по компетенции в Управление образования.',
  },

  // requires_legislation
  {
    id: 'legislation-needed',
    status: 'requires_legislation',
    weight: 0.9,
    pattern: new RegExp(
      String.raw`(?:необходим\p{L}*|требу\p{L}*|потребуется)\s+${UP_TO_TWO_WORDS}(?:разработк|внесени|приняти|изменени|совершенствовани)\p{L}*\s+(?:\p{L}+\s+){0,3}?${LEGAL_ACT}`,
      'iu',
    ),
    example: 'Необходима разработка нормативно-правовых актов регламентирующих данный пункт.',
  },
  {
    id: 'not-provided-by-law',
    status: 'requires_legislation',
    weight: 0.8,
    pattern: /(?:не\s+предусмотрен\p{L}*|противореч\p{L}*)\s+(?:действующ\p{L}*\s+)?(?:законодательств|закон)\p{L}*/iu,
    example: 'Такая мера не предусмотрена действующим законодательством.',
  },
  {
    id: 'legal-acts-drafting',
    status: 'requires_legislation',
    weight: 0.7,
    pattern: new RegExp(
      String.raw`(?:разработк|приняти|подготовк)\p{L}*\s+(?:и\s+(?:разработк|приняти)\p{L}*\s+)?(?:\p{L}+\s+)?(?:нормативн\p{L}*[\s-]*правов\p{L}*\s+акт|НПА|законопроект)\p{L}*`,
      'iu',
    ),
    example: 'МВД нацелено на разработку и принятие нормативных правовых актов.',
  },
  {
    id: 'law-amendment',
    status: 'requires_legislation',
    weight: 0.7,
    pattern:
      /внесени\p{L}*\s+изменени\p{L}*(?:\s+и\s+дополнени\p{L}*)?\s+в\s+(?:закон|кодекс|нормативн|постановлени)\p{L}*/iu,
    example: 'Прорабатывается вопрос по внесению изменений и дополнений в Закон.',
  },
  {
    id: 'legislative-change',
    status: 'requires_legislation',
    weight: 0.7,
    pattern: /законодательн\p{L}*\s+(?:закреплени|урегулировани|повышени|изменени|регулировани)\p{L}*/iu,
    example: 'Прорабатываются вопросы, направленные на законодательное повышение статуса участкового.',
  },

  // in_progress
  {
    id: 'at-stage',
    status: 'in_progress',
    weight: 0.85,
    pattern: /на\s+стадии\s+(?:реализации|разработки|подписания|согласования|рассмотрения|внедрения|исполнения)/iu,
    example: 'Введение данного новшества находится на стадии реализации.',
  },
  {
    id: 'ongoing-basis',
    status: 'in_progress',
    weight: 0.7,
    pattern: /на\s+постоянной\s+основе/iu,
    example: 'Работа ведется на постоянной основе.',
  },
  {
    id: 'work-ongoing',
    status: 'in_progress',
    weight: 0.7,
    pattern: new RegExp(
      String.raw`(?:ведется|ведутся|проводится|проводятся|продолжается|продолжаются)\s+${UP_TO_TWO_WORDS}работ\p{L}*`,
      'iu',
    ),
    example: 'В настоящее время ведутся работы по модернизации.',
  },
  {
    id: 'work-ongoing-inverted',
    status: 'in_progress',
    weight: 0.7,
    pattern: /работ[аы](?:\s+\p{L}+){0,3}?\s+(?:ведется|ведутся|проводится|проводятся|продолжается|продолжаются)/iu,
    example: 'Работа в данном направлении ведется.',
  },
  {
    id: 'will-continue',
    status: 'in_progress',
    weight: 0.6,
    pattern: /(?:будет|будут)\s+продолжен\p{L}*/iu,
    example: 'Практика взаимодействия будет продолжена.',
  },
  {
    id: 'being-worked-out',
    status: 'in_progress',
    weight: 0.6,
    pattern: /прорабатыва\p{L}*/iu,
    example: 'В МВД РК прорабатывается вопрос.',
  },
  {
    id: 'under-consideration',
    status: 'in_progress',
    weight: 0.6,
    pattern: /(?:находится|находятся)\s+на\s+(?:рассмотрении|согласовании|контроле)/iu,
    example: 'Вопрос находится на рассмотрении в Управлении.',
  },
  {
    id: 'proposals-submitted',
    status: 'in_progress',
    weight: 0.6,
    pattern: /(?:внесены|внесено|направлены|направлено)\s+(?:\p{L}+\s+)?предложени\p{L}*/iu,
    example: 'Были внесены предложения по распределению функций.',
  },
  {
    id: 'regular-activity',
    status: 'in_progress',
    weight: 0.55,
    pattern:
      /(?:ежегодно|ежедневно|ежемесячно|ежеквартально|регулярно)\s+(?:\p{L}+\s+)?(?:ведется|ведутся|проводится|проводятся|осуществляется|осуществляются)/iu,
    example: 'Ежегодно ведется оценка деятельности каждого сотрудника.',
  },
  {
    id: 'being-developed',
    status: 'in_progress',
    weight: 0.55,
    pattern: /(?:разрабатыва|дорабатыва|внедря)(?:ется|ются)/iu,
    example: 'Разрабатывается проект стратегии.',
  },
  {
    id: 'being-implemented',
    status: 'in_progress',
    weight: 0.5,
    pattern: /реализу(?:ется|ются)/iu,
    example: 'Реализуется сервисная модель полиции.',
  },
  {
    id: 'periodic-basis',
    status: 'in_progress',
    weight: 0.5,
    pattern: /на\s+(?:ежегодной|ежедневной|ежемесячной|ежеквартальной|регулярной|системной)\s+основе/iu,
    example: 'На ежегодной основе утверждается план.',
  },
  {
    id: 'aimed-at',
    status: 'in_progress',
    weight: 0.5,
    pattern: /нацелен[аоы]?\s+на/iu,
    example: 'Министерство нацелено на решение вопроса.',
  },

  // planned
  {
    id: 'will-be-done',
    status: 'planned',
    weight: 0.8,
    pattern:
      /(?:будет|будут)\s+(?:\p{L}+\s+)?(?:пересмотрен|рассмотрен|внедрен|организован|разработан|начат|проведен|установлен|создан|направлен|увеличен|принят|введен|реализован|закуплен|приобретен|построен)\p{L}*/iu,
    example: 'Расстановка инспекторов будет пересмотрена.',
  },
  {
    id: 'is-planned',
    status: 'planned',
    weight: 0.7,
    pattern: /(?<!не\s)планиру(?:ется|ются|ет|ем)/iu,
    example: 'Планируется привлечь к работе пенсионеров.',
  },
  {
    id: 'scheduled',
    status: 'planned',
    weight: 0.6,
    pattern: /запланирован\p{L}*/iu,
    example: 'Работы по второму этапу запланированы на 2021 год.',
  },
  {
    id: 'provided-for',
    status: 'planned',
    weight: 0.55,
    pattern: /(?<!не\s)предусмотрен\p{L}*/iu,
    example: 'При формировании бюджета предусмотрены меры по приобретению.',
  },

  // partially_implemented
  {
    id: 'partially-done',
    status: 'partially_implemented',
    weight: 0.9,
    pattern:
      /(?:частично\s+(?:\p{L}+\s+)?(?:исполнен|выполнен|реализован|внедрен)\p{L}*|(?:исполнен|выполнен|реализован|внедрен)\p{L}*\s+частично)/iu,
    example: 'Рекомендация частично исполнена.',
  },

  // implemented
  {
    id: 'recommendation-fulfilled',
    status: 'implemented',
    weight: 0.9,
    pattern:
      /(?:рекомендаци\p{L}*|пункт|поручени\p{L}*)\s+(?:\p{L}+\s+){0,2}?(?:(?:в\s+полном\s+объеме|полностью)\s+)?(?:исполнен|выполнен|реализован)[аоы]?(?!\p{L})/iu,
    example: 'Данная рекомендация исполнена.',
  },
  {
    id: 'fully-done',
    status: 'implemented',
    weight: 0.9,
    pattern: /(?:в\s+полном\s+объеме|полностью)\s+(?:исполнен|выполнен|реализован|внедрен)\p{L}*/iu,
    example: 'Мероприятие полностью выполнено.',
  },
  {
    id: 'work-done',
    status: 'implemented',
    weight: 0.7,
    pattern: /(?:проведена|проделана|выполнена)\s+(?:\p{L}+\s+)?работа/iu,
    example: 'Департаментом полиции проведена работа по регистрации инспекторов.',
  },
  {
    id: 'opened',
    status: 'implemented',
    weight: 0.6,
    pattern: /состоял\p{L}*\s+открыти\p{L}*/iu,
    example: 'Состоялось открытие фронт-офиса.',
  },
  {
    id: 'decision-taken',
    status: 'implemented',
    weight: 0.55,
    pattern: /принят[оы]?\s+решени\p{L}*/iu,
    example: 'Принято решение по повышению заработной платы.',
  },
  {
    id: 'done-passive',
    status: 'implemented',
    weight: 0.5,
    pattern:
      /(?<!не\s)(?:внедрен|введен|установлен|создан|утвержден|организован|подписан|оснащен|открыт|построен|приобретен|закуплен|исполнен|выполнен|реализован)[аоы]?(?!\p{L})/iu,
    example: 'На участках установлено 37 постов полиции.',
  },
];

/** One occurrence of a rule in a response. */
export interface StatusEvidence {
  ruleId: string;
  status: RecommendationStatus;
  weight: number;
  /** The matched text, exactly as in the response. */
  phrase: string;
  /** Offset of the phrase in the response. */
  index: number;
  /** Offset just after the whole match (which may run past the reported phrase). */
  end: number;
  competence: string | null;
}

const POSITIVE_STATUSES: ReadonlySet<RecommendationStatus> = new Set(['implemented', 'in_progress']);
const MIXABLE_STATUSES: ReadonlySet<RecommendationStatus> = new Set(['declined', 'outside_competence']);
const REPEAT_BONUS = 0.03;
const MAX_REPEAT_BONUS = 0.09;
const CONFIDENCE_FLOOR = 0.15;
const PARTIAL_DISCOUNT = 0.75;
const FALLBACK: StatusSuggestion = { status: 'in_progress', confidence: 0.1, phrase: null, competence: null };

const compiledRules = new Map<string, RegExp>();

function globalPattern(rule: StatusRule): RegExp {
  const key = `${rule.id}\u0000${rule.pattern.source}`;
  let compiled = compiledRules.get(key);
  if (!compiled) {
    compiled = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${rule.pattern.source})`, 'giud');
    compiledRules.set(key, compiled);
  }
  compiled.lastIndex = 0;
  return compiled;
}

/**
 * Reduces the words after «в компетенции» to the body's name: an abbreviation
 * (`ДЧС РК` → `ДЧС`) or up to three ordinary words.
 */
function readCompetence(raw: string): { name: string; length: number } {
  const words = [...raw.matchAll(/[^\s]+/gu)];
  const first = words[0];
  if (!first) return { name: '', length: 0 };
  const firstWord = first[0];
  if (/^[\p{Lu}][\p{Lu}\-]+$/u.test(firstWord)) {
    const second = words[1];
    const withCountry = second && /^(?:РК|РФ)$/u.test(second[0]);
    const end = withCountry ? second.index + second[0].length : first.index + firstWord.length;
    return { name: firstWord, length: end };
  }
  const kept: RegExpExecArray[] = [];
  for (const word of words) {
    if (kept.length === 3 || /^(?:и|в|на|по|а|с|для|что|как|при)$/iu.test(word[0])) break;
    kept.push(word);
  }
  const last = kept[kept.length - 1] ?? first;
  return { name: kept.map((word) => word[0]).join(' '), length: last.index + last[0].length };
}

/**
 * Every occurrence of every rule in the response, in text order. Where matches
 * overlap («полагаем не целесообразным» holds «не целесообразным»; «будет
 * введена» holds «введена»), only the heaviest is kept, so that one phrase
 * counts once and for one status.
 */
export function findStatusEvidence(response: string, rules: readonly StatusRule[] = STATUS_RULES): StatusEvidence[] {
  const evidence: StatusEvidence[] = [];
  for (const rule of rules) {
    for (const match of response.matchAll(globalPattern(rule))) {
      let phrase = match[0];
      let competence: string | null = null;
      const group = match.groups?.['competence'];
      const span = match.indices?.groups?.['competence'];
      if (group !== undefined && span) {
        const read = readCompetence(group);
        competence = read.name || null;
        phrase = response.slice(match.index, span[0] + read.length);
      }
      evidence.push({
        ruleId: rule.id,
        status: rule.status,
        weight: rule.weight,
        phrase: phrase.trim(),
        index: match.index,
        end: match.index + match[0].length,
        competence,
      });
    }
  }
  const kept: StatusEvidence[] = [];
  // heaviest first; among equals the rule listed first (Array.prototype.sort is stable)
  for (const item of [...evidence].sort((a, b) => b.weight - a.weight)) {
    if (!kept.some((other) => item.index < other.end && other.index < item.end)) kept.push(item);
  }
  return kept.sort((a, b) => a.index - b.index);
}

interface StatusScore {
  status: RecommendationStatus;
  score: number;
  top: StatusEvidence;
}

function scoreStatuses(evidence: readonly StatusEvidence[]): StatusScore[] {
  const byStatus = new Map<RecommendationStatus, StatusEvidence[]>();
  for (const item of evidence) {
    const list = byStatus.get(item.status) ?? [];
    list.push(item);
    byStatus.set(item.status, list);
  }
  const scores: StatusScore[] = [];
  for (const [status, list] of byStatus) {
    // Strongest phrase first; among equals, the earliest one.
    const top = list.reduce((best, item) => (item.weight > best.weight ? item : best));
    const bonus = Math.min(MAX_REPEAT_BONUS, REPEAT_BONUS * (list.length - 1));
    scores.push({ status, score: Math.min(1, top.weight + bonus), top });
  }
  return scores.sort((a, b) => b.score - a.score || b.top.weight - a.top.weight || a.top.index - b.top.index);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** True when the response says nothing: empty, or only dashes and punctuation. */
function isEmptyResponse(response: string): boolean {
  return !/[\p{L}\p{N}]/u.test(response);
}

/** Suggests a status for one response. Pure; never throws. */
export function classifyStatus(response: string, rules: readonly StatusRule[] = STATUS_RULES): StatusSuggestion {
  if (isEmptyResponse(response)) {
    return { status: 'no_response', confidence: 1, phrase: null, competence: null };
  }
  const evidence = findStatusEvidence(response, rules);
  const [winner, runnerUp] = scoreStatuses(evidence);
  if (!winner) return { ...FALLBACK };

  if (MIXABLE_STATUSES.has(winner.status)) {
    const positiveWeight = evidence
      .filter((item) => POSITIVE_STATUSES.has(item.status))
      .reduce((sum, item) => sum + item.weight, 0);
    if (positiveWeight >= winner.top.weight) {
      return {
        status: 'partially_implemented',
        confidence: round2(Math.max(CONFIDENCE_FLOOR, PARTIAL_DISCOUNT * Math.min(winner.score, positiveWeight))),
        phrase: winner.top.phrase,
        competence: winner.top.competence,
      };
    }
  }

  const confidence = Math.max(CONFIDENCE_FLOOR, winner.score - (runnerUp ? runnerUp.score / 2 : 0));
  return {
    status: winner.status,
    confidence: round2(confidence),
    phrase: winner.top.phrase,
    competence: winner.status === 'outside_competence' ? winner.top.competence : null,
  };
}
