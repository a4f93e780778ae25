import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  lastCompletedPeriod,
  suppressComplement,
  MIN_PUBLISHED_ANSWERS,
  SIGNIFICANT_Z,
  achievement,
  addDays,
  aggregateScores,
  atLeastAsGood,
  compstatCell,
  compstatRanges,
  costPerPoint,
  effectiveTarget,
  improvement,
  light,
  normaliseScore,
  parsePeriod,
  parseTenge,
  per100k,
  poissonZ,
  sameDayLastYear,
  sumOver,
  sumTiyn,
  tiynToTengeString,
  type DatedValue,
  type LightInput,
  type TargetSpec,
} from './performance.domain.js';

const THRESHOLDS = { green: 100, amber: 90 };

/** A target spec with the defaults of the common case: a plain value target, no baseline. */
function spec(overrides: Partial<TargetSpec> & Pick<TargetSpec, 'direction'>): TargetSpec {
  return { baseline: null, targetKind: 'value', target: null, ...overrides };
}

function lightOf(overrides: Partial<LightInput> & Pick<LightInput, 'direction'>): ReturnType<typeof light> {
  return light({ baseline: null, targetKind: 'value', target: null, current: null, thresholds: THRESHOLDS, ...overrides });
}

/** One value per day from `start`, `values.length` days long. */
function daily(start: string, values: readonly number[]): DatedValue[] {
  return values.map((value, i) => {
    const day = addDays(start, i);
    return { start: day, end: day, value };
  });
}

const dayCount = (range: { start: string; end: string }) =>
  (Date.parse(`${range.end}T00:00:00Z`) - Date.parse(`${range.start}T00:00:00Z`)) / 86_400_000 + 1;

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

// ---- Periods ---------------------------------------------------------------------------------

describe('parsePeriod', () => {
  it('reads a year as 1 January to 31 December', () => {
    expect(parsePeriod('2021')).toEqual({ kind: 'year', code: '2021', start: '2021-01-01', end: '2021-12-31' });
    expect(parsePeriod('1999')).toEqual({ kind: 'year', code: '1999', start: '1999-01-01', end: '1999-12-31' });
  });

  it('reads each quarter with its own last day', () => {
    expect(parsePeriod('2021-Q1')).toEqual({ kind: 'quarter', code: '2021-Q1', start: '2021-01-01', end: '2021-03-31' });
    expect(parsePeriod('2021-Q2')).toMatchObject({ start: '2021-04-01', end: '2021-06-30' });
    expect(parsePeriod('2021-Q3')).toMatchObject({ start: '2021-07-01', end: '2021-09-30' });
    expect(parsePeriod('2021-Q4')).toMatchObject({ start: '2021-10-01', end: '2021-12-31' });
  });

  it('reads a month, with 28, 29, 30 or 31 days', () => {
    expect(parsePeriod('2021-03')).toEqual({ kind: 'month', code: '2021-03', start: '2021-03-01', end: '2021-03-31' });
    expect(parsePeriod('2021-04')).toMatchObject({ end: '2021-04-30' });
    expect(parsePeriod('2021-02')).toMatchObject({ end: '2021-02-28' });
    expect(parsePeriod('2024-02')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(parsePeriod('2000-02')).toMatchObject({ end: '2000-02-29' }); // divisible by 400: leap
    expect(parsePeriod('1900-02')).toMatchObject({ end: '1900-02-28' }); // divisible by 100: not
    expect(parsePeriod('2021-12')).toMatchObject({ start: '2021-12-01', end: '2021-12-31' });
  });

  it('reads a day, including 29 February of a leap year', () => {
    expect(parsePeriod('2021-03-15')).toEqual({ kind: 'day', code: '2021-03-15', start: '2021-03-15', end: '2021-03-15' });
    expect(parsePeriod('2024-02-29')).toEqual({ kind: 'day', code: '2024-02-29', start: '2024-02-29', end: '2024-02-29' });
    expect(parsePeriod('2021-12-31')).toMatchObject({ start: '2021-12-31' });
  });

  it('rejects dates that do not exist', () => {
    expect(parsePeriod('2021-02-29')).toBeNull();
    expect(parsePeriod('2024-02-30')).toBeNull();
    expect(parsePeriod('2021-04-31')).toBeNull();
    expect(parsePeriod('2021-03-00')).toBeNull();
    expect(parsePeriod('2021-03-32')).toBeNull();
    expect(parsePeriod('2021-13')).toBeNull();
    expect(parsePeriod('2021-00')).toBeNull();
    expect(parsePeriod('2021-Q0')).toBeNull();
    expect(parsePeriod('2021-Q5')).toBeNull();
  });

  it('rejects junk and other spellings', () => {
    for (const junk of ['', ' ', 'abc', '21', '20211', '2021-3', '2021-03-5', '2021/03', '03.2021', '2021-Q1-01', '2021-03-15T00:00', 'Q1 2021']) {
      expect(parsePeriod(junk), junk).toBeNull();
    }
  });

  it('ignores surrounding whitespace and keeps the trimmed code', () => {
    expect(parsePeriod('  2021-Q1\n')).toEqual({ kind: 'quarter', code: '2021-Q1', start: '2021-01-01', end: '2021-03-31' });
  });
});

describe('calendar helpers', () => {
  it('adds days across month and year ends, leap day included', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2024-03-10', -27)).toBe('2024-02-12');
  });

  it('takes the same day a year earlier, 29 February becoming 28 February', () => {
    expect(sameDayLastYear('2024-03-01')).toBe('2023-03-01');
    expect(sameDayLastYear('2025-02-28')).toBe('2024-02-28');
    expect(sameDayLastYear('2024-02-29')).toBe('2023-02-28');
    expect(sameDayLastYear('2024-01-01')).toBe('2023-01-01');
  });
});

