import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isValidTimeZone, zonedToUtc } from './zoned-time.js';

const iso = (ms: number) => new Date(ms).toISOString();

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local wall-clock reading of an instant in a zone, as Intl gives it (the independent side of each check). */
function wallClock(zone: string, ms: number): [number, number, number, number, number, number] {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, format);
  }
  const parts = format.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
}

describe('zonedToUtc: Almaty', () => {
  it('reads Almaty at UTC+5 since 1 March 2024', () => {
    expect(iso(zonedToUtc('Asia/Almaty', 2025, 6, 1, 12, 0))).toBe('2025-06-01T07:00:00.000Z');
    expect(iso(zonedToUtc('Asia/Almaty', 2026, 1, 15, 0, 30))).toBe('2026-01-14T19:30:00.000Z');
  });

  it('reads Almaty at UTC+6 before March 2024, as the platform time-zone database says for 2020', () => {
    // Pinned: this Node's Intl (ICU tz 2024a or later) gives GMT+06:00 for Almaty in 2020.
    const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Almaty', timeZoneName: 'longOffset' }).format(new Date('2020-06-01T00:00:00Z'));
    expect(offset).toMatch(/GMT\+06:00$/);
    expect(iso(zonedToUtc('Asia/Almaty', 2020, 6, 1, 12, 0))).toBe('2020-06-01T06:00:00.000Z');
    expect(iso(zonedToUtc('Asia/Almaty', 2024, 2, 28, 12, 0))).toBe('2024-02-28T06:00:00.000Z');
  });

  it('takes the first occurrence of the hour Almaty repeated when it moved from +6 to +5 (29 Feb 2024, 23:00–24:00)', () => {
    // At 1 March 00:00 (+6) = 29 Feb 18:00Z the clocks went back to 29 Feb 23:00 (+5).
    expect(iso(zonedToUtc('Asia/Almaty', 2024, 2, 29, 23, 30))).toBe('2024-02-29T17:30:00.000Z');
    expect(iso(zonedToUtc('Asia/Almaty', 2024, 3, 1, 0, 30))).toBe('2024-02-29T19:30:00.000Z');
  });
});

describe('zonedToUtc: Vancouver', () => {
  it('reads PST (UTC−8) in winter and PDT (UTC−7) in summer', () => {
    expect(iso(zonedToUtc('America/Vancouver', 2020, 1, 15, 12, 0))).toBe('2020-01-15T20:00:00.000Z');
    expect(iso(zonedToUtc('America/Vancouver', 2020, 7, 15, 12, 0))).toBe('2020-07-15T19:00:00.000Z');
    expect(iso(zonedToUtc('America/Vancouver', 2020, 12, 31, 23, 59, 59))).toBe('2021-01-01T07:59:59.000Z');
  });

  it('reads a time in the hour skipped on 8 March 2020 with the offset before the change (02:30 → 10:30Z)', () => {
    expect(iso(zonedToUtc('America/Vancouver', 2020, 3, 8, 2, 30))).toBe('2020-03-08T10:30:00.000Z');
    // …which is the same instant as 03:30 PDT, the first valid reading after the gap
    expect(zonedToUtc('America/Vancouver', 2020, 3, 8, 3, 30)).toBe(Date.parse('2020-03-08T10:30:00Z'));
    expect(iso(zonedToUtc('America/Vancouver', 2020, 3, 8, 1, 59))).toBe('2020-03-08T09:59:00.000Z');
  });

  it('reads a time in the hour repeated on 1 November 2020 as its first occurrence (01:30 → 08:30Z, PDT)', () => {
    expect(iso(zonedToUtc('America/Vancouver', 2020, 11, 1, 1, 30))).toBe('2020-11-01T08:30:00.000Z');
    expect(iso(zonedToUtc('America/Vancouver', 2020, 11, 1, 0, 30))).toBe('2020-11-01T07:30:00.000Z');
    expect(iso(zonedToUtc('America/Vancouver', 2020, 11, 1, 2, 30))).toBe('2020-11-01T10:30:00.000Z');
  });

  it('gives the same answer the second time (the offset caches do not change it)', () => {
    for (let round = 0; round < 2; round++) {
      expect(iso(zonedToUtc('America/Vancouver', 2020, 11, 1, 1, 0))).toBe('2020-11-01T08:00:00.000Z');
      expect(iso(zonedToUtc('America/Vancouver', 2020, 11, 1, 1, 59))).toBe('2020-11-01T08:59:00.000Z');
      expect(iso(zonedToUtc('America/Vancouver', 2020, 3, 8, 2, 0))).toBe('2020-03-08T10:00:00.000Z');
    }
  });

});

