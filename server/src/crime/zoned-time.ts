// Local wall-clock times of a source (e.g. Vancouver's, or Almaty's) to UTC instants, through the
// platform's time-zone database (Intl). Offsets are cached per zone and quarter hour (clocks change on
// quarter hours of UTC: St. John's and Lord Howe change at half past), so a million rows cost a few
// thousand Intl calls, not a million.

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether the zone is one Intl knows (e.g. `Asia/Almaty`, `America/Vancouver`, `UTC`). */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

const QUARTER_MS = 900_000;

/** The zone's offset from UTC at an instant, in milliseconds (local = utc + offset). */
function offsetAt(zone: string, utcMs: number): number {
  const quarter = Math.floor(utcMs / QUARTER_MS);
  const key = `${zone}|${quarter}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const parts = formatter(zone).formatToParts(new Date(quarter * QUARTER_MS));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offset = local - quarter * QUARTER_MS;
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/**
 * The UTC instant of a local wall-clock time in `zone`. In the hour skipped when clocks go forward the
 * time is read with the offset before the change; in the repeated hour, as the first occurrence.
 */
export function zonedToUtc(zone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Offsets change on whole hours (or half and quarter hours, which a cache by the minute's hour would
  // blur: those zones are rare and skip the cache below).
  let perZone = localHourCache.get(zone);
  if (!perZone) localHourCache.set(zone, (perZone = new Map()));
  const localHour = Math.floor(asUtc / 3_600_000);
  const known = perZone.get(localHour);
  if (known !== undefined) return asUtc - known;
  const offset = resolveOffset(zone, asUtc);
  if (offset % 3_600_000 === 0 && offsetAt(zone, asUtc - offset + 3_599_000) === offsetAt(zone, asUtc - offset - (asUtc % 3_600_000))) {
    if (perZone.size > 200_000) perZone.clear();
    perZone.set(localHour, offset);
  }
  return asUtc - offset;
}

/** Per zone: the offset in force for each local wall-clock hour (hour number since the epoch, read as UTC). */
const localHourCache = new Map<string, Map<number, number>>();

function resolveOffset(zone: string, asUtc: number): number {
  // The offsets in force an offset-width either side; a candidate is right when the instant it gives has it.
  const candidates = [offsetAt(zone, asUtc - 14 * 3_600_000), offsetAt(zone, asUtc + 14 * 3_600_000), offsetAt(zone, asUtc - offsetAt(zone, asUtc))];
  const valid = candidates.filter((o) => offsetAt(zone, asUtc - o) === o);
  // Repeated hour: both are valid, take the first occurrence (the larger offset). Skipped hour: none is;
  // clocks went forward, so the offset before the change is the smaller one.
  return valid.length > 0 ? Math.max(...valid) : Math.min(...candidates);
}
