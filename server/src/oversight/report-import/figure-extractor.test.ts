import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { extractFigures, splitSentences, type ExtractedFigure } from './figure-extractor.js';

function values(text: string): number[] {
  return extractFigures(text).map((figure) => figure.value);
}

function only(text: string): ExtractedFigure {
  const figures = extractFigures(text);
  expect(figures, text).toHaveLength(1);
  const [figure] = figures;
  if (!figure) throw new Error('unreachable');
  return figure;
}

describe('extractFigures: numbers and units', () => {
  it('reads a count and the noun phrase that follows it (п.1)', () => {
    const text =
      'В целях взаимосвязи с общественностью на наиболее криминогенных    участках установлено 37 модульных круглосуточных  постов полиции, что позволяет оперативно реагировать.';
    expect(only(text)).toEqual({
      value: 37,
      unit: null,
      counts: 'модульных круглосуточных постов полиции',
      sentence:
        'В целях взаимосвязи с общественностью на наиболее криминогенных участках установлено 37 модульных круглосуточных постов полиции, что позволяет оперативно реагировать.',
    });
  });

  it('reads numbers grouped with spaces: «1 500», «2 000»', () => {
    expect(only('Штат: инспектор на 1 500 жителей.')).toMatchObject({ value: 1500, counts: 'жителей' });
    expect(values('Выставляются более 2 000 сотрудников полиции.')).toEqual([2000]);
  });

  it('reads percentages with a decimal comma, taking the phrase before when none follows', () => {
    const figure = only('снижение удельного веса преступлений от общего числа зарегистрированных преступлений до 18,7%;');
    expect(figure).toMatchObject({ value: 18.7, unit: '%', counts: 'общего числа зарегистрированных преступлений' });
    expect(only('носимые радиостанции – 99,2%.')).toMatchObject({ value: 99.2, unit: '%', counts: 'носимые радиостанции' });
    expect(only('ввод 50% пешего патрулирования')).toMatchObject({ value: 50, unit: '%', counts: 'пешего патрулирования' });
  });

  it('composes amounts written with scale words and infers tenge from the context', () => {
    expect(values('увеличение штата на 49 единиц, общее финансирование составит 409 млн. 178 тыс.')).toEqual([
      49, 409_178_000,
    ]);
    expect(only('Этап первый, общее финансирование составит 409 млн. 178 тыс.')).toMatchObject({
      value: 409_178_000,
      unit: 'тенге',
      counts: 'общее финансирование',
    });
    expect(only('финансирование составит 1 млрд. 795 млн. 680 тыс.').value).toBe(1_795_680_000);
    expect(only('на общую сумму 18 млн 182,0 тыс. тенге, но').value).toBe(18_182_000);
    expect(only('имеет более 4 тыс. подписчиков').value).toBe(4000);
    expect(only('подписано более 403тыс. граждан.')).toMatchObject({ value: 403_000, counts: 'граждан' });
  });

  it('reads «раз» and ranges: «4,5 раз», «-4-5 раза»', () => {
    expect(only('снижено в 4,5 раз.')).toMatchObject({ value: 4.5, unit: 'раз' });
    expect(extractFigures('что превышает -4-5 раза.').map((figure) => [figure.value, figure.unit])).toEqual([
      [4, 'раз'],
      [5, 'раз'],
    ]);
  });

  it('reads staff units: «116 единицы», «45ед..», «137единиц подразделений»', () => {
    expect(only('численность должна составить 116 единицы,')).toMatchObject({ value: 116, unit: 'ед.', counts: 'единиц' });
    expect(only('необходимо ввести 45ед..')).toMatchObject({ value: 45, unit: 'ед.' });
    expect(only('137единиц подразделений патрульной полиции')).toMatchObject({
      value: 137,
      unit: 'ед.',
      counts: 'подразделений патрульной полиции',
    });
  });

  it('reads numbers glued to a cardinal suffix: «25-ти инструкторов», «3-х месяцев»', () => {
    expect(only('на содержание 25-ти инструкторов-наставников')).toMatchObject({
      value: 25,
      counts: 'инструкторов-наставников',
    });
    expect(only('по итогам 3-х месяцев')).toMatchObject({ value: 3, counts: 'месяцев' });
  });

  it('keeps the seed figures the design cites', () => {
    expect(only('зарегистрированы в 1750 в обще домовых чатах').value).toBe(1750);
    expect(only('нормативные нагрузки на УИП - 2300 человек городского населения.').counts).toMatch(/^человек/);
    expect(only('уничтожены путем закрашивания 681 граффити-надписей содержащих информацию.').counts).toBe(
      'граффити-надписей',
    );
    expect(extractFigures('город разделен на 102 патрульных участка. Из них: 478 автомобильных, 1487 пеших.')).toEqual([
      expect.objectContaining({ value: 102, counts: 'патрульных участка' }),
      expect.objectContaining({ value: 478, counts: 'автомобильных' }),
      expect.objectContaining({ value: 1487, counts: 'пеших' }),
    ]);
  });

  it('keeps a year-sized count that is not a year: «2020 маршрутов»', () => {
    expect(only('Всего по городу разработано 2020 маршрутов патрулирования.').counts).toBe('маршрутов патрулирования');
  });

  it('stops the phrase at prepositions, conjunctions, verbs and participles', () => {
    expect(only('поступило 17 сообщений от граждан').counts).toBe('сообщений');
    expect(only('98 участковых инспекторов полиции и ещё').counts).toBe('участковых инспекторов полиции');
    expect(only('выявлено 150 интернет-сайтов, занимающихся рекламой').counts).toBe('интернет-сайтов');
  });
});

