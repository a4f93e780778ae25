import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  classifyStatus,
  findStatusEvidence,
  RECOMMENDATION_STATUSES,
  STATUS_RULES,
  type StatusRule,
} from './status-classifier.js';

describe('STATUS_RULES', () => {
  it('has unique ids, weights in 0..1 and known statuses', () => {
    const ids = STATUS_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of STATUS_RULES) {
      expect(rule.weight, rule.id).toBeGreaterThan(0);
      expect(rule.weight, rule.id).toBeLessThanOrEqual(1);
      expect(RECOMMENDATION_STATUSES, rule.id).toContain(rule.status);
      expect(rule.pattern.global, `${rule.id} must not be global`).toBe(false);
    }
  });

  it.each(STATUS_RULES.map((rule) => [rule.id, rule] as const))(
    'rule %s recognises its example and decides its status',
    (_id, rule) => {
      expect(findStatusEvidence(rule.example, [rule]).length, rule.example).toBeGreaterThan(0);
      expect(classifyStatus(rule.example).status).toBe(rule.status);
    },
  );

  it('only matches at a word start', () => {
    // «отклонения от маршрутов» (п.17) is not «отклонено»; «перепланируется» is not «планируется»
    const evidence = findStatusEvidence('Выявлены отклонения от маршрутов; перепланируется.');
    expect(evidence.map((item) => item.ruleId)).toEqual([]);
  });

  it('does not read a negated phrase as its positive form', () => {
    expect(classifyStatus('Создание такой структуры не планируется.').status).toBe('declined');
    expect(classifyStatus('Такая мера не предусмотрена действующим законодательством.').status).toBe(
      'requires_legislation',
    );
  });

  it('can be extended with a custom rule table', () => {
    const rules: StatusRule[] = [
      { id: 'custom', status: 'implemented', weight: 0.9, pattern: /сделано/iu, example: 'Всё сделано.' },
    ];
    expect(classifyStatus('Всё сделано.', rules)).toEqual({
      status: 'implemented',
      confidence: 0.9,
      phrase: 'сделано',
      competence: null,
    });
  });
});

describe('classifyStatus', () => {
  it('reports an empty response as no_response with full confidence', () => {
    for (const response of ['', '   ', '\n\t', '—', '-.']) {
      expect(classifyStatus(response)).toEqual({
        status: 'no_response',
        confidence: 1,
        phrase: null,
        competence: null,
      });
    }
  });

  it('falls back to a low-confidence in_progress without a phrase when nothing matches', () => {
    const suggestion = classifyStatus('Руководитель бюджетной программы несет ответственность.');
    expect(suggestion).toEqual({ status: 'in_progress', confidence: 0.1, phrase: null, competence: null });
  });

  it('declines on «полагаем не целесообразным» even next to a description of existing practice (п.8)', () => {
    const suggestion = classifyStatus(
      'На ежегодной основе ДП утверждается план мероприятий.\nВ связи с чем, полагаем не целесообразным  разрабатывать новую Стратегию.',
    );
    expect(suggestion.status).toBe('declined');
    expect(suggestion.phrase).toBe('полагаем не целесообразным');
    expect(suggestion.confidence).toBeGreaterThan(0.5);
  });

  it('names the competent body for outside_competence (п.11)', () => {
    const suggestion = classifyStatus('Рассмотрение данного пункта находится в компетенции ДЧС РК.');
    expect(suggestion).toMatchObject({ status: 'outside_competence', competence: 'ДЧС' });
    expect(suggestion.phrase).toBe('находится в компетенции ДЧС РК');
    expect(suggestion.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps a spelled-out competent body short', () => {
    const suggestion = classifyStatus('Вопрос в компетенции местных исполнительных органов и маслихата.');
    expect(suggestion).toMatchObject({
      status: 'outside_competence',
      competence: 'местных исполнительных органов',
    });
  });

  it('calls work done plus a competence disclaimer partially_implemented (п.7)', () => {
    const suggestion = classifyStatus(
      'Проводится работа по внедрению Проекта. Утверждены Правила функционирования системы. ' +
        'Функции распознавания лиц относятся к компетенции КНБ РК.',
    );
    expect(suggestion.status).toBe('partially_implemented');
    expect(suggestion.competence).toBe('КНБ');
    expect(suggestion.phrase).toBe('относятся к компетенции КНБ РК');
  });

  it('keeps outside_competence when little work is reported beside it', () => {
    const suggestion = classifyStatus('Проводится работа. Вопрос относится к компетенции КНБ.');
    expect(suggestion.status).toBe('outside_competence');
  });

  it('recognises requires_legislation, in_progress and planned wording from the seed', () => {
    expect(classifyStatus('Необходима разработка нормативно-правовых актов регламентирующих данный пункт.')).toMatchObject(
      { status: 'requires_legislation', phrase: 'Необходима разработка нормативно-правовых актов' },
    );
    expect(classifyStatus('Введение данного новшества находится на стадии реализации.')).toMatchObject({
      status: 'in_progress',
      phrase: 'на стадии реализации',
    });
    expect(
      classifyStatus('По окончанию карантина расстановка инспекторов будет пересмотрена.'),
    ).toMatchObject({ status: 'planned', phrase: 'будет пересмотрена' });
    expect(classifyStatus('Ввести указанные должности не представляется возможным.').status).toBe('declined');
    expect(classifyStatus('В МВД РК прорабатывается вопрос.').status).toBe('in_progress');
  });

  it('lets the strongest phrase decide and counts one phrase once', () => {
    const evidence = findStatusEvidence('полагаем не целесообразным');
    expect(evidence.map((item) => item.ruleId)).toEqual(['deemed-inexpedient']);
    // «будет введена» is a plan, not a claim that something was introduced
    expect(findStatusEvidence('Система будет введена.').map((item) => item.status)).toEqual(['planned']);
  });

  it('lowers the confidence when another status competes', () => {
    const alone = classifyStatus('Работа ведется на постоянной основе.');
    const contested = classifyStatus('Работа ведется на постоянной основе. Расстановка будет пересмотрена.');
    expect(contested.confidence).toBeLessThan(alone.confidence);
  });

  it('always returns a known status, a confidence in 0..1 and a phrase taken from the response', () => {
    const fragments = [
      ...STATUS_RULES.map((rule) => rule.example),
      'Текст без вывода.',
      'ДЧС',
      '\n',
      '  ',
      'в компетенции',
      'будет',
    ];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string()), { maxLength: 8 }), (parts) => {
        const response = parts.join(' ');
        const suggestion = classifyStatus(response);
        expect(RECOMMENDATION_STATUSES).toContain(suggestion.status);
        expect(suggestion.confidence).toBeGreaterThanOrEqual(0);
        expect(suggestion.confidence).toBeLessThanOrEqual(1);
        if (suggestion.phrase !== null) expect(response).toContain(suggestion.phrase);
      }),
    );
  });
});
