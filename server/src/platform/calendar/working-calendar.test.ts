import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ALMATY_TIME_ZONE, WorkingCalendar, statutoryHolidays, type CalendarOverride } from './working-calendar.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** An Almaty wall-clock time (UTC+5 since March 2024) as a Date. */
const almaty = (localIso: string) => new Date(`${localIso}+05:00`);
/** The deadline instant for the end of an Almaty local date (UTC+5). */
const endOfAlmatyDay = (date: string) => new Date(`${date}T23:59:59.999+05:00`);
/** The Almaty local date of an instant, computed independently of the module (UTC+5). */
const almatyDate = (instant: Date) => new Date(instant.getTime() + 5 * HOUR_MS).toISOString().slice(0, 10);

const calendar = new WorkingCalendar();

describe('statutoryHolidays', () => {
  it('lists the public holidays of 2026 with their substitute days, sorted and without repeats', () => {
    expect(statutoryHolidays(2026)).toEqual([
      '2026-01-01', // Жаңа жыл
      '2026-01-02',
      '2026-01-07', // Рождество Христово
      '2026-03-08', // 8 March, a Sunday…
      '2026-03-09', // …moved to Monday
      '2026-03-15', // Конституция күні, a Sunday…
      '2026-03-16', // …moved to Monday
      '2026-03-21', // Наурыз: Saturday to Monday, and the weekend days substituted by 23–24 March
      '2026-03-22',
      '2026-03-23', // listed twice by the package (holiday and substitute): kept once
      '2026-03-24',
      '2026-05-01',
      '2026-05-07',
      '2026-05-09', // Victory Day, a Saturday…
      '2026-05-11', // …moved to Monday
      '2026-05-27', // Құрбан айт (lunar calendar)
      '2026-07-06',
      '2026-10-25',
      '2026-10-26',
      '2026-12-16',
    ]);
  });

  it('includes Nauryz, New Year and Independence Day every year, sorted and unique', () => {
    for (let year = 2020; year <= 2030; year += 1) {
      const holidays = statutoryHolidays(year);
      expect(holidays, String(year)).toEqual([...new Set(holidays)].sort());
      expect(holidays, String(year)).toEqual(expect.arrayContaining([`${year}-01-01`, `${year}-03-21`, `${year}-03-22`, `${year}-03-23`, `${year}-12-16`]));
      for (const date of holidays) expect(date.startsWith(`${year}-`), date).toBe(true);
    }
  });

  it('hands out copies, so a caller cannot change the memoised list', () => {
    const first = statutoryHolidays(2025);
    first.length = 0;
    first.push('2025-06-15');
    expect(statutoryHolidays(2025)).toContain('2025-01-01');
    expect(statutoryHolidays(2025)).not.toContain('2025-06-15');
    expect(calendar.isWorkingDay('2025-01-01')).toBe(false);
  });

  it('rejects something that is not a year', () => {
    for (const year of [2026.5, Number.NaN, 0, -1, 10_000]) expect(() => statutoryHolidays(year), String(year)).toThrow(RangeError);
  });
});

