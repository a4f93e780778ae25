import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  analyzeStreet,
  buildAddressIndex,
  editDistance,
  matchAddress,
  normalizeHouse,
  normalizeStreet,
  parseAddressQuery,
  toAddressRow,
  type AddressRow,
} from './address.js';

/** A small register as the CSV import would give it: [street, house]. */
const REGISTER: ReadonlyArray<readonly [string, string]> = [
  ['пр. Абая', '10'], ['пр. Абая', '12'], ['пр. Абая', '100'], ['пр. Абая', '150'], ['пр. Абая', '150/2'], ['пр. Абая', '152'],
  ['пр. Достык', '85'], ['пр. Достык', '97'],
  ['мкр. Самал-1', '58'], ['мкр. Самал-2', '58'], ['мкр. Самал-2', '77'], ['мкр. Самал-3', '9'],
  ['4-й микрорайон', '12'], ['мкр. 5', '3'],
  ['ул. Толе би', '187'], ['ул. Жибек Жолы', '50'], ['пр. аль-Фараби', '77/8'],
  ['ул. Сатпаева', '22а'], ['ул. Сатпаева', '22б'], ['ул. Жандосова', '55'],
  ['ул. Кабанбай батыра', '83'], ['ул. Богенбай батыра', '83'], ['ул. Желтоксан', '115'],
  ['ул. Ауэзова', '60'], ['ул. Огарёва', '5'], ['ул. Розыбакиева', '247'], ['ул. Розыбакиева', '247 корп. 1'],
  ['пр. Райымбека', '348'], ['б-р Бухар жырау', '27'], ['пл. Республики', '4'], ['Ташкентский пер.', '5'],
  ['ул. Тимирязева', '42'], ['пр. Сейфуллина', '500'], ['ул. Гагарина', '10'], ['ул. Панфилова', '10'],
];

function buildRow(street: string, house: string, i: number): AddressRow {
  return toAddressRow({ id: `r${i}`, street, house, lon: 76.9 + i / 1000, lat: 43.2 + i / 1000 });
}

const rows = REGISTER.map(([street, house], i) => buildRow(street, house, i));
const index = buildAddressIndex(rows);
const top = (query: string) => matchAddress(query, index)[0];
const label = (row: AddressRow | undefined) => (row ? `${row.street} ${row.house}` : 'nothing');

