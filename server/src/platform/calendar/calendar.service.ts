// The working calendar in force: the statutory one (working-calendar.ts) with the overrides that an
// administrator declared (calendar_overrides). Appeal deadlines count with it on every submission, so it
// is cached; the admin routes invalidate it after each change.
import { sql } from 'drizzle-orm';
import { createSwrCache } from '../cache/swr-cache.js';
import { queryRows, type Db, type DbOrTx } from '../db/db.js';
import { calendarOverrides } from '../platform.tables.js';
import { WorkingCalendar, type CalendarOverride } from './working-calendar.js';

/** The calendar as stored now, read without the cache (inside a transaction, or once for the demo data). */
export async function loadWorkingCalendar(db: DbOrTx): Promise<WorkingCalendar> {
  const rows = await db.select().from(calendarOverrides);
  return new WorkingCalendar(rows.map((r): CalendarOverride => ({ date: r.date, kind: r.kind, ...(r.note ? { note: r.note } : {}) })));
}

/** The fingerprint of what the calendar counts with (each override's date and kind), so another process's change is noticed. */
async function overridesVersion(db: Db): Promise<string> {
  const [row] = await queryRows<{ v: string }>(
    db,
    sql`select count(*) || ':' || coalesce(md5(string_agg(${calendarOverrides.date} || '=' || ${calendarOverrides.kind}, ',' order by ${calendarOverrides.date})), '') as v
        from ${calendarOverrides}`,
  );
  return row?.v ?? '';
}

const calendarCache = createSwrCache(loadWorkingCalendar, { version: overridesVersion });

/** One process on an embedded database keeps the calendar until a change; on PostgreSQL it re-checks after the TTL. */
export function configureCalendarCache(options: { ttlMs: number }): void {
  calendarCache.configure(options);
}

/** Every write to the overrides calls this after its commit. */
export function invalidateCalendarCache(): void {
  calendarCache.invalidate();
}

/** The working calendar that deadlines count with (cached). */
export function workingCalendar(db: Db): Promise<WorkingCalendar> {
  return calendarCache.get(db);
}
