import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  MIN_SIMILARITY_WITHOUT_LOCATION,
  haversineMetres,
  normaliseWords,
  suggestDuplicates,
  textSimilarity,
  type DuplicateCandidate,
} from './appeals.duplicates.js';

// Abay Avenue at Dostyk Avenue, Almaty.
const LON = 76.9457;
const LAT = 43.2408;
/** Metres per degree of latitude on the mean-radius sphere. */
const M_PER_DEG_LAT = (2 * Math.PI * 6_371_008.8) / 360;
const north = (metres: number) => LAT + metres / M_PER_DEG_LAT;
const HOUR_MS = 3_600_000;
const T0 = new Date('2026-03-10T09:00:00+05:00');
const hoursAfter = (hours: number) => new Date(T0.getTime() + hours * HOUR_MS);

const PARKING = 'Автомобиль припаркован на тротуаре у дома 150, пешеходам не пройти.';

/** A parking appeal at the target's place and time; override what a case needs. */
function appeal(overrides: Partial<DuplicateCandidate> & Pick<DuplicateCandidate, 'id'>): DuplicateCandidate {
  return { category: 'parking', lon: LON, lat: LAT, createdAt: T0, text: PARKING, ...overrides };
}

const target = appeal({ id: 'new' });

describe('haversineMetres', () => {
  it('is zero for one point and symmetric', () => {
    expect(haversineMetres(LON, LAT, LON, LAT)).toBe(0);
    expect(haversineMetres(LON, LAT, 71.4491, 51.1694)).toBeCloseTo(haversineMetres(71.4491, 51.1694, LON, LAT), 6);
  });

  it('measures a degree of latitude and a degree of longitude at the equator as about 111.2 km', () => {
    expect(haversineMetres(0, 0, 0, 1)).toBeCloseTo(M_PER_DEG_LAT, 3);
    expect(haversineMetres(0, 0, 1, 0)).toBeCloseTo(M_PER_DEG_LAT, 3);
    expect(haversineMetres(LON, LAT, LON, north(150))).toBeCloseTo(150, 6);
  });

  it('shrinks longitude degrees with latitude (Almaty, 43° N)', () => {
    const east = haversineMetres(LON, LAT, LON + 0.001, LAT);
    expect(east).toBeGreaterThan(80);
    expect(east).toBeLessThan(82); // 111.2 m × cos 43.24° ≈ 81 m
  });

  it('puts Almaty about 970 km from Astana and handles antipodes', () => {
    const km = haversineMetres(LON, LAT, 71.4491, 51.1694) / 1000;
    expect(km).toBeGreaterThan(960);
    expect(km).toBeLessThan(985);
    expect(haversineMetres(0, 0, 180, 0)).toBeCloseTo(Math.PI * 6_371_008.8, 3);
  });
});

describe('normaliseWords and textSimilarity', () => {
  it('lower-cases, reads ё as е, strips punctuation and drops short words', () => {
    expect(normaliseWords('Ёлка, ЁЖ и в д. 5 — «Шум»!!! ул.Абая')).toEqual(['елка', 'шум', 'абая']);
    expect(normaliseWords('')).toEqual([]);
  });

  it('is 1 for the same words, whatever the case and punctuation, and 0 without words', () => {
    expect(textSimilarity(PARKING, PARKING.toUpperCase().replaceAll(',', ' '))).toBe(1);
    expect(textSimilarity('Шум', 'шум!')).toBe(1);
    expect(textSimilarity('', PARKING)).toBe(0);
    expect(textSimilarity('в д. 5', 'в д. 5')).toBe(0);
  });

  it('ranks a rewording with other endings above an unrelated text, and is symmetric', () => {
    const reworded = 'Припаркованный автомобиль на тротуаре у дома 150 мешает пешеходам';
    const unrelated = 'Громкая музыка ночью в соседнем кафе, прошу принять меры';
    expect(textSimilarity(PARKING, reworded)).toBeGreaterThan(0.4);
    expect(textSimilarity(PARKING, unrelated)).toBeLessThan(0.1);
    expect(textSimilarity(PARKING, reworded)).toBe(textSimilarity(reworded, PARKING));
  });
});

