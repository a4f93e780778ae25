// Calendar arithmetic on ISO dates (YYYY-MM-DD) in a dataset's own time zone: the staff map's
// default period and CompStat's two windows. Dates are plain calendar days, computed in UTC so that
// no local clock shift moves them.
import { dateParts } from '../../i18n/intl-fallback';

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day of an instant in a time zone. */
export function localDate(iso: string, timeZone: string): string {
  const p = dateParts(new Date(iso), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

function toUtc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const fromUtc = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** The same calendar day a year earlier (29 February becomes 28 February). */
export function yearEarlier(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y - 1}-${pad(m)}-${pad(day)}`;
}

export interface DateWindow {
  from: string;
  to: string;
}

/** The last `days` days up to and including `last`. */
export function lastDays(last: string, days: number): DateWindow {
  return { from: addDays(last, -(days - 1)), to: last };
}

/** CompStat's default: the last 28 days against the same 28 days a year earlier. */
export function compstatDefault(last: string): { earlier: DateWindow; recent: DateWindow } {
  const recent = lastDays(last, 28);
  return { earlier: { from: yearEarlier(recent.from), to: yearEarlier(recent.to) }, recent };
}

export const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toUtc(value).getTime());

/** Hours from `from` to `to` inclusive, across midnight when `to` is earlier (22 → 2 is 22, 23, 0, 1, 2). */
export function hourRange(from: number, to: number): number[] {
  const hours: number[] = [];
  for (let h = from; ; h = (h + 1) % 24) {
    hours.push(h);
    if (h === to || hours.length === 24) break;
  }
  return hours;
}