// ---- Targets, achievement, lights ------------------------------------------------------------

describe('effectiveTarget', () => {
  it('is the target itself for a value target, with or without a baseline', () => {
    expect(effectiveTarget(spec({ direction: 'higher_better', target: 44.3 }))).toBe(44.3);
    expect(effectiveTarget(spec({ direction: 'higher_better', baseline: 23.4, target: 44.3 }))).toBe(44.3);
    expect(effectiveTarget(spec({ direction: 'lower_better', target: 0 }))).toBe(0);
  });

  it('is the baseline changed by the percentage for a change_percent target', () => {
    expect(effectiveTarget(spec({ direction: 'lower_better', baseline: 100, targetKind: 'change_percent', target: -10 }))).toBe(90);
    expect(effectiveTarget(spec({ direction: 'higher_better', baseline: 200, targetKind: 'change_percent', target: 15 }))).toBe(230);
    expect(effectiveTarget(spec({ direction: 'lower_better', baseline: 40, targetKind: 'change_percent', target: -100 }))).toBe(0);
    expect(effectiveTarget(spec({ direction: 'lower_better', baseline: 100, targetKind: 'change_percent', target: 0 }))).toBe(100);
  });

  it('gives the decimal figure a person would compute, not a float with a tail', () => {
    // 44.3 × 1.10 = 48.73; 20.1 × 0.93 = 18.693; 0.1 × 1.05 = 0.105.
    expect(effectiveTarget(spec({ direction: 'higher_better', baseline: 44.3, targetKind: 'change_percent', target: 10 }))).toBe(48.73);
    expect(effectiveTarget(spec({ direction: 'lower_better', baseline: 20.1, targetKind: 'change_percent', target: -7 }))).toBe(18.693);
    expect(effectiveTarget(spec({ direction: 'higher_better', baseline: 0.1, targetKind: 'change_percent', target: 5 }))).toBe(0.105);
  });

  it('is null without a target, or for a change_percent target without a baseline', () => {
    expect(effectiveTarget(spec({ direction: 'higher_better', baseline: 23.4 }))).toBeNull();
    expect(effectiveTarget(spec({ direction: 'lower_better', targetKind: 'change_percent', target: -10 }))).toBeNull();
    expect(effectiveTarget(spec({ direction: 'lower_better', baseline: 100, targetKind: 'change_percent', target: null }))).toBeNull();
  });
});

describe('atLeastAsGood', () => {
  it('compares in the indicator’s direction, ties counting as good', () => {
    expect(atLeastAsGood('lower_better', 5, 7)).toBe(true);
    expect(atLeastAsGood('lower_better', 7, 5)).toBe(false);
    expect(atLeastAsGood('higher_better', 7, 5)).toBe(true);
    expect(atLeastAsGood('higher_better', 5, 7)).toBe(false);
    expect(atLeastAsGood('lower_better', 5, 5)).toBe(true);
    expect(atLeastAsGood('higher_better', 5, 5)).toBe(true);
  });
});

describe('achievement with a baseline: the share of the planned way covered', () => {
  // Thefts cleared: 23.4 % in the base year, 44.3 % planned; higher is better.
  const clearance = spec({ direction: 'higher_better', baseline: 23.4, target: 44.3 });

  it('thefts clearance 23.4 % → 44.3 %: 0 at the baseline, 50 halfway, 100 on target, more beyond', () => {
    expect(achievement(clearance, 23.4)).toBe(0);
    expect(achievement(clearance, 33.85)).toBeCloseTo(50, 9); // 10.45 of 20.9
    expect(achievement(clearance, 44.3)).toBe(100);
    expect(achievement(clearance, 50)).toBeCloseTo(127.272727, 5); // 26.6 / 20.9
  });

  it('thefts clearance falling below the baseline is negative achievement', () => {
    expect(achievement(clearance, 20)).toBeCloseTo(-16.267943, 5); // −3.4 / 20.9
  });

  it('a 10 % cut from 100 (lower is better): the target is 90', () => {
    const cut = spec({ direction: 'lower_better', baseline: 100, targetKind: 'change_percent', target: -10 });
    expect(achievement(cut, 100)).toBeCloseTo(0, 10); // 0 / −10 is −0
    expect(achievement(cut, 95)).toBe(50);
    expect(achievement(cut, 90)).toBe(100);
    expect(achievement(cut, 85)).toBe(150);
    expect(achievement(cut, 110)).toBe(-100);
  });

  it('a change_percent target met to the displayed decimal is exactly 100', () => {
    const raise = spec({ direction: 'higher_better', baseline: 44.3, targetKind: 'change_percent', target: 10 });
    expect(achievement(raise, 48.73)).toBe(100);
    const cut = spec({ direction: 'lower_better', baseline: 20.1, targetKind: 'change_percent', target: -7 });
    expect(achievement(cut, 18.693)).toBe(100);
  });

  it('lower is better and the current value is 0: twice the planned cut of 10 → 5', () => {
    expect(achievement(spec({ direction: 'lower_better', baseline: 10, target: 5 }), 0)).toBe(200);
  });

  it('a target of 0 with a baseline: from 8 down to 2 is three quarters of the way', () => {
    expect(achievement(spec({ direction: 'lower_better', baseline: 8, target: 0 }), 2)).toBe(75);
    expect(achievement(spec({ direction: 'lower_better', baseline: 8, target: 0 }), 0)).toBe(100);
    expect(achievement(spec({ direction: 'higher_better', baseline: 0, target: 20 }), 5)).toBe(25);
  });

  it('falls back to the ratio when the target is not on the better side of the baseline', () => {
    // Lower is better, baseline 15 already under the ceiling of 18.7: "keep it under 18.7".
    expect(achievement(spec({ direction: 'lower_better', baseline: 15, target: 18.7 }), 17)).toBeCloseTo(110, 9);
    // Baseline equal to target: no way to cover, so the ratio too.
    expect(achievement(spec({ direction: 'higher_better', baseline: 50, target: 50 }), 45)).toBe(90);
  });
});

