// Working-day calendar of Almaty (Kazakhstan): weekends, statutory holidays with their substitute
// days, and the government's transfers of days off. Deadlines for answering residents are counted
// in working days, so this is what turns "15 working days" into a moment in time. Pure: no database.

import Holidays from 'date-holidays';

/**
 * A government transfer for one date (перенос выходных дней): an extra day off (`holiday`), or a
 * day that is worked although it is a weekend or a holiday (`workday`).
 */
export interface CalendarOverride {
  /** Local date, YYYY-MM-DD. */
  date: string;
  kind: 'holiday' | 'workday';
  note?: string;
}

export const ALMATY_TIME_ZONE = 'Asia/Almaty';

/** Today's date (or `now`'s) in the city's zone, as YYYY-MM-DD. */
export function cityToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ALMATY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---- Statutory holidays ------------------------------------------------------------------------

let kazakhstanHolidays: Holidays | undefined;
const holidaysByYear = new Map<number, readonly string[]>();
const holidaySetsByYear = new Map<number, ReadonlySet<string>>();

function holidaysOf(year: number): readonly string[] {
  let dates = holidaysByYear.get(year);
  if (dates === undefined) {
    kazakhstanHolidays ??= new Holidays('KZ');
    // `date` reads "YYYY-MM-DD hh:mm:ss[ ±hhmm]" in the country's own calendar, so its first ten
    // characters are the local date. A day can be listed twice (a holiday and a substitute for
    // another one, e.g. 23 March 2026), hence the Set.
    const local = kazakhstanHolidays
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10));
    dates = Object.freeze([...new Set(local)].sort());
    holidaysByYear.set(year, dates);
    holidaySetsByYear.set(year, new Set(dates));
  }
  return dates;
}

function isStatutoryHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  holidaysOf(year);
  return holidaySetsByYear.get(year)?.has(date) ?? false;
}

/**
 * Public holidays of Kazakhstan in `year`, substitute days included (a holiday falling on a
 * weekend moves to the next working day), as sorted local dates. From `date-holidays`; memoised.
 */
export function statutoryHolidays(year: number): string[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a calendar year: ${year}`);
  return [...holidaysOf(year)];
}

// ---- Local dates -------------------------------------------------------------------------------

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days since 1970-01-01 of a valid YYYY-MM-DD date; throws RangeError otherwise. */
function dayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`No such date: ${date}`);
  }
  return Math.round(ms / DAY_MS);
}

function dateOfDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
const weekdayOf = (n: number) => (((n + 4) % 7) + 7) % 7;

// Almaty has been on UTC+5 all year since 1 March 2024, when clocks went back from UTC+6 at local
// midnight (2024-02-29T18:00Z); there is no daylight saving time. The rule is written out here
// rather than read from the ICU data bundled with Node, which can predate the change and would then
// place every deadline an hour late. Other time zones go through Intl.
const ALMATY_SWITCH_TO_UTC5 = Date.UTC(2024, 1, 29, 18);
const ALMATY_LAST_UTC6_DAY = dayNumber('2024-02-28');

function almatyOffsetAt(instant: number): number {
  return (instant < ALMATY_SWITCH_TO_UTC5 ? 6 : 5) * HOUR_MS;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for a time zone Intl does not know.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function intlDayNumber(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(part('year'), part('month') - 1, part('day')) / DAY_MS);
}

/** The local date, as a day number, of `instant` in `timeZone`. */
function localDayNumber(instant: number, timeZone: string): number {
  if (timeZone === ALMATY_TIME_ZONE) return Math.floor((instant + almatyOffsetAt(instant)) / DAY_MS);
  return intlDayNumber(instant, timeZone);
}

/** The last millisecond whose local date in `timeZone` is `day`. */
function endOfLocalDay(day: number, timeZone: string): number {
  const nextMidnightAsUtc = (day + 1) * DAY_MS;
  if (timeZone === ALMATY_TIME_ZONE) {
    // The night of the switch, 29 February 2024, ended on UTC+5: 23:00–24:00 came twice.
    const offset = day <= ALMATY_LAST_UTC6_DAY ? 6 * HOUR_MS : 5 * HOUR_MS;
    return nextMidnightAsUtc - offset - 1;
  }
  // Every offset in use lies within ±14 h of UTC, so the next local day starts in this window;
  // the local date only grows with time, so a binary search finds its first millisecond, even
  // when a daylight-saving change skips or repeats midnight.
  let before = nextMidnightAsUtc - 15 * HOUR_MS; // still `day` or earlier
  let after = nextMidnightAsUtc + 15 * HOUR_MS; // already the next day or later
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (intlDayNumber(middle, timeZone) > day) after = middle;
    else before = middle;
  }
  return before;
}

function instantOf(date: Date, name: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is an invalid Date`);
  return ms;
}