describe('normalizeStreet', () => {
  it.each([
    ['ул. Абая', 'абая'],
    ['Абая ул.', 'абая'],
    ['улица Абая', 'абая'],
    ['ул. им. Абая', 'абая'],
    ['ул.им.Абая', 'абая'],
    ['проспект Абая', 'абая'],
    ['пр-т Абая', 'абая'],
    ['Abaya', 'абая'],
    ['ulitsa Abaya', 'абая'],
    ['«Абая»', 'абая'],
    ['ул. Aбая', 'абая'], // Latin A typed in a Cyrillic word
    ['мкр. Самал-2', 'самал 2'],
    ['мкр Самал-2', 'самал 2'],
    ['Самал 2', 'самал 2'],
    ['Самал2', 'самал 2'],
    ['мк-н Самал-2', 'самал 2'],
    ['Самал-2 шағын ауданы', 'самал 2'],
    ['Самал-2 ш.а.', 'самал 2'],
    ['Samal-2 microdistrict', 'самал 2'],
    ['4 мкр', '4'],
    ['мкр. 4', '4'],
    ['4-й микрорайон', '4'],
    ['Төле би көшесі', 'толе би'],
    ['Tole bi street', 'толе би'],
    ['Достық даңғылы', 'достык'],
    ['Dostyq dangyly', 'достык'],
    ['пр. Аль-Фараби', 'ал фараби'],
    ['Al-Farabi ave.', 'ал фараби'],
    ['ул. Огарёва', 'огарева'],
    ['ул. М. Ауэзова', 'ауезова'],
    ['Jeltoqsan', 'желтоксан'],
    ['Zheltoksan st.', 'желтоксан'],
    ['б-р Бухар жырау', 'бухар жырау'],
    ['Бухар жырау бульвары', 'бухар жырау'],
    ['Ташкентский пер.', 'ташкентский'],
    ['пл. Республики', 'республики'],
    ['  УЛ.   ТИМИРЯЗЕВА  ', 'тимирязева'],
  ])('%s → %s', (raw, key) => {
    expect(normalizeStreet(raw)).toBe(key);
  });

  it('keeps the street type apart from the key', () => {
    expect(analyzeStreet('ул. Абая').kind).toBe('street');
    expect(analyzeStreet('Абай даңғылы').kind).toBe('avenue');
    expect(analyzeStreet('Abay ave').kind).toBe('avenue');
    expect(analyzeStreet('мкр. Самал-2').kind).toBe('microdistrict');
    expect(analyzeStreet('Самал-2 шағын ауданы').kind).toBe('microdistrict');
    expect(analyzeStreet('пер. Ташкентский').kind).toBe('lane');
    expect(analyzeStreet('тұйық көшесі').kind).toBe('lane');
    expect(analyzeStreet('б-р Бухар жырау').kind).toBe('boulevard');
    expect(analyzeStreet('Восточное ш.').kind).toBe('highway');
    expect(analyzeStreet('Республика алаңы').kind).toBe('square');
    expect(analyzeStreet('пр-д Кульджинский').kind).toBe('other');
    expect(analyzeStreet('Абая').kind).toBeNull();
  });

  it('gives an empty key to a name made only of type words', () => {
    expect(analyzeStreet('мкр.')).toEqual({ key: '', kind: 'microdistrict', hasName: false });
  });
});

describe('normalizeHouse', () => {
  it.each([
    ['д. 12', '12'],
    ['дом 12', '12'],
    ['№12', '12'],
    ['12', '12'],
    ['012', '12'],
    ['12а', '12а'],
    ['12 А', '12а'],
    ['12A', '12а'], // Latin A
    ['12-а', '12а'],
    ['12/1', '12/1'],
    ['12 / 1', '12/1'],
    ['12 корп. 1', '12к1'],
    ['12 корпус 1', '12к1'],
    ['12к1', '12к1'],
    ['12 к1', '12к1'],
    ['12 стр. 2', '12с2'],
    ['12, кв. 5', '12'],
    ['10 үй', '10'],
    ['', ''],
  ])('%s → %s', (raw, key) => {
    expect(normalizeHouse(raw)).toBe(key);
  });
});

