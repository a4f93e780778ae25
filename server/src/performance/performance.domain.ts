// Pure rules of the performance module: periods, achievement against targets, traffic lights,
// CompStat windows, survey aggregation and money. No database here, so all of it is unit-tested.

export const programmeKinds = ['target_programme', 'plan', 'state_programme', 'staffing_plan'] as const;
export type ProgrammeKind = (typeof programmeKinds)[number];

export const measureStatuses = ['planned', 'in_progress', 'done', 'overdue', 'cancelled'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

/** What an indicator counts in. `per_100k` = per 100 000 residents. */
export const indicatorUnits = ['count', 'percent', 'per_100k', 'tenge', 'residents', 'days', 'minutes'] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];

export const directions = ['lower_better', 'higher_better'] as const;
export type Direction = (typeof directions)[number];

/** `value`: reach this value; `change_percent`: change the baseline by this many percent (−10 = down a tenth). */
export const targetKinds = ['value', 'change_percent'] as const;
export type TargetKind = (typeof targetKinds)[number];

export const periodKinds = ['day', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export const lights = ['green', 'amber', 'red', 'no_target', 'no_data'] as const;
export type Light = (typeof lights)[number];

// ---- Periods ---------------------------------------------------------------------------------

export interface Period {
  kind: PeriodKind;
  code: string;
  /** ISO dates, both inclusive. */
  start: string;
  end: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const PERIOD_PATTERN = /^(20\d{2}|19\d{2})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?))?$/;

