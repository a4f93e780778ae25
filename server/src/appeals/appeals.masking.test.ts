import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { maskPersonalData, maskMarkers, type MaskKind } from './appeals.masking.js';

const masked = (text: string) => maskPersonalData(text).text;
const countOf = (text: string, kind: MaskKind) => maskPersonalData(text).masked.find((m) => m.kind === kind)?.count ?? 0;

/** Builds a valid IIN from its first eleven digits by appending the check digit. */
function withIinCheckDigit(first11: string): string {
  const d = [...first11].map(Number);
  const weighted = (weights: number[]) => weights.reduce((sum, w, i) => sum + w * (d[i] ?? 0), 0) % 11;
  let check = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  if (check === 10) throw new Error(`no valid IIN starts with ${first11}`);
  return first11 + String(check);
}

/** Builds a Luhn-valid card number from all digits but the last. */
function withLuhnDigit(body: string): string {
  for (let last = 0; last <= 9; last += 1) {
    const digits = body + String(last);
    let sum = 0;
    for (let i = 0; i < digits.length; i += 1) {
      let d = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable');
}

const IIN = withIinCheckDigit('95010130012'); // born 1 January 1995, a man of the 20th century
const BIN = withIinCheckDigit('05044000123'); // registered April 2005, a legal entity
const CARD = withLuhnDigit('440043012345678'); // 16 digits
const CARD_NOT_LUHN = CARD.slice(0, 15) + String((Number(CARD[15]) + 1) % 10);
const group = (digits: string, sizes: number[], sep = ' ') => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(sep);
};

describe('maskPersonalData: phones', () => {
  it.each([
    ['+7 701 123 45 67'],
    ['+7 (701) 123-45-67'],
    ['+7-701-123-45-67'],
    ['+77011234567'],
    ['+7(701)1234567'],
    ['8 (701) 123-45-67'],
    ['8 701 123 45 67'],
    ['8-701-123-45-67'],
    ['87011234567'],
    ['8 701 1234567'],
    ['8 (727) 255-55-55'],
    ['8 800 080 77 77'],
    ['7 701 123 45 67'],
    ['77011234567'],
    ['7011234567'],
    ['701 123 45 67'],
    ['(701) 123-45-67'],
    ['(727) 255 55 55'],
    ['(7272) 55-55-55'],
    ['255-55-55'],
    ['255 55 55'],
    ['2-555-555'],
    ['255–55–55'],
    ['+49 30 1234567'],
    ['+1 (415) 555-2671'],
    ['+996 555 123 456'],
    ['+998 90 123 45 67'],
  ])('masks %s as a phone, whole', (phone) => {
    for (const sentence of [`Звоните: ${phone}.`, `Мой номер ${phone}, звоните вечером`, `${phone}`, `(${phone})`]) {
      expect(masked(sentence), sentence).not.toMatch(/\d/);
      expect(countOf(sentence, 'phone'), sentence).toBe(1);
    }
  });

  it('masks several phones in one realistic sentence and counts them', () => {
    const text = 'Прошу перезвонить по номеру 8 701 123 45 67 или на WhatsApp +7 777 765 43 21, рабочий 255-55-55.';
    expect(masked(text)).toBe('Прошу перезвонить по номеру [phone] или на WhatsApp [phone], рабочий [phone].');
    expect(maskPersonalData(text).masked).toEqual([{ kind: 'phone', count: 3 }]);
  });

  it('masks short shapes only after a phone word', () => {
    expect(masked('тел. 25-55-55')).toBe('тел. [phone]');
    expect(masked('Тел.: 2 555 555')).toBe('Тел.: [phone]');
    expect(masked('звоните 2555555 после обеда')).toBe('звоните [phone] после обеда');
    expect(masked('Телефон участкового 8 727 255 55 55 или 25 55 55')).toBe('Телефон участкового [phone] или [phone]');
    expect(masked('Байланыс телефоны: 25-55-55')).toBe('Байланыс телефоны: [phone]');
    // Without one they are dates, counts or sums.
    expect(masked('12-03-26 было 25 55 55')).toBe('12-03-26 было 25 55 55');
    expect(masked('В районе живут 2 555 555 человек')).toBe('В районе живут 2 555 555 человек');
    expect(masked('Задержано 1250000')).toBe('Задержано 1250000');
  });

  it('does not take words that merely contain a phone word as one', () => {
    expect(masked('Водитель заплатил 50000')).toBe('Водитель заплатил 50000');
    expect(masked('Жителей 12 500 и 25 000')).toBe('Жителей 12 500 и 25 000');
    expect(masked('тело обнаружено в 2 часа')).toBe('тело обнаружено в 2 часа');
  });

  it('leaves file numbers and sums that look like phones', () => {
    expect(masked('Дело № 2-555-555/2026 рассмотрено')).toBe('Дело № 2-555-555/2026 рассмотрено');
    expect(masked('Материал № 255-55-55 зарегистрирован')).toBe('Материал № 255-55-55 зарегистрирован');
    expect(masked('тел. 255 55 55 тенге')).toBe('тел. 255 55 55 тенге');
    expect(masked('Прирост +15 000 000 тенге')).toBe('Прирост +15 000 000 тенге');
  });
});

describe('maskPersonalData: e-mail', () => {
  it.each([
    ['ivanov@mail.ru'],
    ['ivan.petrov+police@gmail.com'],
    ['a_b-c@sub.domain.kz'],
    ['IVANOV@MAIL.RU'],
    ['иван@почта.рф'],
    ['user123@inbox.kz'],
  ])('masks %s', (email) => {
    const text = `Ответ прошу направить на ${email}, спасибо.`;
    expect(masked(text)).toBe('Ответ прошу направить на [email], спасибо.');
    expect(maskPersonalData(text).masked).toEqual([{ kind: 'email', count: 1 }]);
  });

  it('masks a bare @domain and keeps the sentence dot', () => {
    expect(masked('Пишите на @mail.ru.')).toBe('Пишите на [email].');
    expect(masked('Пишите: ivanov@mail.ru. Жду ответа')).toBe('Пишите: [email]. Жду ответа');
  });

  it('leaves social handles and lone @ signs', () => {
    expect(masked('Инстаграм @almaty_police')).toBe('Инстаграм @almaty_police');
    expect(masked('встреча @ 10:00')).toBe('встреча @ 10:00');
  });
});

describe('maskPersonalData: IIN and BIN', () => {
  it('masks twelve digits in a row, valid or not', () => {
    expect(masked(`ИИН ${IIN}`)).toBe('ИИН [id]');
    expect(masked(`БИН ${BIN}, ТОО «Ромашка»`)).toBe('БИН [id], ТОО «Ромашка»');
    expect(masked('мой ИИН123456789012')).toBe('мой ИИН[id]');
    expect(masked('номер 123456789012 указан')).toBe('номер [id] указан');
    expect(countOf(`ЖСН ${IIN}`, 'iin')).toBe(1);
  });

  it('masks a grouped IIN or BIN whose check digit fits', () => {
    for (const sizes of [[6, 6], [4, 4, 4], [3, 3, 3, 3]]) {
      expect(masked(`Заявитель ${group(IIN, sizes)} проживает`), sizes.join('-')).toBe('Заявитель [id] проживает');
      expect(masked(`Организация ${group(BIN, sizes)}.`), sizes.join('-')).toBe('Организация [id].');
    }
    expect(masked(`ИИН: ${group(IIN, [6, 6], '-')}`)).toBe('ИИН: [id]');
  });

  it('masks any grouped twelve digits after «ИИН» or «БИН»', () => {
    expect(masked('ИИН 123456 789012')).toBe('ИИН [id]');
    expect(masked('ИИН/БИН: 1234 5678 9012')).toBe('ИИН/БИН: [id]');
    expect(masked('ЖСН 12 34 56 78 90 12')).toBe('ЖСН [id]');
  });

  it('leaves grouped numbers that are not identifiers', () => {
    expect(masked('в 2024 2025 2026 годах')).toBe('в 2024 2025 2026 годах');
    expect(masked('бюджет 150 000 000 000 тенге')).toBe('бюджет 150 000 000 000 тенге');
    expect(masked('выделено 150 000 000 000')).toBe('выделено 150 000 000 000');
  });
});

describe('maskPersonalData: vehicle plates', () => {
  it.each([
    ['123 ABC 02'],
    ['123ABC02'],
    ['123 abc 02'],
    ['777 AB 01'],
    ['001 KZA 17'],
    ['123-ABC-02'],
    ['123 АВС 02'], // Cyrillic look-alikes
    ['123 авс 02'],
    ['123АВС02'],
    ['A 123 BCD'],
    ['A123BCD'],
    ['z 777 ab'],
    ['А 123 ВСК'],
  ])('masks %s', (plate) => {
    const text = `Автомобиль ${plate} перекрыл выезд со двора.`;
    expect(masked(text)).toBe('Автомобиль [plate] перекрыл выезд со двора.');
    expect(maskPersonalData(text).masked).toEqual([{ kind: 'plate', count: 1 }]);
  });

  it('leaves distances, flats and phrases of the same shape', () => {
    for (const text of [
      'В 150 км от города',
      'ул. Абая 150 кв 12',
      'д. 150 кв 12, подъезд 3',
      'выросло с 150 на 200',
      'осадки в 150 мм',
      'В 150 КМ от Алматы',
      'сумма 123 тыс 02 тиын',
      '123 ABC 21', // no region 21
      '1234 ABC 02',
      'ст. 434 КоАП РК',
    ]) {
      expect(masked(text), text).toBe(text);
    }
  });
});

describe('maskPersonalData: bank cards', () => {
  it('masks Luhn-valid numbers with or without spaces and dashes', () => {
    expect(CARD_NOT_LUHN).not.toBe(CARD);
    expect(masked(`Перевёл на карту ${CARD}`)).toBe('Перевёл на карту [card]');
    expect(masked(`карта ${group(CARD, [4, 4, 4, 4])}, срок 12/27`)).toBe('карта [card], срок 12/27');
    expect(masked(`карта ${group(CARD, [4, 4, 4, 4], '-')}`)).toBe('карта [card]');
    expect(masked('Visa 4111 1111 1111 1111')).toBe('Visa [card]');
    expect(masked('Amex 3782 822463 10005')).toBe('Amex [card]');
    expect(countOf(`${CARD} и 5500 0000 0000 0004`, 'card')).toBe(2);
  });

  it('does not call a Luhn-invalid run a card, but still hides it as an identifier', () => {
    expect(maskPersonalData(`номер ${CARD_NOT_LUHN}`).masked).toEqual([{ kind: 'iin', count: 1 }]);
    expect(masked(`номер ${CARD_NOT_LUHN}`)).toBe('номер [id]');
  });
});

describe('maskPersonalData: what stays', () => {
  it.each([
    ['Инцидент произошёл 12.03.2026 около 23:30.'],
    ['Дата: 2026-03-12, время 08:15–09:40.'],
    ['В 2025 году было 1 250 обращений, в 2024 — 1 100.'],
    ['Адрес: ул. Абая 150/2, кв. 45.'],
    ['мкр. Самал-2, д. 58, подъезд 4, этаж 9.'],
    ['пр. Достык 132А, офис 1205'],
    ['Наложен штраф 15 000 тенге по ст. 434 КоАП.'],
    ['Ущерб 1 500 000 тг, возмещено 250 000 ₸.'],
    ['Раскрываемость выросла на 12,5% (с 64,3% до 76,8%).'],
    ['По ч. 1 ст. 188 УК РК возбуждено уголовное дело.'],
    ['Задержано 12 человек, изъято 3 автомобиля.'],
    ['Рейс в 9-00 и в 18-00, в 2026 году.'],
    ['Участок № 12, сектор 3-Б, квартал 2-4.'],
    ['Скорость 120 км/ч при разрешённых 60 км/ч.'],
    ['Бюджет 2 500 000 000 тенге на 2026–2028 годы.'],
    ['Почтовый индекс 050000, Алматы.'],
    ['Жол-көлік оқиғасы 2026 жылғы 12 наурызда сағат 23:30-да болды.'],
    ['Мекенжай: Абай даңғылы 150/2, 45 пәтер.'],
    ['Айыппұл 15 000 теңге.'],
    ['Координаты 43.238949, 76.889709'],
  ])('leaves %s unchanged', (text) => {
    expect(maskPersonalData(text)).toEqual({ text, masked: [] });
  });

  it('masks only the personal data in a realistic complaint', () => {
    const text =
      'Здравствуйте! 12.03.2026 в 23:30 по адресу ул. Абая 150/2 автомобиль 123 ABC 02 снова перекрыл выезд. ' +
      'Участковому звонила трижды, штраф 15 000 тенге по ст. 434 КоАП так и не выписан. ' +
      `Мой телефон 8 (701) 123-45-67, почта aigerim.s@mail.kz, ИИН ${IIN}.`;
    const result = maskPersonalData(text);
    expect(result.text).toBe(
      'Здравствуйте! 12.03.2026 в 23:30 по адресу ул. Абая 150/2 автомобиль [plate] снова перекрыл выезд. ' +
        'Участковому звонила трижды, штраф 15 000 тенге по ст. 434 КоАП так и не выписан. ' +
        'Мой телефон [phone], почта [email], ИИН [id].',
    );
    expect(result.masked).toEqual([
      { kind: 'phone', count: 1 },
      { kind: 'email', count: 1 },
      { kind: 'iin', count: 1 },
      { kind: 'plate', count: 1 },
    ]);
  });

  it('masks a Kazakh-language appeal', () => {
    const text = `Құрметті полиция! Көлік A 777 BCD аулада тұр. Байланыс: +7 747 555 12 34, ЖСН ${group(IIN, [6, 6])}.`;
    expect(masked(text)).toBe('Құрметті полиция! Көлік [plate] аулада тұр. Байланыс: [phone], ЖСН [id].');
  });

  it('returns the empty text untouched and uses the exported markers', () => {
    expect(maskPersonalData('')).toEqual({ text: '', masked: [] });
    expect(Object.values(maskMarkers)).toEqual(['[phone]', '[email]', '[id]', '[plate]', '[card]']);
  });
});

describe('maskPersonalData: properties', () => {
  // Pieces that make masking hard when glued together in any order.
  const pieces = [
    '+7 701 123 45 67', '8 (701) 123-45-67', '87011234567', '7011234567', '255-55-55', '2-555-555', '25 55 55',
    'ivanov@mail.ru', '@mail.ru', 'a@b.kz', '123 ABC 02', 'A 123 BCD', '123abc02', IIN, group(IIN, [6, 6]), CARD,
    group(CARD, [4, 4, 4, 4]), '12.03.2026', '2026-03-12', '23:30', '15 000 тенге', 'ул. Абая 150/2', 'ст. 434 КоАП',
    '12,5%', 'тел.', 'тел ', 'ИИН ', 'или', ' ', ', ', '.', '-', '/', '+', '(', ')', '[', ']', '@', '№ ', '[phone]',
    'кв', 'км', 'в ', 'на', 'ru', '.kz', 'Абай', 'ABC', 'АВС', '02', '150', '0', '7', '8',
  ];
  const noise = fc.string({ unit: fc.constantFrom(...'0123456789 -+().,@/:[]№aAbBcCкмвнАВСЕ'.split('')), maxLength: 12 });
  const textArb = fc.array(fc.oneof(fc.constantFrom(...pieces), noise, fc.stringMatching(/^\d{1,20}$/)), { maxLength: 14 }).map((parts) => parts.join(''));

  it('never lets ten digits in a row or an @domain through', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const out = masked(text);
        expect(out).not.toMatch(/\d{10}/);
        expect(out).not.toMatch(/@[\p{L}\p{N}-]+\.\p{L}{2,}/u);
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent: masking masked text changes nothing and finds nothing', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const once = masked(text);
        const twice = maskPersonalData(once);
        expect(twice.text).toBe(once);
        expect(twice.masked).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps text without digits or @ as it is', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }).filter((s) => !/[\d@]/.test(s)), (text) => {
        expect(masked(text)).toBe(text);
      }),
    );
  });

  it('counts exactly the markers it wrote', () => {
    fc.assert(
      fc.property(textArb.filter((t) => !t.includes('[')), (text) => {
        const { text: out, masked: found } = maskPersonalData(text);
        const markers = out.match(/\[(?:phone|email|id|plate|card)\]/g) ?? [];
        expect(found.reduce((sum, m) => sum + m.count, 0)).toBe(markers.length);
        for (const { count } of found) expect(count).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