describe('parseAddressQuery', () => {
  it.each([
    ['Алматы, ул. Абая 150/2', { street: 'абая', house: '150/2', kind: 'street' }],
    ['пр. Достык, 85', { street: 'достык', house: '85', kind: 'avenue' }],
    ['мкр Самал-2 д. 58', { street: 'самал 2', house: '58', kind: 'microdistrict' }],
    ['мкр. Самал-2, д. 58, корп. 2', { street: 'самал 2', house: '58к2', kind: 'microdistrict' }],
    ['Абай даңғылы 10', { street: 'абай', house: '10', kind: 'avenue' }],
    ['Abay ave 10', { street: 'абай', house: '10', kind: 'avenue' }],
    ['150 Abay ave', { street: 'абай', house: '150', kind: 'avenue' }],
    ['Almaty, Dostyk ave 85', { street: 'достык', house: '85', kind: 'avenue' }],
    ['Алма-Ата, Абая 10', { street: 'абая', house: '10', kind: null }],
    ['Алматы қаласы, Абай даңғылы, 10 үй', { street: 'абай', house: '10', kind: 'avenue' }],
    ['050000, г. Алматы, Бостандыкский район, ул. Тимирязева, д. 42', { street: 'тимирязева', house: '42', kind: 'street' }],
    ['Абая 150 кв. 12', { street: 'абая', house: '150', kind: null }],
    ['Розыбакиева 247 корп. 1', { street: 'розыбакиева', house: '247к1', kind: null }],
    ['4 мкр, 12', { street: '4', house: '12', kind: 'microdistrict' }],
    ['мкр. 4', { street: '4', house: null, kind: 'microdistrict' }],
    ['мкр Самал 2', { street: 'самал 2', house: null, kind: 'microdistrict' }],
    ['пр. Достык', { street: 'достык', house: null, kind: 'avenue' }],
  ])('%s', (text, expected) => {
    expect(parseAddressQuery(text)).toEqual(expected);
  });
});

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('абяа', 'абая')).toBe(1);
    expect(editDistance('абая', 'абай')).toBe(1);
    expect(editDistance('', 'абв')).toBe(3);
    expect(editDistance('самал', 'самал')).toBe(0);
  });

  it('gives up past the limit', () => {
    expect(editDistance('абвгде', 'жзиклм', 2)).toBe(3);
  });

  it('agrees with the textbook table, with and without a limit', () => {
    /** Full-table optimal string alignment, the definition the banded version must match. */
    function reference(a: string, b: string): number {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          const row = d[i]!;
          row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    }
    const word = fc.string({ unit: fc.constantFrom('а', 'б', 'в', 'г'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.nat({ max: 4 }), (a, b, max) => {
        const exact = reference(a, b);
        expect(editDistance(a, b)).toBe(exact);
        expect(editDistance(a, b, max)).toBe(Math.min(exact, max + 1));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('matchAddress', () => {
  // [query, the register row it must find first]
  const mustMatch: ReadonlyArray<readonly [string, string]> = [
    ['ул. Абая 150', 'пр. Абая 150'],
    ['Абая 150', 'пр. Абая 150'],
    ['проспект Абая, д. 150', 'пр. Абая 150'],
    ['Алматы, пр. Абая 150/2', 'пр. Абая 150/2'],
    ['Абай даңғылы 150', 'пр. Абая 150'],
    ['Abay ave 150', 'пр. Абая 150'],
    ['Abaya 150', 'пр. Абая 150'],
    ['Абяа 150', 'пр. Абая 150'], // one transposition
    ['Абоя 150', 'пр. Абая 150'], // one wrong letter
    ['ул. Aбая 150', 'пр. Абая 150'], // Latin A
    ['пр. Достык, 85', 'пр. Достык 85'],
    ['Достық даңғылы 85', 'пр. Достык 85'],
    ['Dostyk ave 85', 'пр. Достык 85'],
    ['мкр Самал-2 д. 58', 'мкр. Самал-2 58'],
    ['мкр. Самал 2, 58', 'мкр. Самал-2 58'],
    ['Самал-2, 58', 'мкр. Самал-2 58'],
    ['Самал 2 шағын ауданы, 58', 'мкр. Самал-2 58'],
    ['мкр «Самал-2», 58', 'мкр. Самал-2 58'],
    ['4 мкр, 12', '4-й микрорайон 12'],
    ['мкр. 4 д. 12', '4-й микрорайон 12'],
    ['Төле би көшесі 187', 'ул. Толе би 187'],
    ['Tole bi 187', 'ул. Толе би 187'],
    ['Толеби 187', 'ул. Толе би 187'],
    ['Жібек жолы көшесі, 50', 'ул. Жибек Жолы 50'],
    ['Zhibek Zholy 50', 'ул. Жибек Жолы 50'],
    ['Al-Farabi ave 77/8', 'пр. аль-Фараби 77/8'],
    ['әл-Фараби даңғылы 77/8', 'пр. аль-Фараби 77/8'],
    ['ул. Сатпаева 22 А', 'ул. Сатпаева 22а'],
    ['Satpayev st 22a', 'ул. Сатпаева 22а'],
    ['Сәтбаев көшесі 22а', 'ул. Сатпаева 22а'],
    ['ул.Жандосова,55', 'ул. Жандосова 55'],
    ['Жандосов көшесі 55', 'ул. Жандосова 55'],
    ['Кабанбай батыра 83', 'ул. Кабанбай батыра 83'],
    ['Qabanbai batyr 83', 'ул. Кабанбай батыра 83'],
    ['Jeltoqsan 115', 'ул. Желтоксан 115'],
    ['ул. им. М. Ауэзова 60', 'ул. Ауэзова 60'],
    ['Мухтара Ауэзова 60', 'ул. Ауэзова 60'],
    ['Ауезова 60', 'ул. Ауэзова 60'],
    ['Огарева 5', 'ул. Огарёва 5'],
    ['Розыбакиева 247к1', 'ул. Розыбакиева 247 корп. 1'],
    ['Райымбек даңғылы 348', 'пр. Райымбека 348'],
    ['Raiymbek ave 348', 'пр. Райымбека 348'],
    ['Бухар жырау бульвары 27', 'б-р Бухар жырау 27'],
    ['площадь Республики, 4', 'пл. Республики 4'],
    ['Республика алаңы 4', 'пл. Республики 4'],
    ['переулок Ташкентский 5', 'Ташкентский пер. 5'],
    ['050000, г. Алматы, Бостандыкский район, ул. Тимирязева, д. 42', 'ул. Тимирязева 42'],
    ['Тимирязев көшесі 42', 'ул. Тимирязева 42'],
    ['  УЛ.   ТИМИРЯЗЕВА   42  ', 'ул. Тимирязева 42'],
    ['Сейфуллин даңғылы 500', 'пр. Сейфуллина 500'],
    ['Абая 150 кв. 12', 'пр. Абая 150'],
  ];

  it.each(mustMatch)('%s finds %s', (query, expected) => {
    const best = top(query);
    expect(label(best?.row)).toBe(expected);
    expect(best!.score).toBeGreaterThan(0.5);
  });

  it('calls a match exact only when street and house keys are equal', () => {
    expect(top('ул. Абая 150')?.exact).toBe(true);
    expect(top('Достық даңғылы 85')?.exact).toBe(true);
    expect(top('мкр Самал-2 д. 58')?.exact).toBe(true);
    expect(top('Абяа 150')?.exact).toBe(false);
    expect(top('Абай даңғылы 150')?.exact).toBe(false);
    expect(top('пр. Абая 150')?.score).toBe(1);
    expect(top('ул. Абая 150')?.score).toBeCloseTo(0.98); // the register says пр., not ул.
  });

  describe('must not match', () => {
    it('a house that is not in the register', () => {
      const results = matchAddress('Абая 999', index);
      expect(results.some((m) => m.exact)).toBe(false);
      expect(results.every((m) => m.score < 0.5)).toBe(true);
    });

    it('a house that only shares its first digits', () => {
      expect(matchAddress('Абая 15', index).some((m) => m.exact)).toBe(false);
      expect(top('Абая 150')?.row.house).toBe('150'); // not 150/2
    });

    it('a house with another letter', () => {
      expect(matchAddress('Сатпаева 22в', index).some((m) => m.exact)).toBe(false);
    });

    it('a microdistrict with another number', () => {
      const results = matchAddress('Самал-3, 58', index);
      expect(results.filter((m) => m.row.house === '58')).toEqual([]);
      expect(label(results[0]?.row)).toBe('мкр. Самал-3 9');
      expect(matchAddress('мкр 6, 12', index)).toEqual([]);
    });

    it('a different street', () => {
      expect(matchAddress('Гоголя 10', index)).toEqual([]);
      expect(matchAddress('Пушкина 10', index)).toEqual([]);
      expect(matchAddress('Кабанбай батыра 83', index).map((m) => m.row.street)).not.toContain('ул. Богенбай батыра');
    });

    it('an empty or meaningless query', () => {
      expect(matchAddress('', index)).toEqual([]);
      expect(matchAddress('Алматы', index)).toEqual([]);
      expect(matchAddress('150', index)).toEqual([]);
    });
  });

  describe('ranking', () => {
    it('puts the exact house first, then the other houses by distance', () => {
      const results = matchAddress('Абая 150', index, 10);
      expect(results.map((m) => m.row.house)).toEqual(['150']);
      const near = matchAddress('Абая 154', index, 3);
      expect(near.map((m) => m.row.house)).toEqual(['152', '150', '150/2']);
    });

    it('prefers a neighbour on the same side of the street', () => {
      expect(matchAddress('Абая 151', index, 1)[0]?.row.house).toBe('150'); // 150 and 152 are equally far; none is odd
      expect(matchAddress('Достык 87', index, 1)[0]?.row.house).toBe('85');
    });

    it('ranks a similar street with the house above the same street without it', () => {
      const extra = buildAddressIndex([...rows, buildRow('ул. Гагарин', '12', 100)]);
      const results = matchAddress('ул. Гагарина 12', extra);
      expect(label(results[0]?.row)).toBe('ул. Гагарин 12');
      expect(label(results[1]?.row)).toBe('ул. Гагарина 10');
      expect(results[0]!.score).toBeGreaterThan(0.5);
      expect(results[1]!.score).toBeLessThan(0.5);
    });

    it('prefers the street type written in the query when two streets share a name', () => {
      const extra = buildAddressIndex([...rows, buildRow('пер. Тимирязева', '42', 101)]);
      expect(label(matchAddress('пер. Тимирязева 42', extra)[0]?.row)).toBe('пер. Тимирязева 42');
      expect(label(matchAddress('ул. Тимирязева, 42', extra)[0]?.row)).toBe('ул. Тимирязева 42');
      expect(label(matchAddress('Тимирязев көшесі 42', extra)[0]?.row)).toBe('ул. Тимирязева 42');
      expect(matchAddress('Тимирязева 42', extra).filter((m) => m.exact)).toHaveLength(2);
      expect(matchAddress('Тимирязева', extra).map((m) => label(m.row)).sort()).toEqual(['пер. Тимирязева 42', 'ул. Тимирязева 42']);
    });

    it('offers every numbered microdistrict when the number was left out', () => {
      const marked = matchAddress('Самал, 58', index);
      expect(marked.slice(0, 2).map((m) => label(m.row))).toEqual(['мкр. Самал-1 58', 'мкр. Самал-2 58']);
      expect(marked.every((m) => !m.exact)).toBe(true);
      // Without the comma "Самал 58" could also be a microdistrict Самал-58: suggestions only.
      const unmarked = matchAddress('Самал 58', index);
      expect(unmarked.slice(0, 2).map((m) => label(m.row))).toEqual(['мкр. Самал-1 58', 'мкр. Самал-2 58']);
      expect(unmarked.every((m) => m.score < 0.5)).toBe(true);
    });

    it('returns scores in non-increasing order', () => {
      for (const query of ['Абая 154', 'Самал 58', 'Сатпаева 22', 'Абяа 10']) {
        const scores = matchAddress(query, index, 10).map((m) => m.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      }
    });

    it('offers the street when no house is given', () => {
      const results = matchAddress('пр. Достык', index);
      expect(label(results[0]?.row)).toBe('пр. Достык 85');
      expect(results[0]?.exact).toBe(false);
      expect(label(top('мкр Самал 2')?.row)).toBe('мкр. Самал-2 58');
      expect(label(top('Самал 2')?.row)).toBe('мкр. Самал-2 58');
    });

    it('honours the limit', () => {
      expect(matchAddress('Абая 154', index, 2)).toHaveLength(2);
      expect(matchAddress('Абая 154', index, 0)).toEqual([]);
    });

    it('gives the same answer for an array and for its index', () => {
      expect(matchAddress('Абяа 150', rows)).toEqual(matchAddress('Абяа 150', index));
    });
  });
});

describe('properties', () => {
  const addressPieces = fc.constantFrom(
    'ул.', 'ул', 'улица', 'пр.', 'пр-т', 'мкр', 'мкр.', 'мк-н', 'ш.а.', 'шағын', 'ауданы', 'тас', 'жолы', 'им.', 'даң.',
    'көшесі', 'Абая', 'Abay', 'Самал-2', 'Самал', '2', '4-й', 'й', 'М.', 'а.', 'д.', 'дом', '12', '12/1', 'корп.', 'к1',
    'кв.', '5', 'Алматы', ',', '-', '.', '«', '»', 'ё', 'Ә', 'і', 'Aбая', 'st', 'ave', '№', 'пль', 'x', 'ь', ' ',
  );
  const addressLike = fc
    .tuple(fc.array(addressPieces, { maxLength: 8 }), fc.constantFrom(' ', ''))
    .map(([pieces, separator]) => pieces.join(separator));
  const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), addressLike);

  it('never throws on arbitrary Unicode input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        normalizeStreet(text);
        normalizeHouse(text);
        parseAddressQuery(text);
        matchAddress(text, index);
      }),
      { numRuns: 500 },
    );
  });

  it('normalisation is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const street = normalizeStreet(text);
        expect(normalizeStreet(street)).toBe(street);
        const house = normalizeHouse(text);
        expect(normalizeHouse(house)).toBe(house);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses into keys that are already normal', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { street, house } = parseAddressQuery(text);
        expect(normalizeStreet(street)).toBe(street);
        if (house !== null) expect(normalizeHouse(house)).toBe(house);
      }),
      { numRuns: 500 },
    );
  });

  it('finds every register row by its own street and house, exactly', () => {
    for (const row of rows) {
      const found = matchAddress(`${row.street}, д. ${row.house}`, index, 10);
      expect(found.find((m) => m.row === row)?.exact, `${row.street} ${row.house}`).toBe(true);
    }
  });
});