describe('WorkingCalendar.isWorkingDay', () => {
  it('works Monday to Friday and rests on Saturday and Sunday', () => {
    expect(['2026-04-13', '2026-04-14', '2026-04-15', '2026-04-16', '2026-04-17'].map((d) => calendar.isWorkingDay(d))).toEqual([true, true, true, true, true]);
    expect(calendar.isWorkingDay('2026-04-18')).toBe(false);
    expect(calendar.isWorkingDay('2026-04-19')).toBe(false);
  });

  it('rests on holidays and on their substitute days', () => {
    expect(calendar.isWorkingDay('2026-03-23')).toBe(false); // Nauryz, Monday
    expect(calendar.isWorkingDay('2026-03-24')).toBe(false); // substitute, Tuesday
    expect(calendar.isWorkingDay('2026-05-11')).toBe(false); // substitute for 9 May
    expect(calendar.isWorkingDay('2026-12-16')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-25')).toBe(true);
  });

  it('lets a transfer make a Saturday or a holiday a working day, and a Wednesday a day off', () => {
    const transfers = new WorkingCalendar([
      { date: '2026-04-25', kind: 'workday', note: 'Saturday worked instead of 22 April' },
      { date: '2026-04-22', kind: 'holiday' },
      { date: '2026-03-24', kind: 'workday' },
    ]);
    expect(transfers.isWorkingDay('2026-04-25')).toBe(true);
    expect(transfers.isWorkingDay('2026-04-22')).toBe(false);
    expect(transfers.isWorkingDay('2026-03-24')).toBe(true);
    expect(transfers.isWorkingDay('2026-04-26')).toBe(false); // the Sunday stays off
    expect(calendar.isWorkingDay('2026-04-22')).toBe(true); // other calendars are not affected
  });

  it('rejects dates that are malformed or do not exist', () => {
    for (const junk of ['', '2026-3-1', '2026/03/01', '01.03.2026', '2026-02-29', '2026-04-31', '2026-13-01', '2026-03-01T00:00']) {
      expect(() => calendar.isWorkingDay(junk), junk).toThrow(RangeError);
    }
    expect(calendar.isWorkingDay('2024-02-29')).toBe(true);
  });
});

describe('WorkingCalendar overrides', () => {
  it('accepts the same override twice but not two opposite ones for one date', () => {
    expect(() => new WorkingCalendar([{ date: '2026-04-25', kind: 'workday' }, { date: '2026-04-25', kind: 'workday' }])).not.toThrow();
    expect(() => new WorkingCalendar([{ date: '2026-04-25', kind: 'workday' }, { date: '2026-04-25', kind: 'holiday' }])).toThrow(RangeError);
  });

  it('rejects an override with a bad date or kind', () => {
    expect(() => new WorkingCalendar([{ date: '2026-02-30', kind: 'holiday' }])).toThrow(RangeError);
    expect(() => new WorkingCalendar([{ date: '2026-04-25', kind: 'weekend' } as unknown as CalendarOverride])).toThrow(RangeError);
  });
});

describe('WorkingCalendar.addWorkingDays', () => {
  it('gives Monday end of day for one working day after a Friday', () => {
    const deadline = calendar.addWorkingDays(almaty('2026-04-17T10:00'), 1);
    expect(deadline).toEqual(endOfAlmatyDay('2026-04-20'));
    expect(deadline.toISOString()).toBe('2026-04-20T18:59:59.999Z');
  });

  it('skips Nauryz (21–24 March 2026) when counting 15 working days', () => {
    // 20 March, then 25 March onwards: the 15th working day is 13 April, not 9 April.
    expect(calendar.addWorkingDays(almaty('2026-03-19T15:00'), 15)).toEqual(endOfAlmatyDay('2026-04-13'));
    expect(calendar.addWorkingDays(almaty('2026-03-20T09:00'), 1)).toEqual(endOfAlmatyDay('2026-03-25'));
  });

  it('counts a Saturday made a working day', () => {
    const transfers = new WorkingCalendar([{ date: '2026-04-25', kind: 'workday' }]);
    expect(transfers.addWorkingDays(almaty('2026-04-24T12:00'), 1)).toEqual(endOfAlmatyDay('2026-04-25'));
    expect(transfers.addWorkingDays(almaty('2026-04-24T12:00'), 2)).toEqual(endOfAlmatyDay('2026-04-27'));
    expect(calendar.addWorkingDays(almaty('2026-04-24T12:00'), 1)).toEqual(endOfAlmatyDay('2026-04-27'));
  });

  it('skips a Wednesday made a day off', () => {
    const transfers = new WorkingCalendar([{ date: '2026-04-22', kind: 'holiday' }]);
    expect(transfers.addWorkingDays(almaty('2026-04-21T12:00'), 1)).toEqual(endOfAlmatyDay('2026-04-23'));
    expect(calendar.addWorkingDays(almaty('2026-04-21T12:00'), 1)).toEqual(endOfAlmatyDay('2026-04-22'));
  });

  it('counts from the Almaty date, not the UTC one', () => {
    // 23:30 on Monday in Almaty is 18:30 UTC on Monday: the count starts after Monday.
    const lateMonday = new Date('2026-02-23T18:30:00Z');
    expect(calendar.addWorkingDays(lateMonday, 1)).toEqual(endOfAlmatyDay('2026-02-24'));
    // 00:30 on Tuesday in Almaty is still Monday (19:30) in UTC: the count starts after Tuesday.
    const earlyTuesday = new Date('2026-02-23T19:30:00Z');
    expect(calendar.addWorkingDays(earlyTuesday, 1)).toEqual(endOfAlmatyDay('2026-02-25'));
    // The last millisecond of a day and the first of the next.
    expect(calendar.addWorkingDays(new Date('2026-02-23T18:59:59.999Z'), 1)).toEqual(endOfAlmatyDay('2026-02-24'));
    expect(calendar.addWorkingDays(new Date('2026-02-23T19:00:00.000Z'), 1)).toEqual(endOfAlmatyDay('2026-02-25'));
  });

  it('starts after a weekend or holiday submission from the next working day', () => {
    expect(calendar.addWorkingDays(almaty('2026-04-18T11:00'), 1)).toEqual(endOfAlmatyDay('2026-04-20')); // Saturday
    expect(calendar.addWorkingDays(almaty('2026-03-23T11:00'), 1)).toEqual(endOfAlmatyDay('2026-03-25')); // Nauryz
  });

  it('crosses the year end and its holidays', () => {
    // Wednesday 31 December 2025; 1–2 January off, weekend, Wednesday 7 January off.
    expect(calendar.addWorkingDays(almaty('2025-12-31T16:00'), 1)).toEqual(endOfAlmatyDay('2026-01-05'));
    expect(calendar.addWorkingDays(almaty('2025-12-31T16:00'), 3)).toEqual(endOfAlmatyDay('2026-01-08'));
  });

  it('gives the end of the start day itself for zero days', () => {
    expect(calendar.addWorkingDays(almaty('2026-04-17T10:00'), 0)).toEqual(endOfAlmatyDay('2026-04-17'));
    expect(calendar.addWorkingDays(almaty('2026-04-18T10:00'), 0)).toEqual(endOfAlmatyDay('2026-04-18'));
  });

  it('rejects negative, fractional and non-finite day counts, and invalid dates', () => {
    const start = almaty('2026-04-17T10:00');
    for (const days of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => calendar.addWorkingDays(start, days), String(days)).toThrow(RangeError);
    }
    expect(() => calendar.addWorkingDays(new Date('not a date'), 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(start, 1, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('used UTC+6 in Almaty before 1 March 2024, and ended 29 February 2024 on UTC+5', () => {
    // Thursday 15 June 2023, 23:30 local (UTC+6) is 17:30 UTC: one working day is Friday.
    expect(calendar.addWorkingDays(new Date('2023-06-15T17:30:00Z'), 1).toISOString()).toBe('2023-06-16T17:59:59.999Z');
    // 18:30 UTC was already 00:30 on Friday in Almaty: one working day is Monday.
    expect(calendar.addWorkingDays(new Date('2023-06-15T18:30:00Z'), 1).toISOString()).toBe('2023-06-19T17:59:59.999Z');
    // Clocks went back from 24:00 (UTC+6) to 23:00 (UTC+5) at 18:00 UTC on 29 February 2024.
    const wednesday = new Date('2024-02-28T10:00:00Z');
    expect(calendar.addWorkingDays(wednesday, 0).toISOString()).toBe('2024-02-28T17:59:59.999Z');
    expect(calendar.addWorkingDays(wednesday, 1).toISOString()).toBe('2024-02-29T18:59:59.999Z');
    expect(calendar.addWorkingDays(wednesday, 2).toISOString()).toBe('2024-03-01T18:59:59.999Z');
    // 18:30 UTC on 29 February 2024 was 23:30 on the repeated hour, still Thursday.
    expect(calendar.addWorkingDays(new Date('2024-02-29T18:30:00Z'), 1).toISOString()).toBe('2024-03-01T18:59:59.999Z');
  });

  it('agrees with the time zone data of Intl about Almaty, when that data knows of 2024', () => {
    const offsetIn2026 = new Intl.DateTimeFormat('en-US', { timeZone: ALMATY_TIME_ZONE, timeZoneName: 'longOffset' }).format(new Date('2026-06-01'));
    if (!offsetIn2026.endsWith('GMT+05:00')) return; // ICU data older than 2024a: nothing to compare with
    const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: ALMATY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = Date.UTC(2023, 0, 1, 7, 13); t < Date.UTC(2027, 0, 1); t += 7 * DAY_MS + 5 * HOUR_MS) {
      const deadline = calendar.addWorkingDays(new Date(t), 0);
      expect(localDate.format(deadline), new Date(t).toISOString()).toBe(localDate.format(new Date(t)));
      expect(localDate.format(new Date(deadline.getTime() + 1)), new Date(t).toISOString()).not.toBe(localDate.format(new Date(t)));
    }
  });

  it('follows another time zone when asked, daylight saving time included', () => {
    // Moscow, UTC+3: Friday + 1 = Monday 23:59:59.999 +03.
    expect(calendar.addWorkingDays(new Date('2026-04-17T07:00:00Z'), 1, 'Europe/Moscow').toISOString()).toBe('2026-04-20T20:59:59.999Z');
    // Berlin moved to UTC+2 on Sunday 29 March 2026.
    expect(calendar.addWorkingDays(new Date('2026-03-27T10:00:00Z'), 1, 'Europe/Berlin').toISOString()).toBe('2026-03-30T21:59:59.999Z');
    expect(calendar.addWorkingDays(new Date('2026-03-27T10:00:00Z'), 0, 'Europe/Berlin').toISOString()).toBe('2026-03-27T22:59:59.999Z');
    // São Paulo skipped midnight on 4 November 2018 (00:00 → 01:00): 3 November ended at 03:00 UTC.
    const saturdayWorked = new WorkingCalendar([{ date: '2018-11-03', kind: 'workday' }]);
    expect(saturdayWorked.addWorkingDays(new Date('2018-11-02T15:00:00Z'), 1, 'America/Sao_Paulo').toISOString()).toBe('2018-11-04T02:59:59.999Z');
  });
});

describe('WorkingCalendar.workingDaysBetween', () => {
  it('counts the working days after the first date up to and including the second', () => {
    expect(calendar.workingDaysBetween(almaty('2026-04-17T10:00'), almaty('2026-04-17T18:00'))).toBe(0);
    expect(calendar.workingDaysBetween(almaty('2026-04-17T10:00'), almaty('2026-04-19T18:00'))).toBe(0);
    expect(calendar.workingDaysBetween(almaty('2026-04-17T10:00'), almaty('2026-04-20T00:01'))).toBe(1);
    expect(calendar.workingDaysBetween(almaty('2026-03-19T10:00'), almaty('2026-04-13T10:00'))).toBe(15);
  });

  it('is negative when the second date comes first', () => {
    expect(calendar.workingDaysBetween(almaty('2026-04-13T10:00'), almaty('2026-03-19T10:00'))).toBe(-15);
    expect(calendar.workingDaysBetween(almaty('2026-04-20T10:00'), almaty('2026-04-17T10:00'))).toBe(-1);
  });

  it('uses Almaty dates: 23:30 Monday and 00:30 Tuesday are a working day apart', () => {
    expect(calendar.workingDaysBetween(new Date('2026-02-23T18:30:00Z'), new Date('2026-02-23T19:30:00Z'))).toBe(1);
  });

  it('honours overrides', () => {
    const transfers = new WorkingCalendar([
      { date: '2026-04-25', kind: 'workday' },
      { date: '2026-04-22', kind: 'holiday' },
    ]);
    expect(calendar.workingDaysBetween(almaty('2026-04-19T10:00'), almaty('2026-04-26T10:00'))).toBe(5);
    expect(transfers.workingDaysBetween(almaty('2026-04-19T10:00'), almaty('2026-04-26T10:00'))).toBe(5);
    expect(transfers.workingDaysBetween(almaty('2026-04-19T10:00'), almaty('2026-04-25T10:00'))).toBe(5);
    expect(transfers.workingDaysBetween(almaty('2026-04-19T10:00'), almaty('2026-04-24T10:00'))).toBe(4);
  });
});

describe('WorkingCalendar properties', () => {
  const overrideDates = fc.integer({ min: 0, max: 900 }).map((n) => new Date(Date.UTC(2024, 2, 1) + n * DAY_MS).toISOString().slice(0, 10));
  const overridesArb = fc.uniqueArray(
    fc.record({ date: overrideDates, kind: fc.constantFrom('holiday' as const, 'workday' as const) }),
    { selector: (o) => o.date, maxLength: 12 },
  );
  // Instants from March 2024 (Almaty on UTC+5) to the end of 2026.
  const instantArb = fc.integer({ min: Date.UTC(2024, 2, 1), max: Date.UTC(2026, 11, 31) }).map((ms) => new Date(ms));

  it('ends every deadline at the last millisecond of a working day, n working days later', () => {
    fc.assert(
      fc.property(overridesArb, instantArb, fc.integer({ min: 0, max: 60 }), (overrides, start, n) => {
        const cal = new WorkingCalendar(overrides);
        const deadline = cal.addWorkingDays(start, n);
        expect(cal.workingDaysBetween(start, deadline)).toBe(n);
        expect(almatyDate(new Date(deadline.getTime() + 1))).not.toBe(almatyDate(deadline));
        expect(deadline.getTime()).toBeGreaterThan(start.getTime());
        if (n >= 1) {
          expect(cal.isWorkingDay(almatyDate(deadline))).toBe(true);
          expect(cal.addWorkingDays(start, n - 1).getTime()).toBeLessThan(deadline.getTime());
        } else {
          expect(almatyDate(deadline)).toBe(almatyDate(start));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is antisymmetric and additive in workingDaysBetween', () => {
    fc.assert(
      fc.property(instantArb, instantArb, instantArb, (a, b, c) => {
        expect(calendar.workingDaysBetween(b, a) + calendar.workingDaysBetween(a, b)).toBe(0);
        expect(Object.is(calendar.workingDaysBetween(a, a), 0)).toBe(true);
        expect(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c)).toBe(calendar.workingDaysBetween(a, c));
      }),
      { numRuns: 100 },
    );
  });
});
