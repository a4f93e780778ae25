import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ReportImportError } from './report-import-error.js';
import { parseReport } from './report-parser.js';

const TITLE = 'Информация ДП г. Алматы\nпо исполнению рекомендаций Комиссии №7 ';

/** The heading styles met in real reports, for item number n. */
const HEADING_STYLES: readonly ((n: number) => string)[] = [
  (n) => `п ${n}. `,
  (n) => `п. ${n}. `,
  (n) => `п.${n}. `,
  (n) => `П.${n} `,
  (n) => `П. ${n}) `,
  (n) => `  п.${n}.  `,
  (n) => `\tп.${n}.\t`,
  (n) => `[bookmark: _GoBack]п.${n}. `,
  (n) => `п.\u00a0${n}.\u00a0`,
  (n) => `п.${n}.`,
];

function report(numbers: readonly number[], style: (n: number) => string = (n) => `п.${n}. `): string {
  const items = numbers.map(
    (n) => `${style(n)}Рекомендация номер ${n}.\nОтвет на пункт ${n}: работа ведется на постоянной основе.\n`,
  );
  return `${TITLE}\n\n${items.join('\n')}`;
}

function expectImportError(run: () => unknown, code: ReportImportError['code']): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ReportImportError);
  expect((thrown as ReportImportError).code).toBe(code);
}

describe('parseReport: headings', () => {
  it.each(HEADING_STYLES.map((style) => [style(7), style] as const))('recognises the heading style %j', (_label, style) => {
    const parsed = parseReport(report([1, 2, 3], style));
    expect(parsed.items.map((item) => item.number)).toEqual([1, 2, 3]);
    expect(parsed.items[1]?.recommendation).toBe('Рекомендация номер 2.');
    expect(parsed.items[1]?.response).toBe('Ответ на пункт 2: работа ведется на постоянной основе.');
    expect(parsed.warnings).toEqual([]);
  });

  it('takes the text before п.1 as the title, whitespace normalised', () => {
    expect(parseReport(report([1])).title).toBe('Информация ДП г. Алматы по исполнению рекомендаций Комиссии №7');
  });

  it('handles CRLF, CR, NBSP and a BOM', () => {
    const text = `\uFEFF${report([1, 2]).replace(/\n/g, '\r\n').replace(/ /g, '\u00a0')}`;
    const parsed = parseReport(text);
    expect(parsed.items.map((item) => item.number)).toEqual([1, 2]);
    expect(parsed.items[0]?.recommendation).toBe('Рекомендация номер 1.');
    expect(parsed.items[0]?.response).not.toMatch(/[\r\u00a0]/u);
    expect(parseReport(report([1, 2]).replace(/\n/g, '\r')).items).toHaveLength(2);
  });

  it('splits only at headings at the start of a line', () => {
    const text = [
      'Заголовок',
      'п.1. Первая рекомендация.',
      'Разработан во исполнение пункта 8 Плана и п.8 Бюджетного Кодекса; см. п. 2.2.2 протокола.',
      'п.2.2 протокола заседания — ссылка, не пункт.',
      'п.8 Бюджетного Кодекса РК — ссылка без точки в начале строки.',
      'п.2. Вторая рекомендация.',
      'Ответ.',
    ].join('\n');
    const parsed = parseReport(text);
    expect(parsed.items.map((item) => item.number)).toEqual([1, 2]);
    expect(parsed.items[0]?.response).toContain('п.8 Бюджетного Кодекса РК — ссылка');
    expect(parsed.warnings).toEqual([]);
  });

  it('takes the recommendation from the next paragraph when the heading stands alone', () => {
    const parsed = parseReport('п.1.\n\nРекомендация.\nОтвет.');
    expect(parsed.items[0]).toMatchObject({ recommendation: 'Рекомендация.', response: 'Ответ.' });
  });

  it('removes Word artefacts from the text', () => {
    const parsed = parseReport('[bookmark: _GoBack]п.1. Рекомендация [bookmark: x]один.\nОтвет\u200b.');
    expect(parsed.items[0]).toMatchObject({ recommendation: 'Рекомендация один.', response: 'Ответ.' });
  });
});