describe('performance', () => {
  // Budgets are far above what an idle machine needs (≈0.3 s to index, ≈1 ms a query), so that a busy
  // CI runner does not fail them; they catch a lost index (a scan of every row), not a slow day.
  it('matches against 100 000 rows quickly once indexed', () => {
    const QUERIES = 200;
    const consonants = [...'бвгджзклмнпрстхчш'];
    const vowels = [...'аеиоуы'];
    const syllables = fc.tuple(fc.constantFrom(...consonants), fc.constantFrom(...vowels)).map(([c, v]) => c + v);
    const sampled = fc.sample(fc.array(syllables, { minLength: 3, maxLength: 5 }), { numRuns: 3000, seed: 42 });
    const names = [...new Set(sampled.map((parts) => parts.join('')))];
    const big: AddressRow[] = [];
    for (let i = 0; big.length < 100_000; i++) {
      big.push(buildRow(`ул. ${names[i % names.length]!}`, String(1 + Math.floor(i / names.length)), i));
    }

    let started = performance.now();
    const bigIndex = buildAddressIndex(big);
    const indexMs = performance.now() - started;

    started = performance.now();
    let found = 0;
    for (let i = 0; i < QUERIES; i++) {
      const name = names[(i * 7) % names.length]!;
      const typo = i % 2 === 0 ? name : `${name.slice(0, 3)}${name.slice(4)}`; // every other query misses a letter
      const best = matchAddress(`Алматы, ${typo} ${1 + (i % 30)}`, bigIndex)[0];
      if (best?.row.streetKey === name && best.row.houseKey === String(1 + (i % 30))) found += 1;
    }
    const queryMs = (performance.now() - started) / QUERIES;

    expect(bigIndex.streets.size).toBe(names.length);
    expect(found).toBeGreaterThan(QUERIES * 0.9);
    expect(indexMs).toBeLessThan(10_000);
    expect(queryMs).toBeLessThan(50);
  });
});