describe('extractFigures: numbers that are not figures', () => {
  it.each([
    ['dates', 'которые по состоянию на 10.02.2021г. были уничтожены, а с 01.04.2021 года начато'],
    ['dates with month names', 'состоялось 16 марта т.г., Указ от 19 июня 2019 года'],
    ['years and year ranges', 'на 2020-2022 годы, (2021-2023г.г.), за 2020 год, в 2021 году, на 2021 учебный год, 2020г.'],
    ['document numbers', 'приказ МВД РК №1026 от 14.12.2015года, исх. № 1-7-55/1675-И от 08.04.2021года, Комиссии №7'],
    ['article and point references', 'статьей 32.п.8 Бюджетного Кодекса, пунктом 5 статьи 30-1 Закона, пункта 2.2.2 протокола'],
    ['sections and road signs', 'пункта 2 раздела 18, в пунктах 2 и 4 раздела 24, знаками 5.9, 5.10.1-5.10.3'],
    ['ordinals', 'Работы по 2-му этапу'],
    ['list markers', '1) предотвращение фактов проникновения'],
    ['a garbled date', 'заявка (№1-12-23/657-И от 1470272020г.)'],
  ])('skips %s', (_what, text) => {
    expect(extractFigures(text)).toEqual([]);
  });

  it('skips the reference but keeps the figure in the same sentence', () => {
    expect(values('В соответствии с приказом МВД РК №1026 от 14.12.2015года нагрузка на 1-го УИП - 2300 человек.')).toEqual(
      [2300],
    );
    expect(values('ежедневно с 01.04.2021г. проводятся занятия, в т.ч. 11 стационарных постов')).toEqual([11]);
  });
});

describe('splitSentences', () => {
  it('does not split after abbreviations or initials, splits at «;» and line breaks', () => {
    expect(
      splitSentences('ДП г. Алматы утвердил план. Всего 3 этапа; первый этап\nВторая строка т.г. Третья фраза Н. Иванова.'),
    ).toEqual(['ДП г. Алматы утвердил план.', 'Всего 3 этапа;', 'первый этап', 'Вторая строка т.г. Третья фраза Н. Иванова.']);
  });
});

describe('extractFigures: properties', () => {
  it('never throws and yields finite non-negative values with their sentence', () => {
    const fragments = ['37', '1 500', '18,7%', 'млн.', 'тыс.', '№', '2020г.', '10.02.2021', 'раз', 'ед.', 'п.8', '-', ' ', '\n', 'постов'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string()), { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        for (const figure of extractFigures(text)) {
          expect(Number.isFinite(figure.value)).toBe(true);
          expect(figure.value).toBeGreaterThanOrEqual(0);
          expect(figure.sentence.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