describe('zonedToUtc: zones off the whole hour', () => {
  it('reads Asia/Kolkata at UTC+5:30, every minute of an hour', () => {
    expect(iso(zonedToUtc('Asia/Kolkata', 2020, 6, 1, 12, 0))).toBe('2020-06-01T06:30:00.000Z');
    expect(iso(zonedToUtc('Asia/Kolkata', 2020, 6, 1, 12, 45))).toBe('2020-06-01T07:15:00.000Z');
    expect(iso(zonedToUtc('Asia/Kolkata', 2020, 1, 1, 0, 0))).toBe('2019-12-31T18:30:00.000Z');
  });

  it('reads Asia/Kathmandu at UTC+5:45 and Lord Howe Island with its half-hour summer time', () => {
    expect(iso(zonedToUtc('Asia/Kathmandu', 2020, 6, 1, 12, 0))).toBe('2020-06-01T06:15:00.000Z');
    expect(iso(zonedToUtc('Australia/Lord_Howe', 2020, 1, 15, 12, 0))).toBe('2020-01-15T01:00:00.000Z'); // +11
    expect(iso(zonedToUtc('Australia/Lord_Howe', 2020, 7, 15, 12, 0))).toBe('2020-07-15T01:30:00.000Z'); // +10:30
  });

  it("reads St. John's (UTC−3:30, summer −2:30) right in the half hour after its clocks change at half past a UTC hour", () => {
    // 8 March 2020, 02:00 NST (05:30Z) became 03:00 NDT; 1 November 2020, 02:00 NDT (04:30Z) became 01:00 NST.
    expect(iso(zonedToUtc('America/St_Johns', 2020, 3, 8, 3, 0))).toBe('2020-03-08T05:30:00.000Z');
    expect(iso(zonedToUtc('America/St_Johns', 2020, 3, 8, 3, 15))).toBe('2020-03-08T05:45:00.000Z');
    expect(iso(zonedToUtc('America/St_Johns', 2020, 11, 1, 1, 15))).toBe('2020-11-01T03:45:00.000Z'); // first occurrence
    expect(iso(zonedToUtc('America/St_Johns', 2020, 11, 1, 2, 15))).toBe('2020-11-01T05:45:00.000Z');
  });

  it('reads UTC as it is', () => {
    expect(iso(zonedToUtc('UTC', 2020, 2, 29, 23, 59, 30))).toBe('2020-02-29T23:59:30.000Z');
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and UTC', () => {
    for (const zone of ['Asia/Almaty', 'America/Vancouver', 'Asia/Kolkata', 'UTC', 'Europe/Moscow']) expect(isValidTimeZone(zone)).toBe(true);
  });

  it('refuses names that are not zones', () => {
    for (const zone of ['Mars/Olympus_Mons', 'Asia/Almatyy', 'GMT+25', 'not a zone']) expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('zonedToUtc: round trip', () => {
  const zones = ['America/Vancouver', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Almaty', 'Asia/Kolkata', 'Europe/London'];
  it('converts the wall-clock reading of any instant back to it (or, in a repeated hour, to its first occurrence)', () => {
    const start = Date.parse('2019-01-01T00:00:00Z') / 60_000;
    const end = Date.parse('2025-01-01T00:00:00Z') / 60_000;
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: start, max: end }), (zone, minute) => {
        const at = minute * 60_000;
        const [y, mo, d, h, mi, s] = wallClock(zone, at);
        const back = zonedToUtc(zone, y, mo, d, h, mi, s);
        expect(wallClock(zone, back)).toEqual([y, mo, d, h, mi, s]);
        expect(back).toBeLessThanOrEqual(at);
        expect(at - back).toBeLessThanOrEqual(3_600_000);
      }),
      { numRuns: 2000 },
    );
  });

  it('converts every quarter hour around the 2020 clock changes back (Vancouver, St. John\'s, Lord Howe)', () => {
    const around = [
      ['America/Vancouver', '2020-03-08T10:00:00Z'],
      ['America/Vancouver', '2020-11-01T09:00:00Z'],
      ['America/St_Johns', '2020-03-08T05:30:00Z'],
      ['America/St_Johns', '2020-11-01T04:30:00Z'],
      ['Australia/Lord_Howe', '2020-04-04T15:00:00Z'],
      ['Australia/Lord_Howe', '2020-10-03T15:30:00Z'],
    ] as const;
    for (const [zone, change] of around) {
      for (let at = Date.parse(change) - 3 * 3_600_000; at <= Date.parse(change) + 3 * 3_600_000; at += 900_000) {
        const reading = wallClock(zone, at);
        const back = zonedToUtc(zone, ...reading);
        expect(wallClock(zone, back), `${zone} ${iso(at)}`).toEqual(reading);
      }
    }
  });
});