describe('suggestDuplicates', () => {
  it('ranks the same place on the same day first', () => {
    const result = suggestDuplicates(target, [
      appeal({ id: 'week-later-far', createdAt: hoursAfter(24 * 7), lat: north(180), text: 'Опять машина на тротуаре' }),
      appeal({ id: 'same-place-same-day', createdAt: hoursAfter(3) }),
      appeal({ id: 'near-next-day', createdAt: hoursAfter(26), lat: north(60) }),
    ]);
    expect(result.map((r) => r.id)).toEqual(['same-place-same-day', 'near-next-day', 'week-later-far']);
    const [best] = result;
    expect(best?.distanceM).toBe(0);
    expect(best?.hoursApart).toBe(3);
    expect(best?.similarity).toBe(1);
    expect(best?.score).toBeCloseTo(0.4 + 0.2 * (1 - 3 / (14 * 24)) + 0.4, 10);
  });

  it('leaves out a candidate 300 m away at the default radius, and takes it with a wider one', () => {
    const far = appeal({ id: 'far', lat: north(300) });
    expect(suggestDuplicates(target, [far])).toEqual([]);
    const [wide] = suggestDuplicates(target, [far], { radiusM: 500 });
    expect(wide?.id).toBe('far');
    expect(wide?.distanceM).toBeCloseTo(300, 3);
    expect(suggestDuplicates(target, [appeal({ id: 'edge', lat: north(199.9) })]).map((r) => r.id)).toEqual(['edge']);
  });

  it('requires the same category', () => {
    expect(suggestDuplicates(target, [appeal({ id: 'noise', category: 'noise' })])).toEqual([]);
  });

  it('leaves out appeals 20 days apart, before or after, and keeps 13 days', () => {
    const candidates = [
      appeal({ id: 'before', createdAt: hoursAfter(-20 * 24) }),
      appeal({ id: 'after', createdAt: hoursAfter(20 * 24) }),
      appeal({ id: 'thirteen-days-before', createdAt: hoursAfter(-13 * 24) }),
    ];
    const result = suggestDuplicates(target, candidates);
    expect(result.map((r) => r.id)).toEqual(['thirteen-days-before']);
    expect(result[0]?.hoursApart).toBe(13 * 24);
    expect(suggestDuplicates(target, candidates, { windowDays: 30 })).toHaveLength(3);
  });

  it('never suggests the target itself', () => {
    expect(suggestDuplicates(target, [target, { ...target }])).toEqual([]);
  });

  it('suggests an unlocated candidate only when the text is close, and scores it lower', () => {
    const unlocatedSame = appeal({ id: 'unlocated-same', lon: null, lat: null });
    const unlocatedOther = appeal({ id: 'unlocated-other', lon: null, lat: null, text: 'Во дворе сломан фонарь, темно вечером' });
    const located = appeal({ id: 'located', lat: north(120), text: 'Во дворе сломан фонарь, темно вечером' });
    const result = suggestDuplicates(target, [unlocatedSame, unlocatedOther, located]);
    expect(result.map((r) => r.id).sort()).toEqual(['located', 'unlocated-same']);
    const unlocated = result.find((r) => r.id === 'unlocated-same');
    expect(unlocated?.distanceM).toBeNull();
    expect(unlocated?.similarity).toBeGreaterThanOrEqual(MIN_SIMILARITY_WITHOUT_LOCATION);
    expect(unlocated?.score).toBeCloseTo(0.6, 10); // the most an unlocated pair can score: same time, same text
  });

  it('applies the same rule when the target has no location', () => {
    const unlocatedTarget = appeal({ id: 'new', lon: null, lat: null });
    const result = suggestDuplicates(unlocatedTarget, [
      appeal({ id: 'same-text' }),
      appeal({ id: 'other-text', text: 'Громкая музыка ночью в соседнем кафе' }),
    ]);
    expect(result.map((r) => r.id)).toEqual(['same-text']);
    expect(result[0]?.distanceM).toBeNull();
  });

  it('returns at most `limit` suggestions, the best ones', () => {
    const many = Array.from({ length: 12 }, (_, i) => appeal({ id: `c${String(i).padStart(2, '0')}`, lat: north(i * 15) }));
    expect(suggestDuplicates(target, many).map((r) => r.id)).toEqual(['c00', 'c01', 'c02', 'c03', 'c04']);
    expect(suggestDuplicates(target, many, { limit: 2 })).toHaveLength(2);
    expect(suggestDuplicates(target, many, { limit: 0 })).toEqual([]);
    expect(suggestDuplicates(target, many, { limit: 50 })).toHaveLength(12);
  });

  it('breaks ties by time and then id, so the order is stable', () => {
    const result = suggestDuplicates(target, [appeal({ id: 'b' }), appeal({ id: 'a' }), appeal({ id: 'c', createdAt: hoursAfter(-1) })]);
    expect(result.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('skips candidates with an invalid date and treats a half location as none', () => {
    expect(suggestDuplicates(target, [appeal({ id: 'bad-date', createdAt: new Date('nope') })])).toEqual([]);
    const [half] = suggestDuplicates(target, [appeal({ id: 'half', lat: null })]);
    expect(half?.distanceM).toBeNull();
  });

  it('rejects nonsensical options', () => {
    for (const options of [{ radiusM: 0 }, { radiusM: -5 }, { radiusM: Number.NaN }, { windowDays: 0 }, { windowDays: Number.POSITIVE_INFINITY }, { limit: -1 }, { limit: 1.5 }]) {
      expect(() => suggestDuplicates(target, [], options), JSON.stringify(options)).toThrow(RangeError);
    }
  });
});

describe('suggestDuplicates: properties', () => {
  const words = ['машина', 'машину', 'тротуар', 'тротуаре', 'шум', 'музыка', 'ночью', 'фонарь', 'двор', 'дома', 'собака', 'драка', 'у', 'в'];
  const candidateArb = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'new'),
    category: fc.constantFrom('parking', 'noise'),
    lon: fc.option(fc.double({ min: LON - 0.004, max: LON + 0.004, noNaN: true }), { nil: null }),
    lat: fc.option(fc.double({ min: LAT - 0.004, max: LAT + 0.004, noNaN: true }), { nil: null }),
    createdAt: fc.integer({ min: -20 * 24, max: 20 * 24 }).map(hoursAfter),
    text: fc.array(fc.constantFrom(...words), { maxLength: 8 }).map((w) => w.join(' ')),
  });
  const optionsArb = fc.record(
    { radiusM: fc.integer({ min: 1, max: 1000 }), windowDays: fc.integer({ min: 1, max: 30 }), limit: fc.integer({ min: 0, max: 10 }) },
    { requiredKeys: [] },
  );

  it('returns scores in [0, 1], best first, within the limits and rules', () => {
    fc.assert(
      fc.property(candidateArb, fc.array(candidateArb, { maxLength: 25 }), optionsArb, (t, candidates, options) => {
        const result = suggestDuplicates(t, candidates, options);
        const { radiusM = 200, windowDays = 14, limit = 5 } = options;
        expect(result.length).toBeLessThanOrEqual(limit);
        for (const [i, r] of result.entries()) {
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(1);
          expect(r.similarity).toBeGreaterThanOrEqual(0);
          expect(r.similarity).toBeLessThanOrEqual(1);
          expect(r.hoursApart).toBeLessThanOrEqual(windowDays * 24);
          expect(r.id).not.toBe(t.id);
          if (r.distanceM === null) expect(r.similarity).toBeGreaterThanOrEqual(MIN_SIMILARITY_WITHOUT_LOCATION);
          else expect(r.distanceM).toBeLessThanOrEqual(radiusM);
          const previous = result[i - 1];
          if (previous) expect(previous.score).toBeGreaterThanOrEqual(r.score);
        }
        const allowed = new Set<string>(candidates.filter((c) => c.category === t.category).map((c) => c.id));
        for (const r of result) expect(allowed.has(r.id)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