describe('parseReport: recommendation, sub-items and response', () => {
  it('keeps sub-items that directly follow the heading in the recommendation', () => {
    const text = [
      'п.12. Эффективная организация дорожного движения.',
      '1). Убрать запрещающие знаки;',
      '2) Разрешить движение по выделенным полосам;',
      '  3).\tСократить велосипедные дорожки;',
      'В настоящее время ведутся работы по модернизации.',
      '1). В данное время ведутся работы по концепции.',
    ].join('\n');
    const [item] = parseReport(text).items;
    expect(item?.subItems).toEqual([
      { label: '1)', text: 'Убрать запрещающие знаки;' },
      { label: '2)', text: 'Разрешить движение по выделенным полосам;' },
      { label: '3)', text: 'Сократить велосипедные дорожки;' },
    ]);
    expect(item?.recommendation.split('\n')).toHaveLength(4);
    expect(item?.response).toBe(
      'В настоящее время ведутся работы по модернизации.\n1). В данное время ведутся работы по концепции.',
    );
  });

  it('leaves an empty response empty and suggests no_response', () => {
    const parsed = parseReport('п.1. Рекомендация.\n\n \t\n');
    expect(parsed.items[0]).toMatchObject({
      response: '',
      suggestedStatus: { status: 'no_response', confidence: 1, phrase: null, competence: null },
      figures: [],
    });
  });

  it('detects addressees, suggests a status and extracts figures for each item', () => {
    const parsed = parseReport(
      'п.1. Рекомендация ДП.\nРассмотрение данного пункта находится в компетенции ДЧС РК. Установлено 37 постов полиции.',
    );
    expect(parsed.items[0]).toMatchObject({
      addressees: ['ДП г.Алматы', 'ДЧС'],
      suggestedStatus: { status: 'outside_competence', competence: 'ДЧС' },
      figures: [expect.objectContaining({ value: 37, counts: 'постов полиции' })],
    });
  });
});

describe('parseReport: numbering problems', () => {
  it('warns about a gap', () => {
    const parsed = parseReport(report([1, 2, 4, 7]));
    expect(parsed.items.map((item) => item.number)).toEqual([1, 2, 4, 7]);
    expect(parsed.warnings).toEqual([
      'Numbering gap after п.2: п.3 missing before п.4.',
      'Numbering gap after п.4: п.5–п.6 missing before п.7.',
    ]);
  });

  it('warns when the first item is not п.1', () => {
    expect(parseReport(report([3, 4])).warnings).toEqual(['Numbering gap at the start: п.1–п.2 missing before п.3.']);
  });

  it('warns about duplicates and numbering that goes backwards', () => {
    const parsed = parseReport(report([1, 2, 2, 3, 1]));
    expect(parsed.items.map((item) => item.number)).toEqual([1, 2, 2, 3, 1]);
    expect(parsed.warnings).toEqual([
      'Item п.2 appears more than once.',
      'Item п.1 appears more than once.',
      'Item п.1 follows п.3: numbering goes backwards.',
    ]);
  });

  it('accepts a heading without a terminator only when it continues the numbering', () => {
    const parsed = parseReport('П.1 Первая.\nОтвет.\nП.5 Бюджетного кодекса.\nП.2 Вторая.\nОтвет.');
    expect(parsed.items.map((item) => item.number)).toEqual([1, 2]);
    expect(parsed.items[0]?.response).toBe('Ответ.\nП.5 Бюджетного кодекса.');
  });

  it('warns when there is no title', () => {
    expect(parseReport('п.1. Рекомендация.\nОтвет.').warnings).toEqual(['The report has no title before its first item.']);
  });
});

describe('parseReport: errors', () => {
  it.each([
    ['an empty string', ''],
    ['prose without headings', 'Информация ДП г. Алматы по исполнению рекомендаций.\nВо исполнение пункта 8 плана.'],
    ['references only', 'согласно п.8 Бюджетного Кодекса\nп.2.2.2 протокола'],
  ])('throws no_items for %s', (_what, text) => {
    expectImportError(() => parseReport(text), 'no_items');
  });
});

describe('parseReport: properties', () => {
  it('throws nothing but ReportImportError, whatever the input', () => {
    const fragments = ['п', 'П', '.', ' ', '\t', '\n', '\r\n', '1', '2', '12', ')', '1).', 'текст', '[bookmark: _GoBack]', '\u00a0', 'пункта 8', '№7', '—'];
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((parts) => parts.join(''))),
        (text) => {
          try {
            const parsed = parseReport(text);
            expect(parsed.items.length).toBeGreaterThan(0);
          } catch (error) {
            expect(error).toBeInstanceOf(ReportImportError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('yields the same item numbers whatever heading style, spacing and line endings are used', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.infiniteStream(fc.nat({ max: HEADING_STYLES.length - 1 })),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (count, styleIndexes, lineEnding, blankLines) => {
          const numbers = Array.from({ length: count }, (_, index) => index + 1);
          const body = numbers
            .map((n) => {
              const style = HEADING_STYLES[styleIndexes.next().value] ?? HEADING_STYLES[0];
              const heading = style ? style(n) : `п.${n}. `;
              return `${heading}Рекомендация ${n}.${lineEnding}Ответ: см. пункта ${n + 1} и п.${n}.${n} плана.${lineEnding}`;
            })
            .join(blankLines ? lineEnding : '');
          const parsed = parseReport(`Заголовок${lineEnding}${body}`);
          expect(parsed.items.map((item) => item.number)).toEqual(numbers);
          expect(parsed.warnings).toEqual([]);
          for (const item of parsed.items) expect(item.recommendation).toBe(`Рекомендация ${item.number}.`);
        },
      ),
      { numRuns: 200 },
    );
  });
});