// ---- The calendar ------------------------------------------------------------------------------

export class WorkingCalendar {
  readonly #overrides = new Map<string, CalendarOverride['kind']>();

  /** Overrides win over weekends and statutory holidays. Two opposite overrides of one date are an error. */
  constructor(overrides: CalendarOverride[] = []) {
    for (const override of overrides) {
      dayNumber(override.date);
      if (override.kind !== 'holiday' && override.kind !== 'workday') {
        throw new RangeError(`Unknown override kind for ${override.date}: ${String(override.kind)}`);
      }
      const existing = this.#overrides.get(override.date);
      if (existing !== undefined && existing !== override.kind) {
        throw new RangeError(`Conflicting overrides for ${override.date}: ${existing} and ${override.kind}`);
      }
      this.#overrides.set(override.date, override.kind);
    }
  }

  /** Whether the local date YYYY-MM-DD is worked: not Saturday, Sunday or a holiday, unless overridden. */
  isWorkingDay(date: string): boolean {
    return this.#isWorkingDayNumber(dayNumber(date));
  }

  /**
   * The deadline `days` working days after `start`: the end (23:59:59.999 local time) of the
   * `days`-th working day after the local date of `start`; the day of `start` itself never counts,
   * whatever the hour. `days = 0` gives the end of the start's own local day.
   */
  addWorkingDays(start: Date, days: number, timeZone = ALMATY_TIME_ZONE): Date {
    if (!Number.isSafeInteger(days) || days < 0) {
      throw new RangeError(`Working days must be a whole number ≥ 0, got ${days}`);
    }
    let day = localDayNumber(instantOf(start, 'start'), timeZone);
    for (let counted = 0; counted < days; ) {
      day += 1;
      if (this.#isWorkingDayNumber(day)) counted += 1;
    }
    return new Date(endOfLocalDay(day, timeZone));
  }

  /**
   * Working days after the local date of `from` up to and including the local date of `to`: the
   * count that `addWorkingDays` adds, so `workingDaysBetween(s, addWorkingDays(s, n)) === n`.
   * Negative when `to` is earlier (−3: three working days still to go before `from`).
   */
  workingDaysBetween(from: Date, to: Date, timeZone = ALMATY_TIME_ZONE): number {
    const first = localDayNumber(instantOf(from, 'from'), timeZone);
    const last = localDayNumber(instantOf(to, 'to'), timeZone);
    if (last < first) return 0 - this.#countWorkingDays(last, first); // 0 − n: never −0
    return this.#countWorkingDays(first, last);
  }

  /** Working days in the day numbers (after, upTo]. */
  #countWorkingDays(after: number, upTo: number): number {
    let count = 0;
    for (let day = after + 1; day <= upTo; day += 1) if (this.#isWorkingDayNumber(day)) count += 1;
    return count;
  }

  #isWorkingDayNumber(day: number): boolean {
    const date = dateOfDayNumber(day);
    const override = this.#overrides.get(date);
    if (override !== undefined) return override === 'workday';
    const weekday = weekdayOf(day);
    if (weekday === 0 || weekday === 6) return false;
    return !isStatutoryHoliday(date);
  }
}