describe('achievement without a baseline: the ratio to the target', () => {
  it('higher is better: current ÷ target', () => {
    const clearance = spec({ direction: 'higher_better', target: 44.3 });
    expect(achievement(clearance, 44.3)).toBe(100);
    expect(achievement(clearance, 40)).toBeCloseTo(90.293454, 5); // 40 / 44.3
    expect(achievement(spec({ direction: 'higher_better', target: 80 }), 100)).toBe(125);
  });

  it('street-crime share, target 18.7 %, lower is better: target ÷ current', () => {
    const share = spec({ direction: 'lower_better', target: 18.7 });
    expect(achievement(share, 18.7)).toBe(100);
    expect(achievement(share, 20)).toBeCloseTo(93.5, 9);
    expect(achievement(share, 22)).toBeCloseTo(85, 9);
    expect(achievement(share, 17)).toBeCloseTo(110, 9);
  });

  it('lower is better and the current value is 0: the target is met', () => {
    expect(achievement(spec({ direction: 'lower_better', target: 5 }), 0)).toBe(100);
    expect(achievement(spec({ direction: 'lower_better', target: 0 }), 0)).toBe(100);
  });

  it('a target of 0: lower is better and anything above it is 0; higher is better and any non-negative value meets it', () => {
    expect(achievement(spec({ direction: 'lower_better', target: 0 }), 4)).toBe(0);
    expect(achievement(spec({ direction: 'higher_better', target: 0 }), 3)).toBe(100);
    expect(achievement(spec({ direction: 'higher_better', target: 0 }), 0)).toBe(100);
    expect(achievement(spec({ direction: 'higher_better', target: 0 }), -1)).toBe(0);
  });

  it('is null without a value, without a target, or for a value that is not a number', () => {
    expect(achievement(spec({ direction: 'higher_better', target: 44.3 }), null)).toBeNull();
    expect(achievement(spec({ direction: 'higher_better' }), 44.3)).toBeNull();
    expect(achievement(spec({ direction: 'lower_better', targetKind: 'change_percent', target: -10 }), 90)).toBeNull();
    expect(achievement(spec({ direction: 'higher_better', target: 44.3 }), Number.NaN)).toBeNull();
    expect(achievement(spec({ direction: 'higher_better', target: 44.3 }), Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('light', () => {
  it('exactly on target is 100 and green', () => {
    expect(lightOf({ direction: 'higher_better', baseline: 23.4, target: 44.3, current: 44.3 })).toBe('green');
    expect(lightOf({ direction: 'lower_better', target: 18.7, current: 18.7 })).toBe('green');
    expect(lightOf({ direction: 'lower_better', baseline: 100, targetKind: 'change_percent', target: -10, current: 90 })).toBe('green');
    expect(lightOf({ direction: 'higher_better', baseline: 44.3, targetKind: 'change_percent', target: 10, current: 48.73 })).toBe('green');
    expect(lightOf({ direction: 'lower_better', baseline: 20.1, targetKind: 'change_percent', target: -7, current: 18.693 })).toBe('green');
  });

  it('beyond target is green too', () => {
    expect(lightOf({ direction: 'lower_better', target: 18.7, current: 17 })).toBe('green');
    expect(lightOf({ direction: 'lower_better', baseline: 10, target: 5, current: 0 })).toBe('green');
  });

  it('amber from 90 inclusive, red below: 90 amber, 89.99 red, 99.99 amber', () => {
    const at = (current: number) => lightOf({ direction: 'higher_better', target: 100, current });
    expect(achievement(spec({ direction: 'higher_better', target: 100 }), 90)).toBe(90);
    expect(at(90)).toBe('amber');
    expect(achievement(spec({ direction: 'higher_better', target: 100 }), 89.99)).toBeCloseTo(89.99, 9);
    expect(at(89.99)).toBe('red');
    expect(at(99.99)).toBe('amber');
    expect(at(100)).toBe('green');
  });

  it('the boundaries on the planned way: from 100 to 90, a value of 91 is 90 % of the way', () => {
    const cut = { direction: 'lower_better' as const, baseline: 100, targetKind: 'change_percent' as const, target: -10 };
    expect(lightOf({ ...cut, current: 91 })).toBe('amber');
    expect(lightOf({ ...cut, current: 91.5 })).toBe('red'); // 85
  });

  it('street-crime share 18.7 % target: 20 % is amber (93.5), 22 % is red (85)', () => {
    expect(lightOf({ direction: 'lower_better', target: 18.7, current: 20 })).toBe('amber');
    expect(lightOf({ direction: 'lower_better', target: 18.7, current: 22 })).toBe('red');
  });

  it('moved the wrong way is red', () => {
    expect(lightOf({ direction: 'higher_better', baseline: 23.4, target: 44.3, current: 20 })).toBe('red');
    expect(lightOf({ direction: 'lower_better', baseline: 100, targetKind: 'change_percent', target: -10, current: 110 })).toBe('red');
  });

  it('a target of 0, lower is better: 0 is green, anything above it red', () => {
    expect(lightOf({ direction: 'lower_better', target: 0, current: 0 })).toBe('green');
    expect(lightOf({ direction: 'lower_better', target: 0, current: 1 })).toBe('red');
  });

  it('no value is no_data, whether or not there is a target', () => {
    expect(lightOf({ direction: 'higher_better', target: 44.3, current: null })).toBe('no_data');
    expect(lightOf({ direction: 'higher_better', current: null })).toBe('no_data');
  });

  it('a value without a usable target is no_target', () => {
    expect(lightOf({ direction: 'higher_better', current: 44.3 })).toBe('no_target');
    expect(lightOf({ direction: 'lower_better', targetKind: 'change_percent', target: -10, current: 90 })).toBe('no_target');
  });

  it('uses the thresholds it is given', () => {
    const input = { direction: 'higher_better' as const, baseline: null, targetKind: 'value' as const, target: 100 };
    const thresholds = { green: 95, amber: 80 };
    expect(light({ ...input, current: 95, thresholds })).toBe('green');
    expect(light({ ...input, current: 94, thresholds })).toBe('amber');
    expect(light({ ...input, current: 80, thresholds })).toBe('amber');
    expect(light({ ...input, current: 79, thresholds })).toBe('red');
  });
});

describe('improvement', () => {
  it('is positive when things got better, in the indicator’s units', () => {
    expect(improvement('lower_better', 100, 90)).toBe(10);
    expect(improvement('higher_better', 23.4, 44.3)).toBeCloseTo(20.9, 9);
  });

  it('is negative for a worsening and 0 for no change', () => {
    expect(improvement('lower_better', 100, 110)).toBe(-10);
    expect(improvement('higher_better', 23.4, 20)).toBeCloseTo(-3.4, 9);
    expect(improvement('higher_better', 5, 5)).toBe(0);
  });

  it('is null without a baseline or a current value', () => {
    expect(improvement('lower_better', null, 90)).toBeNull();
    expect(improvement('lower_better', 100, null)).toBeNull();
  });
});

describe('costPerPoint', () => {
  it('divides the money spent by the improvement, rounded to whole tiyn', () => {
    expect(costPerPoint(40_917_800_000, 10)).toBe(4_091_780_000);
    expect(costPerPoint(40_917_800_000, 3)).toBe(13_639_266_667); // 13 639 266 666.67
    expect(costPerPoint(100_000, 0.4)).toBe(250_000);
    expect(costPerPoint(1, 3)).toBe(0); // 0.33
    expect(costPerPoint(2, 3)).toBe(1); // 0.67
    expect(costPerPoint(5, 2)).toBe(3); // 2.5 rounds up
  });

  it('has no cost per point for a worsening or no change', () => {
    expect(costPerPoint(40_917_800_000, -10)).toBeNull();
    expect(costPerPoint(40_917_800_000, 0)).toBeNull();
    expect(costPerPoint(40_917_800_000, Number.NaN)).toBeNull();
  });

  it('has none without spending or without an improvement', () => {
    expect(costPerPoint(0, 10)).toBeNull();
    expect(costPerPoint(-500, 10)).toBeNull();
    expect(costPerPoint(null, 10)).toBeNull();
    expect(costPerPoint(40_917_800_000, null)).toBeNull();
  });
});

// ---- Money -----------------------------------------------------------------------------------

describe('parseTenge', () => {
  it('reads amounts as the report writes them, into integer tiyn', () => {
    expect(parseTenge('409 178 000')).toBe(40_917_800_000);
    expect(parseTenge('1 795 680 000 ₸')).toBe(179_568_000_000);
    expect(parseTenge('18 182 000')).toBe(1_818_200_000);
  });

  it('reads decimals with a comma or a point, one or two digits', () => {
    expect(parseTenge('409178000,50')).toBe(40_917_800_050);
    expect(parseTenge('12.5')).toBe(1250);
    expect(parseTenge('12,05')).toBe(1205);
    expect(parseTenge('0.01')).toBe(1);
    expect(parseTenge('0')).toBe(0);
    expect(parseTenge('-1 500,25')).toBe(-150_025);
  });

  it('drops non-breaking, narrow and ordinary spaces, apostrophes and a currency word', () => {
    expect(parseTenge('409\u00a0178\u00a0000')).toBe(40_917_800_000);
    expect(parseTenge('409\u202f178\u202f000')).toBe(40_917_800_000);
    expect(parseTenge(' 409 178 000\t')).toBe(40_917_800_000);
    expect(parseTenge("1'000")).toBe(100_000);
    expect(parseTenge('5 000 тг.')).toBe(500_000);
    expect(parseTenge('5 000 тг')).toBe(500_000);
    expect(parseTenge('5 000 тенге')).toBe(500_000);
    expect(parseTenge('5000 KZT')).toBe(500_000);
    expect(parseTenge('5000\u00a0₸')).toBe(500_000);
  });

  it('rejects what is not an amount', () => {
    for (const junk of ['', ' ', 'abc', '1.234', '12.', '.5', '1,2,3', '1e5', '--5', '+5', '5 000 $', '₸', '12,5,0', '0x10']) {
      expect(parseTenge(junk), junk).toBeNull();
    }
  });

  it('rejects amounts beyond the safe integer range of tiyn, and accepts its edge', () => {
    expect(parseTenge('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseTenge('-90071992547409.91')).toBe(-Number.MAX_SAFE_INTEGER);
    expect(parseTenge('90071992547409.92')).toBeNull();
    expect(parseTenge('99 999 999 999 999')).toBeNull();
    expect(parseTenge('1000000000000000')).toBeNull(); // 16 digits
  });

  it('reads numbers, rounding to tiyn, and rejects non-finite ones', () => {
    expect(parseTenge(12.5)).toBe(1250);
    expect(parseTenge(409_178_000)).toBe(40_917_800_000);
    expect(parseTenge(0.1 + 0.2)).toBe(30);
    expect(parseTenge(-3)).toBe(-300);
    expect(parseTenge(0)).toBe(0);
    expect(parseTenge(Number.NaN)).toBeNull();
    expect(parseTenge(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseTenge(1e20)).toBeNull();
  });
});

describe('tiynToTengeString', () => {
  it('writes tenge with two decimals', () => {
    expect(tiynToTengeString(40_917_800_000)).toBe('409178000.00');
    expect(tiynToTengeString(40_917_800_050)).toBe('409178000.50');
    expect(tiynToTengeString(5)).toBe('0.05');
    expect(tiynToTengeString(0)).toBe('0.00');
    expect(tiynToTengeString(-5)).toBe('-0.05');
    expect(tiynToTengeString(-150_025)).toBe('-1500.25');
    expect(tiynToTengeString(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });

  it('parseTenge reads back what it writes, for every safe integer (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (tiyn) => {
        expect(parseTenge(tiynToTengeString(tiyn)) === tiyn).toBe(true);
      }),
    );
  });
});

describe('sumTiyn', () => {
  it('adds amounts, skipping nulls; null when there is nothing to add', () => {
    expect(sumTiyn([40_917_800_000, 179_568_000_000])).toBe(220_485_800_000);
    expect(sumTiyn([1, null, 2])).toBe(3);
    expect(sumTiyn([0])).toBe(0);
    expect(sumTiyn([])).toBeNull();
    expect(sumTiyn([null, null])).toBeNull();
  });

  it('is exact where float addition is not: an intermediate beyond 2^53 does not round', () => {
    // Floats: 9007199254740991 + 2 rounds to 9007199254740992, then − 3 gives …989; the true sum is …990.
    expect(Number.MAX_SAFE_INTEGER + 2 - 3).toBe(9_007_199_254_740_989);
    expect(sumTiyn([Number.MAX_SAFE_INTEGER, 2, -3])).toBe(9_007_199_254_740_990);
  });

  it('refuses an amount that is not a safe integer', () => {
    expect(() => sumTiyn([1.5])).toThrow(RangeError);
    expect(() => sumTiyn([Number.NaN])).toThrow(RangeError);
    expect(() => sumTiyn([2 ** 53])).toThrow(RangeError);
  });

  it('equals the BigInt sum whenever the total stays safe (property)', () => {
    const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);
    const bigSum = (amounts: readonly (number | null)[]) => amounts.reduce<bigint>((a, b) => (b === null ? a : a + BigInt(b)), 0n);
    const amount = fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constant(null));
    const amounts = fc.array(amount, { maxLength: 12 }).filter((xs) => {
      const total = bigSum(xs);
      return total <= maxSafe && total >= -maxSafe;
    });
    fc.assert(
      fc.property(amounts, (xs) => {
        const expected = xs.some((x) => x !== null) ? Number(bigSum(xs)) : null;
        expect(sumTiyn(xs)).toBe(expected);
      }),
    );
  });
});

// ---- CompStat --------------------------------------------------------------------------------

describe('compstatRanges', () => {
  it('week to date starts on Monday; the prior week is 364 days earlier, Mondays with Mondays', () => {
    // 2024-03-13 is a Wednesday; 2023-03-13 is a Monday.
    expect(compstatRanges('week_to_date', '2024-03-13')).toEqual({
      current: { start: '2024-03-11', end: '2024-03-13' },
      prior: { start: '2023-03-13', end: '2023-03-15' },
    });
    expect(weekday('2024-03-11')).toBe(1);
    expect(weekday('2023-03-13')).toBe(1);
    expect(weekday('2023-03-15')).toBe(weekday('2024-03-13'));
  });

  it('week to date on a Monday is that one day; on a Sunday the whole week', () => {
    expect(compstatRanges('week_to_date', '2024-03-11').current).toEqual({ start: '2024-03-11', end: '2024-03-11' });
    expect(compstatRanges('week_to_date', '2024-03-17').current).toEqual({ start: '2024-03-11', end: '2024-03-17' });
  });

  it('week to date crosses the new year back to the Monday before', () => {
    // 2025-01-01 is a Wednesday; its week began on Monday 2024-12-30; 364 days before that is 2024-01-01, a Monday.
    expect(compstatRanges('week_to_date', '2025-01-01')).toEqual({
      current: { start: '2024-12-30', end: '2025-01-01' },
      prior: { start: '2024-01-01', end: '2024-01-03' },
    });
  });

  it('28 days is 28 days inclusive, and the prior window ends on the same date a year earlier', () => {
    const ranges = compstatRanges('days_28', '2023-06-28');
    expect(ranges).toEqual({
      current: { start: '2023-06-01', end: '2023-06-28' },
      prior: { start: '2022-06-01', end: '2022-06-28' },
    });
    expect(dayCount(ranges.current)).toBe(28);
  });

  it('28 days across a leap day: the prior window is 28 days too', () => {
    // 2024-02-12 … 2024-03-10 holds 29 February; 28 days back from 2023-03-10 is 2023-02-11.
    const ranges = compstatRanges('days_28', '2024-03-10');
    expect(ranges).toEqual({
      current: { start: '2024-02-12', end: '2024-03-10' },
      prior: { start: '2023-02-11', end: '2023-03-10' },
    });
    expect(dayCount(ranges.current)).toBe(28);
    expect(dayCount(ranges.prior)).toBe(28);
    // The year after: 2025-02-11 … 2025-03-10 and, back in the leap year, 2024-02-12 … 2024-03-10.
    const next = compstatRanges('days_28', '2025-03-10');
    expect(next.current).toEqual({ start: '2025-02-11', end: '2025-03-10' });
    expect(next.prior).toEqual({ start: '2024-02-12', end: '2024-03-10' });
    expect(dayCount(next.prior)).toBe(28);
  });

  it('28 days as of 29 February: the prior window ends on 28 February', () => {
    expect(compstatRanges('days_28', '2024-02-29')).toEqual({
      current: { start: '2024-02-02', end: '2024-02-29' },
      prior: { start: '2023-02-01', end: '2023-02-28' },
    });
  });

  it('year to date runs from 1 January; the prior is the same dates last year', () => {
    expect(compstatRanges('year_to_date', '2023-11-15')).toEqual({
      current: { start: '2023-01-01', end: '2023-11-15' },
      prior: { start: '2022-01-01', end: '2022-11-15' },
    });
    expect(compstatRanges('year_to_date', '2023-01-01')).toEqual({
      current: { start: '2023-01-01', end: '2023-01-01' },
      prior: { start: '2022-01-01', end: '2022-01-01' },
    });
  });

  it('year to date as of 29 February: the prior ends on 28 February', () => {
    expect(compstatRanges('year_to_date', '2024-02-29')).toEqual({
      current: { start: '2024-01-01', end: '2024-02-29' },
      prior: { start: '2023-01-01', end: '2023-02-28' },
    });
  });

  it('every window ends on the as-of date and has the lengths it promises (property)', () => {
    const asOf = fc.integer({ min: 0, max: 365 * 40 }).map((n) => addDays('2001-01-01', n));
    fc.assert(
      fc.property(asOf, (day) => {
        const week = compstatRanges('week_to_date', day);
        expect(week.current.end).toBe(day);
        expect(weekday(week.current.start)).toBe(1);
        expect(dayCount(week.current)).toBeLessThanOrEqual(7);
        expect(dayCount(week.prior)).toBe(dayCount(week.current));
        expect(weekday(week.prior.start)).toBe(1);

        const days28 = compstatRanges('days_28', day);
        expect(days28.current.end).toBe(day);
        expect(dayCount(days28.current)).toBe(28);
        expect(dayCount(days28.prior)).toBe(28);
        expect(days28.prior.end).toBe(sameDayLastYear(day));

        const ytd = compstatRanges('year_to_date', day);
        expect(ytd.current).toEqual({ start: `${day.slice(0, 4)}-01-01`, end: day });
        expect(ytd.prior).toEqual({ start: `${Number(day.slice(0, 4)) - 1}-01-01`, end: sameDayLastYear(day) });
      }),
    );
  });
});

describe('sumOver', () => {
  const month = (code: string, end: string, value: number): DatedValue => ({ start: `${code}-01`, end, value });

  it('sums days that cover the range', () => {
    expect(sumOver(daily('2024-03-01', [1, 2, 3]), { start: '2024-03-01', end: '2024-03-03' })).toBe(6);
    expect(sumOver(daily('2024-02-28', [4, 5, 6]), { start: '2024-02-28', end: '2024-03-01' })).toBe(15); // leap day inside
  });

  it('sums months that cover the range', () => {
    const months = [month('2024-01', '2024-01-31', 10), month('2024-02', '2024-02-29', 20), month('2024-03', '2024-03-31', 30)];
    expect(sumOver(months, { start: '2024-01-01', end: '2024-03-31' })).toBe(60);
  });

  it('mixes months and days', () => {
    const values = [month('2024-01', '2024-01-31', 100), ...daily('2024-02-01', [1, 2, 3])];
    expect(sumOver(values, { start: '2024-01-01', end: '2024-02-03' })).toBe(106);
  });

  it('leaves out values outside the range or only partly inside it', () => {
    const values = [...daily('2024-03-01', [1, 2, 3]), ...daily('2024-02-29', [50]), ...daily('2024-03-04', [70]), month('2024-03', '2024-03-31', 999)];
    expect(sumOver(values, { start: '2024-03-01', end: '2024-03-03' })).toBe(6);
  });

  it('is null when a day is missing', () => {
    expect(sumOver(daily('2024-03-01', [1, 2, 3]), { start: '2024-03-01', end: '2024-03-04' })).toBeNull();
    expect(sumOver([...daily('2024-03-01', [1]), ...daily('2024-03-03', [3])], { start: '2024-03-01', end: '2024-03-03' })).toBeNull();
    expect(sumOver([], { start: '2024-03-01', end: '2024-03-01' })).toBeNull();
  });

  it('is null when the only value straddles the range (a month for a window inside it)', () => {
    expect(sumOver([month('2024-01', '2024-01-31', 100)], { start: '2024-01-15', end: '2024-02-14' })).toBeNull();
  });

  it('does not count a month and its days twice, whichever comes first', () => {
    const days = daily('2024-01-01', Array.from({ length: 31 }, () => 3)); // 93 in all
    const jan = month('2024-01', '2024-01-31', 93);
    const range = { start: '2024-01-01', end: '2024-01-31' };
    expect(sumOver([jan, ...days], range)).toBe(93);
    expect(sumOver([...days, jan], range)).toBe(93);
  });

  it('a month covers its range even when some of its days come first', () => {
    // Only ten daily values were entered, then the month total: the month still covers January.
    const tenDays = daily('2024-01-01', Array.from({ length: 10 }, () => 2));
    const jan = month('2024-01', '2024-01-31', 80);
    const range = { start: '2024-01-01', end: '2024-01-31' };
    expect(sumOver([jan, ...tenDays], range)).toBe(80);
    expect(sumOver([...tenDays, jan], range)).toBe(80);
  });

  it('counts a repeated day once', () => {
    expect(sumOver([...daily('2024-03-01', [5]), ...daily('2024-03-01', [5])], { start: '2024-03-01', end: '2024-03-01' })).toBe(5);
  });
});

describe('poissonZ', () => {
  it('is 2(√current − √prior)', () => {
    expect(poissonZ(100, 64)).toBe(4); // 2(10 − 8)
    expect(poissonZ(49, 36)).toBe(2); // 2(7 − 6)
    expect(poissonZ(64, 100)).toBe(-4);
    expect(poissonZ(0, 0)).toBe(0);
    expect(poissonZ(9, 0)).toBe(6);
  });

  it('the threshold for significance is 3', () => {
    expect(SIGNIFICANT_Z).toBe(3);
  });
});

describe('compstatCell', () => {
  // Week to date as of Wednesday 2024-03-13 and the same weekdays of 2023 (13–15 March).
  const asOf = '2024-03-13';
  const cell = (currentDays: number[], priorDays: number[]) =>
    compstatCell('week_to_date', asOf, [...daily('2024-03-11', currentDays), ...daily('2023-03-13', priorDays)]);

  it('100 against 64: up 36, +56.25 %, z = 4, significant', () => {
    expect(cell([40, 30, 30], [20, 20, 24])).toEqual({
      window: 'week_to_date',
      current: { start: '2024-03-11', end: '2024-03-13', count: 100 },
      prior: { start: '2023-03-13', end: '2023-03-15', count: 64 },
      change: 36,
      changePercent: 56.25,
      z: 4,
      significant: true,
    });
  });

  it('49 against 36: up 13, +36.1 %, z = 2, not significant', () => {
    const result = cell([20, 20, 9], [12, 12, 12]);
    expect(result).toMatchObject({ change: 13, z: 2, significant: false });
    expect(result.changePercent).toBeCloseTo(36.111111, 5); // 13 / 36
  });

  it('a fall is significant too: 64 against 100, z = −4', () => {
    expect(cell([20, 20, 24], [40, 30, 30])).toMatchObject({ change: -36, changePercent: -36, z: -4, significant: true });
  });

  it('a prior of 0 has a change but no change percent', () => {
    const result = cell([5, 0, 0], [0, 0, 0]);
    expect(result).toMatchObject({ change: 5, changePercent: null, significant: true });
    expect(result.z).toBeCloseTo(4.472136, 5); // 2√5
    expect(cell([0, 0, 0], [0, 0, 0])).toMatchObject({ change: 0, changePercent: null, z: 0, significant: false });
  });

  it('a window with a missing day has no count, no change and no z', () => {
    const result = cell([40, 30], [20, 20, 24]);
    expect(result).toMatchObject({
      current: { count: null },
      prior: { count: 64 },
      change: null,
      changePercent: null,
      z: null,
      significant: false,
    });
  });

  it('year to date sums months and days together', () => {
    const values: DatedValue[] = [
      { start: '2024-01-01', end: '2024-01-31', value: 30 },
      ...daily('2024-02-01', [1, 1, 1]),
      { start: '2023-01-01', end: '2023-01-31', value: 20 },
      ...daily('2023-02-01', [2, 2, 2]),
    ];
    expect(compstatCell('year_to_date', '2024-02-03', values)).toMatchObject({
      current: { start: '2024-01-01', end: '2024-02-03', count: 33 },
      prior: { start: '2023-01-01', end: '2023-02-03', count: 26 },
      change: 7,
    });
  });
});

describe('per100k', () => {
  it('scales a count to 100 000 residents', () => {
    expect(per100k(250, 500_000)).toBe(50);
    expect(per100k(1, 100_000)).toBe(1);
    expect(per100k(3, 1_200_000)).toBe(0.25);
    expect(per100k(0, 1_200_000)).toBe(0);
  });
});

// ---- Trust survey ----------------------------------------------------------------------------

describe('normaliseScore', () => {
  it('maps 1–5 onto 0–100', () => {
    expect(normaliseScore('1-5', 1)).toBe(0);
    expect(normaliseScore('1-5', 2)).toBe(25);
    expect(normaliseScore('1-5', 3)).toBe(50);
    expect(normaliseScore('1-5', 4)).toBe(75);
    expect(normaliseScore('1-5', 5)).toBe(100);
  });

  it('maps 0–10 onto 0–100', () => {
    expect(normaliseScore('0-10', 0)).toBe(0);
    expect(normaliseScore('0-10', 5)).toBe(50);
    expect(normaliseScore('0-10', 7)).toBeCloseTo(70, 10);
    expect(normaliseScore('0-10', 10)).toBe(100);
  });
});

describe('aggregateScores', () => {
  const repeat = (value: number, times: number) => Array.from({ length: times }, () => value);

  it('suppresses a cell with fewer than 30 answers', () => {
    const suppressed = { suppressed: true, n: null, mean: null, low: null, high: null };
    expect(MIN_PUBLISHED_ANSWERS).toBe(30);
    expect(aggregateScores([])).toEqual(suppressed);
    expect(aggregateScores(repeat(80, 1))).toEqual(suppressed);
    expect(aggregateScores(repeat(80, 29))).toEqual(suppressed);
  });

  it('publishes at 30: 15 × 0 and 15 × 100 give 50 ± 1.96·sd/√30', () => {
    const result = aggregateScores([...repeat(0, 15), ...repeat(100, 15)]);
    // sd² = 30 · 50² / 29, so sd/√30 = 50/√29 and the half-width is 1.96 · 50/√29 = 98/√29 ≈ 18.198143.
    const sd = Math.sqrt((2500 * 30) / 29);
    const half = (1.96 * sd) / Math.sqrt(30);
    expect(half).toBeCloseTo(98 / Math.sqrt(29), 10);
    expect(result).toMatchObject({ suppressed: false, n: 30, mean: 50 });
    if (result.suppressed) throw new Error('unreachable');
    expect(result.low).toBeCloseTo(50 - half, 10);
    expect(result.high).toBeCloseTo(50 + half, 10);
    expect(result.low).toBeCloseTo(31.801857, 5);
    expect(result.high).toBeCloseTo(68.198143, 5);
  });

  it('clips the interval at 100: 29 × 100 and one 0', () => {
    // mean 96.667; Σ(x − mean)² = 29·(10/3)² + (290/3)² = 29000/3, sd² = 1000/3, sd/√30 = 10/3, half = 1.96·10/3 ≈ 6.5333.
    const result = aggregateScores([...repeat(100, 29), 0]);
    if (result.suppressed) throw new Error('expected a published aggregate');
    expect(result.n).toBe(30);
    expect(result.mean).toBeCloseTo(290 / 3, 10);
    expect(result.low).toBeCloseTo(290 / 3 - 19.6 / 3, 10); // ≈ 90.1333
    expect(result.high).toBe(100); // 103.2 before clipping
  });

  it('clips the interval at 0: 29 × 0 and one 100', () => {
    const result = aggregateScores([...repeat(0, 29), 100]);
    if (result.suppressed) throw new Error('expected a published aggregate');
    expect(result.mean).toBeCloseTo(10 / 3, 10);
    expect(result.low).toBe(0); // −3.2 before clipping
    expect(result.high).toBeCloseTo(10 / 3 + 19.6 / 3, 10); // ≈ 9.8667
  });

  it('answers all alike give a zero-width interval', () => {
    expect(aggregateScores(repeat(75, 30))).toEqual({ suppressed: false, n: 30, mean: 75, low: 75, high: 75 });
  });

  it('takes another minimum, but never publishes a single answer', () => {
    // 10 and 20: mean 15, s² = (25 + 25)/1 = 50, half = 1.96·√(50/2) = 9.8.
    const result = aggregateScores([10, 20], 2);
    expect(result).toMatchObject({ suppressed: false, n: 2, mean: 15 });
    if (result.suppressed) throw new Error('unreachable');
    expect(result.low).toBeCloseTo(5.2, 10);
    expect(result.high).toBeCloseTo(24.8, 10);
    expect(aggregateScores([10], 1)).toMatchObject({ suppressed: true });
    expect(aggregateScores(repeat(50, 40), 50)).toMatchObject({ suppressed: true });
  });

  it('for any published set, 0 ≤ low ≤ mean ≤ high ≤ 100 (property)', () => {
    const score = fc.oneof(
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.integer({ min: 1, max: 5 }).map((v) => normaliseScore('1-5', v)),
      fc.integer({ min: 0, max: 10 }).map((v) => normaliseScore('0-10', v)),
      fc.constantFrom(0, 100),
    );
    fc.assert(
      fc.property(fc.array(score, { minLength: MIN_PUBLISHED_ANSWERS, maxLength: 200 }), (scores) => {
        const result = aggregateScores(scores);
        if (result.suppressed) throw new Error('a set of 30 or more must be published');
        expect(result.n).toBe(scores.length);
        expect(result.low).toBeGreaterThanOrEqual(0);
        expect(result.low).toBeLessThanOrEqual(result.mean);
        expect(result.mean).toBeLessThanOrEqual(result.high);
        expect(result.high).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('lastCompletedPeriod', () => {
  it('names the last month, quarter or year that has ended', () => {
    expect(lastCompletedPeriod('month', '2026-11-26')).toBe('2026-10');
    expect(lastCompletedPeriod('month', '2026-01-01')).toBe('2025-12');
    expect(lastCompletedPeriod('quarter', '2026-11-26')).toBe('2026-Q3');
    expect(lastCompletedPeriod('quarter', '2026-03-31')).toBe('2025-Q4');
    expect(lastCompletedPeriod('quarter', '2026-04-01')).toBe('2026-Q1');
    expect(lastCompletedPeriod('year', '2026-11-26')).toBe('2025');
  });
});

describe('suppressComplement', () => {
  const pub = (n: number) => ({ suppressed: false as const, n, mean: 50, low: 40, high: 60 });
  const sup = { suppressed: true as const, n: null, mean: null, low: null, high: null };
  it('suppresses the smallest published cell when exactly one is suppressed', () => {
    expect(suppressComplement([pub(40), sup, pub(31), pub(90)])).toEqual([pub(40), sup, sup, pub(90)]);
  });
  it('leaves cells alone when none or several are suppressed', () => {
    expect(suppressComplement([pub(40), pub(31)])).toEqual([pub(40), pub(31)]);
    expect(suppressComplement([sup, sup, pub(31)])).toEqual([sup, sup, pub(31)]);
  });
});
