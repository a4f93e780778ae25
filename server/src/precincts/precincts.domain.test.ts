import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { almatyClock, hoursProblems, nextOpeningChange, normalizeKzPhone, openingState, totalWorkload, workload } from './precincts.domain.js';

describe('workload against the norms (п.9)', () => {
  it('counts residents per inspector and the inspectors still needed', () => {
    const w = workload(7500, 1);
    expect(w).toMatchObject({ perInspector: 7500, neededForNorm: 4, neededForTarget: 5, gapToNorm: 3, gapToTarget: 4, level: 'severe' });
  });
  it('grades the load: within target, within norm, over norm, severe, vacant, unknown', () => {
    expect(workload(1500, 1).level).toBe('within_target');
    expect(workload(1501, 1).level).toBe('within_norm');
    expect(workload(2300, 1).level).toBe('within_norm');
    expect(workload(4600, 1).level).toBe('over_norm');
    expect(workload(4601, 1).level).toBe('severe');
    expect(workload(3000, 0)).toMatchObject({ level: 'vacant', perInspector: null, gapToNorm: 2 });
    expect(workload(null, 2)).toMatchObject({ level: 'unknown', gapToNorm: null, perInspector: null });
  });
  it('never reports a negative gap when there are more inspectors than the norm needs', () => {
    expect(workload(1000, 3)).toMatchObject({ gapToNorm: 0, gapToTarget: 0 });
  });
  it('follows configured norms', () => {
    expect(workload(6000, 2, { norm: 3000, target: 2000 })).toMatchObject({ level: 'within_norm', gapToTarget: 1, gapToNorm: 0 });
  });
  it('sums a district on its totals, so staff can be redistributed inside it', () => {
    // 2 precincts: one vacant (3 000), one with two inspectors (1 000): 4 000 for 2 = 2 000 each.
    const t = totalWorkload([{ population: 3000, inspectors: 0 }, { population: 1000, inspectors: 2 }]);
    expect(t).toMatchObject({ population: 4000, inspectors: 2, perInspector: 2000, gapToNorm: 0, gapToTarget: 1 });
  });
  it('gap is ceil(population / norm) − inspectors, never below zero (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 3000 }), (population, inspectors) => {
        const w = workload(population, inspectors);
        expect(w.gapToNorm).toBe(Math.max(0, Math.ceil(population / 2300) - inspectors));
        expect(w.gapToTarget!).toBeGreaterThanOrEqual(w.gapToNorm!);
      }),
    );
  });
});

describe('reception hours', () => {
  const point = {
    allDay: false,
    hours: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '09:00', closes: '18:00' })),
    exceptions: [{ date: '2026-12-16', closed: true, note: 'Independence Day' }],
  };
  it('reads the Almaty clock (UTC+5)', () => {
    expect(almatyClock(new Date('2026-11-26T04:00:00Z'))).toEqual({ date: '2026-11-26', weekday: 4, minute: 9 * 60 });
    expect(almatyClock(new Date('2026-11-26T19:30:00Z'))).toMatchObject({ date: '2026-11-27', weekday: 5 });
  });
  it('is open inside the hours and closed outside, at weekends and on exceptions', () => {
    expect(openingState(point, new Date('2026-11-26T04:00:00Z')).open).toBe(true); // Thu 09:00
    expect(openingState(point, new Date('2026-11-26T03:59:00Z')).open).toBe(false); // Thu 08:59
    expect(openingState(point, new Date('2026-11-26T13:00:00Z')).open).toBe(false); // Thu 18:00 closes
    expect(openingState(point, new Date('2026-11-28T06:00:00Z'))).toMatchObject({ open: false, today: null }); // Saturday
    expect(openingState(point, new Date('2026-12-16T06:00:00Z'))).toMatchObject({ open: false, today: null, exception: { date: '2026-12-16' } });
  });
  it('a 24-hour post is always open', () => {
    expect(openingState({ allDay: true, hours: [], exceptions: [] }, new Date('2026-11-28T22:00:00Z')).open).toBe(true);
  });
  it('names what is wrong with a week of hours', () => {
    expect(hoursProblems(point.hours)).toEqual([]);
    expect(hoursProblems([{ day: 8, opens: '09:00', closes: '18:00' }])[0]).toMatch(/1 \(Monday\)/);
    expect(hoursProblems([{ day: 1, opens: '18:00', closes: '09:00' }])[0]).toMatch(/not after/);
    expect(hoursProblems([{ day: 1, opens: '9:00', closes: '18:00' }])[0]).toMatch(/HH:MM/);
    expect(hoursProblems([{ day: 2, opens: '09:00', closes: '18:00' }, { day: 2, opens: '10:00', closes: '11:00' }])[0]).toMatch(/twice/);
  });
});

describe('Kazakhstan phone numbers', () => {
  it.each([
    ['+7 701 123 45 67', '+77011234567'],
    ['8 (701) 123-45-67', '+77011234567'],
    ['87011234567', '+77011234567'],
    ['7011234567', '+77011234567'],
    ['+7 727 250 00 00', '+77272500000'],
  ])('%s → %s', (raw, e164) => expect(normalizeKzPhone(raw)).toBe(e164));
  it.each(['12345', '+1 202 555 0100', 'phone', '+7 701 123'])('refuses %s', (raw) => expect(normalizeKzPhone(raw)).toBeNull());
});

describe('when an opening state can next change', () => {
  const point = { allDay: false, hours: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '09:00', closes: '18:00' })), exceptions: [] };
  it('is the opening time before it, the closing time during the day, midnight after', () => {
    expect(nextOpeningChange(point, new Date('2026-11-26T02:30:00Z')).toISOString()).toBe('2026-11-26T04:00:00.000Z'); // 07:30 → 09:00
    expect(nextOpeningChange(point, new Date('2026-11-26T05:15:30Z')).toISOString()).toBe('2026-11-26T13:00:00.000Z'); // 10:15:30 → 18:00
    expect(nextOpeningChange(point, new Date('2026-11-26T14:00:00Z')).toISOString()).toBe('2026-11-26T19:00:00.000Z'); // 19:00 → midnight
    expect(nextOpeningChange({ allDay: true, hours: [], exceptions: [] }, new Date('2026-11-26T05:00:00Z')).toISOString()).toBe('2026-11-26T19:00:00.000Z');
  });
  it('never changes the state before it says (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 * 24 * 60 }), (offset) => {
        const at = new Date(Date.UTC(2026, 10, 23) + offset * 60_000);
        const next = nextOpeningChange(point, at);
        expect(next.getTime()).toBeGreaterThan(at.getTime());
        const before = openingState(point, at);
        const justBefore = openingState(point, new Date(next.getTime() - 1));
        expect(justBefore.open).toBe(before.open);
        expect(justBefore.today).toEqual(before.today);
      }),
    );
  });
});