/** Parses `2021`, `2021-Q1`, `2021-03` or `2021-03-15`; null when it is none of them or not a real date. */
export function parsePeriod(code: string): Period | null {
  const m = PERIOD_PATTERN.exec(code.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const normalized = code.trim();
  if (m[2]) {
    const q = Number(m[2]);
    const firstMonth = (q - 1) * 3 + 1;
    return { kind: 'quarter', code: normalized, start: isoDate(year, firstMonth, 1), end: isoDate(year, firstMonth + 2, daysInMonth(year, firstMonth + 2)) };
  }
  if (m[3] && m[4]) {
    const month = Number(m[3]);
    const day = Number(m[4]);
    if (day > daysInMonth(year, month)) return null;
    const d = isoDate(year, month, day);
    return { kind: 'day', code: normalized, start: d, end: d };
  }
  if (m[3]) {
    const month = Number(m[3]);
    return { kind: 'month', code: normalized, start: isoDate(year, month, 1), end: isoDate(year, month, daysInMonth(year, month)) };
  }
  return { kind: 'year', code: normalized, start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
}

/** The last period of this kind that has ended before `today`, e.g. 2026-Q3 on 2026-11-26. */
export function lastCompletedPeriod(kind: 'month' | 'quarter' | 'year', today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  if (kind === 'year') return String(y - 1);
  if (kind === 'month') return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

const DAY_MS = 86_400_000;
export const toDayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const fromDayNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const addDays = (iso: string, days: number): string => fromDayNumber(toDayNumber(iso) + days);

/** The same calendar date a year earlier; 29 February becomes 28 February. */
export function sameDayLastYear(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return isoDate(y - 1, m, Math.min(d, daysInMonth(y - 1, m)));
}

// ---- Achievement and lights ------------------------------------------------------------------

export interface TargetSpec {
  direction: Direction;
  baseline: number | null;
  targetKind: TargetKind;
  target: number | null;
}

/** The value to reach: the target itself, or the baseline changed by the target percentage. */
export function effectiveTarget(spec: TargetSpec): number | null {
  if (spec.target === null) return null;
  if (spec.targetKind === 'value') return spec.target;
  if (spec.baseline === null) return null;
  // Rounded to 15 significant digits so that 44.3 × 1.10 is 48.73, not 48.730000000000004: a value
  // entered as exactly the displayed target must reach 100 %, not 99.99999999999 % (amber).
  return Number((spec.baseline * (1 + spec.target / 100)).toPrecision(15));
}

/** True when `a` is at least as good as `b` in the indicator's direction. */
export const atLeastAsGood = (direction: Direction, a: number, b: number): boolean => (direction === 'lower_better' ? a <= b : a >= b);

/**
 * Achievement in percent: 100 means the target is met.
 * With a baseline, it is the share of the planned way from baseline to target covered so far
 * (negative when the value moved the wrong way). Without one, it is current ÷ target when higher is
 * better and target ÷ current when lower is better. Null when it cannot be said.
 */
export function achievement(spec: TargetSpec, current: number | null): number | null {
  const result = rawAchievement(spec, current);
  return result !== null && Number.isFinite(result) ? result : null;
}

function rawAchievement(spec: TargetSpec, current: number | null): number | null {
  const target = effectiveTarget(spec);
  if (target === null || current === null || !Number.isFinite(current)) return null;
  const { baseline, direction } = spec;
  if (baseline !== null && baseline !== target) {
    const plannedWayIsRightDirection = direction === 'lower_better' ? target < baseline : target > baseline;
    if (plannedWayIsRightDirection) return ((current - baseline) / (target - baseline)) * 100;
  }
  if (direction === 'higher_better') {
    if (target === 0) return current >= 0 ? 100 : 0;
    return (current / target) * 100;
  }
  if (current === 0) return target >= 0 ? 100 : 0;
  if (target === 0) return 0;
  return (target / current) * 100;
}

export interface LightInput extends TargetSpec {
  current: number | null;
  thresholds: { green: number; amber: number };
}

export function light(input: LightInput): Light {
  if (input.current === null) return 'no_data';
  const a = achievement(input, input.current);
  if (a === null) return 'no_target';
  if (a >= input.thresholds.green) return 'green';
  if (a >= input.thresholds.amber) return 'amber';
  return 'red';
}

/** Improvement since the baseline, in the indicator's units, positive when things got better. */
export function improvement(direction: Direction, baseline: number | null, current: number | null): number | null {
  if (baseline === null || current === null) return null;
  return direction === 'lower_better' ? baseline - current : current - baseline;
}

/**
 * Money spent per point of improvement (tiyn per unit of the indicator), when both exist and the
 * indicator improved; otherwise null (no cost per point for a figure that got worse).
 */
export function costPerPoint(spentTiyn: number | null, improved: number | null): number | null {
  // An improvement within float noise (23.400000000000002 − 23.4) is no improvement.
  if (spentTiyn === null || improved === null || !(improved > 1e-9) || spentTiyn <= 0) return null;
  const cost = Math.round(spentTiyn / improved);
  return Number.isSafeInteger(cost) ? cost : null;
}

/** The largest figure an indicator value may hold (beyond it, sums stop being exact). */
export const MAX_INDICATOR_VALUE = 1e12;
/** The largest single budget amount: 1 trillion tenge, so totals of many lines stay exact integers. */
export const MAX_AMOUNT_TIYN = 100_000_000_000_000;

// ---- Money -----------------------------------------------------------------------------------

const MONEY_PATTERN = /^(-)?(\d{1,15})(?:[.,](\d{1,2}))?$/;

/**
 * Tenge as typed by people (`409 178 000`, `409178000,50`, `1 795 680 000 ₸`) → integer tiyn.
 * Null when it is not an amount; never goes through a float.
 */
export function parseTenge(input: string | number): number | null {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    return parseTenge(input.toFixed(2));
  }
  const cleaned = input.replace(/[\s\u00a0\u202f']/g, '').replace(/(₸|тг\.?|тенге|KZT)$/i, '');
  const m = MONEY_PATTERN.exec(cleaned);
  if (!m) return null;
  const tiyn = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  const signed = m[1] ? -tiyn : tiyn;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(signed);
}

/** Exact sum of integer tiyn amounts (BigInt inside, so no rounding can creep in). */
export function sumTiyn(amounts: readonly (number | null)[]): number | null {
  let total = 0n;
  let any = false;
  for (const a of amounts) {
    if (a === null) continue;
    if (!Number.isSafeInteger(a)) throw new RangeError(`not an integer amount of tiyn: ${a}`);
    total += BigInt(a);
    any = true;
  }
  return any ? Number(total) : null;
}

/** `40917800000` tiyn → `409178000.00` (for CSV and PDFs; the web formats by locale). */
export function tiynToTengeString(tiyn: number): string {
  const negative = tiyn < 0;
  const abs = BigInt(Math.abs(tiyn));
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

// ---- CompStat --------------------------------------------------------------------------------

export const compstatWindows = ['week_to_date', 'days_28', 'year_to_date'] as const;
export type CompstatWindow = (typeof compstatWindows)[number];

export interface DateRange {
  start: string;
  end: string;
}

/** The window ending on `asOf` and the same window a year earlier. Weeks start on Monday (ISO). */
export function compstatRanges(window: CompstatWindow, asOf: string): { current: DateRange; prior: DateRange } {
  const end = asOf;
  let start: string;
  if (window === 'week_to_date') {
    const weekday = (new Date(`${asOf}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
    start = addDays(asOf, -weekday);
  } else if (window === 'days_28') {
    start = addDays(asOf, -27);
  } else {
    start = `${asOf.slice(0, 4)}-01-01`;
  }
  if (window === 'week_to_date') {
    // The same weekdays 52 weeks earlier, so Mondays compare with Mondays.
    return { current: { start, end }, prior: { start: addDays(start, -364), end: addDays(end, -364) } };
  }
  if (window === 'days_28') {
    // Ends on the same date a year earlier and is 28 days long too, even when either window holds 29 February.
    const priorEnd = sameDayLastYear(end);
    return { current: { start, end }, prior: { start: addDays(priorEnd, -27), end: priorEnd } };
  }
  return { current: { start, end }, prior: { start: sameDayLastYear(start), end: sameDayLastYear(end) } };
}

export interface DatedValue {
  start: string;
  end: string;
  value: number;
}

/**
 * Sum of the values whose periods lie inside the range, or null when those periods do not cover every
 * day of it (a count with a gap would understate the window).
 */
export function sumOver(values: readonly DatedValue[], range: DateRange): number | null {
  const from = toDayNumber(range.start);
  const to = toDayNumber(range.end);
  const covered = new Set<number>();
  let sum = 0;
  // Longest periods first (a stable sort keeps the given order among equals): calendar periods nest,
  // so a month is taken whole and its days skipped, whatever order the values came in. Taking the
  // days first would skip a month that covers days they leave out, and report a gap that is not there.
  const longestFirst = [...values].sort((a, b) => toDayNumber(b.end) - toDayNumber(b.start) - (toDayNumber(a.end) - toDayNumber(a.start)));
  for (const v of longestFirst) {
    const s = toDayNumber(v.start);
    const e = toDayNumber(v.end);
    if (s < from || e > to) continue;
    let overlaps = false;
    for (let d = s; d <= e; d++) if (covered.has(d)) overlaps = true;
    if (overlaps) continue; // a month and its days together would count twice
    for (let d = s; d <= e; d++) covered.add(d);
    sum += v.value;
  }
  return covered.size === to - from + 1 ? sum : null;
}

/** Poisson z for two counts (variance-stabilised): 2(√current − √prior). */
export const poissonZ = (current: number, prior: number): number => 2 * (Math.sqrt(current) - Math.sqrt(prior));

export const SIGNIFICANT_Z = 3;

export interface CompstatCell {
  window: CompstatWindow;
  current: DateRange & { count: number | null };
  prior: DateRange & { count: number | null };
  change: number | null;
  changePercent: number | null;
  z: number | null;
  significant: boolean;
}

export function compstatCell(window: CompstatWindow, asOf: string, values: readonly DatedValue[]): CompstatCell {
  const ranges = compstatRanges(window, asOf);
  const current = sumOver(values, ranges.current);
  const prior = sumOver(values, ranges.prior);
  const both = current !== null && prior !== null;
  const z = both ? poissonZ(current, prior) : null;
  return {
    window,
    current: { ...ranges.current, count: current },
    prior: { ...ranges.prior, count: prior },
    change: both ? current - prior : null,
    changePercent: both && prior > 0 ? ((current - prior) / prior) * 100 : null,
    z,
    significant: z !== null && Math.abs(z) >= SIGNIFICANT_Z,
  };
}

export const per100k = (count: number, population: number): number => (count / population) * 100_000;

// ---- Trust survey ----------------------------------------------------------------------------

/** The standard items of police-legitimacy surveys. */
export const trustItems = ['job', 'confidence', 'fairness', 'respect', 'listens', 'reliable'] as const;
export type TrustItem = (typeof trustItems)[number];

export const surveyScales = ['1-5', '0-10'] as const;
export type SurveyScale = (typeof surveyScales)[number];

export const surveyContexts = ['appeal', 'reception', 'tow_release', 'portal'] as const;
export type SurveyContext = (typeof surveyContexts)[number];

export const scaleBounds: Record<SurveyScale, { min: number; max: number }> = { '1-5': { min: 1, max: 5 }, '0-10': { min: 0, max: 10 } };

/** Fewer answers than this in a cell are not published (noise, and a small cell can identify people). */
export const MIN_PUBLISHED_ANSWERS = 30;

/** An answer on its own scale → 0–100, so 1–5 and 0–10 answers can be pooled. */
export function normaliseScore(scale: SurveyScale, value: number): number {
  const { min, max } = scaleBounds[scale];
  return ((value - min) / (max - min)) * 100;
}

export type Aggregate =
  | { suppressed: true; n: null; mean: null; low: null; high: null }
  | { suppressed: false; n: number; mean: number; low: number; high: number };

/**
 * Mean on 0–100 with a 95 % interval (normal approximation, fine at n ≥ 30, clipped to 0–100);
 * suppressed below `minN`.
 */
export function aggregateScores(scores: readonly number[], minN = MIN_PUBLISHED_ANSWERS): Aggregate {
  const n = scores.length;
  if (n < minN || n < 2) return { suppressed: true, n: null, mean: null, low: null, high: null };
  const mean = scores.reduce((a, b) => a + b, 0) / n;
  const variance = scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = 1.96 * Math.sqrt(variance / n);
  return { suppressed: false, n, mean, low: Math.max(0, mean - half), high: Math.min(100, mean + half) };
}

const SUPPRESSED: Aggregate = { suppressed: true, n: null, mean: null, low: null, high: null };

/**
 * Complementary suppression for cells that add up to a published total (districts of the city): when
 * exactly one cell is suppressed, the total minus the others would reveal it, so the smallest published
 * cell is suppressed too.
 */
export function suppressComplement(cells: readonly Aggregate[]): Aggregate[] {
  const suppressed = cells.filter((c) => c.suppressed).length;
  if (suppressed !== 1) return [...cells];
  let smallest = -1;
  cells.forEach((c, i) => {
    if (!c.suppressed && (smallest < 0 || c.n < (cells[smallest] as { n: number }).n)) smallest = i;
  });
  return cells.map((c, i) => (i === smallest ? SUPPRESSED : c));
}
