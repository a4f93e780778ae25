import type { z } from 'zod';
import { cityToday } from '../platform/calendar/working-calendar.js';
import type { LocalizedText } from '../platform/db/columns.js';
import {
  achievement,
  compstatCell,
  compstatRanges,
  compstatWindows,
  costPerPoint,
  effectiveTarget,
  improvement,
  light,
  lights,
  per100k,
  sumOver,
  sumTiyn,
  type CompstatWindow,
  type DatedValue,
  type Light,
  type PeriodKind,
} from './performance.domain.js';
import type { PerformanceRows, DistrictRow, IndicatorRow, ProgrammeRow, ValueRow, OfficialRow } from './performance.repository.js';
import type {
  compstatResponseSchema,
  indicatorCardSchema,
  indicatorDetailSchema,
  openIndicatorSchema,
  programmeScorecardSchema,
  programmeSummarySchema,
  rankingSchema,
  officialSchema,
  districtInfoSchema,
} from './performance.schema.js';

export type IndicatorCard = z.infer<typeof indicatorCardSchema>;
export type ProgrammeSummary = z.infer<typeof programmeSummarySchema>;
export type ProgrammeScorecard = z.infer<typeof programmeScorecardSchema>;
export type OpenIndicator = z.infer<typeof openIndicatorSchema>;
export type Ranking = z.infer<typeof rankingSchema>;
export type CompstatResponse = z.infer<typeof compstatResponseSchema>;
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;
type Official = z.infer<typeof officialSchema>;
type DistrictInfo = z.infer<typeof districtInfoSchema>;
type Point = { period: string; start: string; end: string; value: number; kind: PeriodKind; rolledUp: boolean; source: string };

export const CITY_ID = 'city';
export const cityName: LocalizedText = { ru: 'Весь город', kk: 'Бүкіл қала', en: 'Whole city' };
const TREND_POINTS = 24;

export { cityToday };

const num = (v: string | null): number | null => (v === null ? null : Number(v));

/** The read model of the module: rows indexed, every indicator's card computed once per data version. */
export class PerformanceSnapshot {
  readonly districtById = new Map<string, DistrictRow>();
  readonly officialById = new Map<string, OfficialRow>();
  readonly programmeById = new Map<string, ProgrammeRow>();
  readonly programmeByCode = new Map<string, ProgrammeRow>();
  readonly valuesByIndicator = new Map<string, ValueRow[]>();
  readonly cards = new Map<string, IndicatorCard>();
  readonly spentByProgramme = new Map<string, number | null>();
  /** The last day with a daily value: CompStat's default "as of". */
  readonly latestDay: string | null;
  readonly synthetic: boolean;

  constructor(readonly rows: PerformanceRows) {
    for (const d of rows.districts) this.districtById.set(d.id, d);
    for (const o of rows.officials) this.officialById.set(o.id, o);
    for (const p of rows.programmes) {
      this.programmeById.set(p.id, p);
      this.programmeByCode.set(p.code, p);
      this.spentByProgramme.set(p.id, sumTiyn(rows.budgetLines.filter((b) => b.programmeId === p.id).map((b) => b.spentTiyn)));
    }
    let latestDay: string | null = null;
    for (const v of rows.values) {
      let list = this.valuesByIndicator.get(v.indicatorId);
      if (!list) this.valuesByIndicator.set(v.indicatorId, (list = []));
      list.push(v);
      if (v.periodKind === 'day' && (latestDay === null || v.periodEnd > latestDay)) latestDay = v.periodEnd;
    }
    this.latestDay = latestDay;
    this.synthetic = rows.values.some((v) => v.synthetic) || rows.budgetLines.some((b) => b.synthetic);
    for (const i of rows.indicators) this.cards.set(i.id, this.buildCard(i));
  }

  department(id: string): { id: string; name: LocalizedText } {
    if (id === CITY_ID) return { id, name: cityName };
    const d = this.districtById.get(id);
    return { id, name: d?.name ?? { ru: id, kk: id, en: id } };
  }

  districtInfo(d: DistrictRow): DistrictInfo {
    return { id: d.id, name: d.name, population: d.population, populationYear: d.populationYear, approximate: d.approximate };
  }

  official(id: string | null): Official | null {
    const o = id ? this.officialById.get(id) : undefined;
    if (!o) return null;
    return { id: o.id, name: o.name, position: o.position, department: this.department(o.unitId), synthetic: o.synthetic };
  }

  datedValues(indicatorId: string): DatedValue[] {
    return (this.valuesByIndicator.get(indicatorId) ?? []).map((v) => ({ start: v.periodStart, end: v.periodEnd, value: Number(v.value) }));
  }

  /**
   * Values as points on a time line: entered values as they are, daily values rolled up into complete
   * months (a month entered explicitly wins over its days).
   */
  series(indicatorId: string): Point[] {
    const values = this.valuesByIndicator.get(indicatorId) ?? [];
    const points: Point[] = [];
    const explicit = new Set<string>();
    const days = new Map<string, { sum: number; count: number; end: string; source: string }>();
    for (const v of values) {
      if (v.periodKind !== 'day') {
        explicit.add(v.periodCode);
        points.push({ period: v.periodCode, start: v.periodStart, end: v.periodEnd, value: Number(v.value), kind: v.periodKind, rolledUp: false, source: v.source });
        continue;
      }
      const month = v.periodCode.slice(0, 7);
      const agg = days.get(month) ?? { sum: 0, count: 0, end: v.periodEnd, source: v.source };
      agg.sum += Number(v.value);
      agg.count += 1;
      days.set(month, agg);
    }
    for (const [month, agg] of days) {
      if (explicit.has(month)) continue;
      const [y, m] = month.split('-').map(Number) as [number, number];
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      if (agg.count < last) continue; // an incomplete month would look like a fall
      points.push({ period: month, start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}`, value: agg.sum, kind: 'month', rolledUp: true, source: agg.source });
    }
    const length = (p: Point) => Date.parse(p.end) - Date.parse(p.start);
    return points.sort((a, b) => a.end.localeCompare(b.end) || length(a) - length(b));
  }

  private buildCard(i: IndicatorRow): IndicatorCard {
    const series = this.series(i.id);
    // The latest period; of periods ending together (a quarter and its last month), the longest.
    const current = series.at(-1) ?? null;
    const trend = current ? series.filter((p) => p.kind === current.kind).slice(-TREND_POINTS) : [];
    const baselineValue = num(i.baselineValue);
    const targetValue = num(i.targetValue);
    const spec = { direction: i.direction, baseline: baselineValue, targetKind: i.targetKind, target: targetValue };
    const currentValue = current?.value ?? null;
    const improved = improvement(i.direction, baselineValue, currentValue);
    const programme = i.programmeId ? this.programmeById.get(i.programmeId) : undefined;
    const spent = programme ? (this.spentByProgramme.get(programme.id) ?? null) : null;
    return {
      id: i.id,
      code: i.code,
      department: this.department(i.unitId),
      name: i.name,
      unit: i.measure,
      direction: i.direction,
      baseline: baselineValue === null ? null : { period: i.baselinePeriod, value: baselineValue },
      target: targetValue === null ? null : { kind: i.targetKind, value: targetValue, effective: effectiveTarget(spec), date: i.targetDate },
      thresholds: i.thresholds,
      current: current ? { period: current.period, start: current.start, end: current.end, value: current.value, source: current.source, rolledUp: current.rolledUp } : null,
      achievement: achievement(spec, currentValue),
      light: light({ ...spec, current: currentValue, thresholds: i.thresholds }),
      trend: trend.map(({ period, value }) => ({ period, value })),
      improvement: improved,
      costPerPointTiyn: costPerPoint(spent, improved),
      dataSource: i.dataSource,
      sourceItem: i.sourceItem,
      note: i.note,
      programme: programme ? { code: programme.code, name: programme.name } : null,
      official: this.official(i.officialId ?? programme?.officialId ?? null),
      recommendationNumber: i.recommendationNumber,
      synthetic: i.synthetic,
    };
  }

  card(id: string): IndicatorCard | undefined {
    return this.cards.get(id);
  }

  cardsWhere(predicate: (i: IndicatorRow) => boolean): IndicatorCard[] {
    return this.rows.indicators.filter(predicate).map((i) => this.cards.get(i.id)!);
  }

  lightCounts(cards: readonly IndicatorCard[]): Record<Light, number> {
    const counts = Object.fromEntries(lights.map((l) => [l, 0])) as Record<Light, number>;
    for (const c of cards) counts[c.light]++;
    return counts;
  }

  programmeSummary(p: ProgrammeRow): ProgrammeSummary {
    const lines = this.rows.budgetLines.filter((b) => b.programmeId === p.id);
    const cards = this.cardsWhere((i) => i.programmeId === p.id);
    return {
      code: p.code,
      kind: p.kind,
      name: p.name,
      description: p.description,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      department: this.department(p.unitId),
      sourceItem: p.sourceItem,
      recommendationNumbers: p.recommendationNumbers,
      official: this.official(p.officialId),
      budget: {
        plannedTiyn: sumTiyn(lines.map((b) => b.plannedTiyn)),
        allocatedTiyn: sumTiyn(lines.map((b) => b.allocatedTiyn)),
        spentTiyn: sumTiyn(lines.map((b) => b.spentTiyn)),
        synthetic: lines.some((b) => b.synthetic),
      },
      lights: this.lightCounts(cards),
      indicatorCount: cards.length,
      measureCount: this.rows.measures.filter((m) => m.programmeId === p.id).length,
      declaredMeasureCount: p.declaredMeasureCount,
    };
  }

  programmeScorecard(p: ProgrammeRow): ProgrammeScorecard {
    const byNumber = (a: string, b: string) => a.localeCompare(b, 'ru', { numeric: true });
    return {
      ...this.programmeSummary(p),
      budgetLines: this.rows.budgetLines
        .filter((b) => b.programmeId === p.id)
        .map((b) => ({ id: b.id, year: b.year, label: b.label, plannedTiyn: b.plannedTiyn, allocatedTiyn: b.allocatedTiyn, spentTiyn: b.spentTiyn, source: b.source, synthetic: b.synthetic })),
      measures: this.rows.measures
        .filter((m) => m.programmeId === p.id)
        .sort((a, b) => byNumber(a.number, b.number))
        .map((m) => ({ id: m.id, number: m.number, text: m.text, executor: m.executor, deadline: m.deadline, status: m.status, evidence: m.evidence, sourceItem: m.sourceItem, synthetic: m.synthetic })),
      indicators: this.cardsWhere((i) => i.programmeId === p.id),
    };
  }

  openIndicator(i: IndicatorRow, withValues: boolean): OpenIndicator {
    const card = this.cards.get(i.id)!;
    return {
      id: i.id,
      code: i.code,
      department: card.department,
      name: i.name,
      unit: i.measure,
      direction: i.direction,
      baseline: card.baseline,
      target: card.target,
      current: card.current,
      achievement: card.achievement,
      light: card.light,
      values: withValues ? (this.valuesByIndicator.get(i.id) ?? []).map((v) => ({ period: v.periodCode, value: Number(v.value), source: v.source })) : [],
      source: i.dataSource,
      sourceItem: i.sourceItem,
      programme: card.programme?.code ?? null,
      recommendationNumber: i.recommendationNumber,
      synthetic: i.synthetic,
    };
  }

  /** Count indicators that have the same code at two or more district departments. */
  districtFamilies(): { code: string; members: IndicatorRow[] }[] {
    const byCode = new Map<string, IndicatorRow[]>();
    for (const i of this.rows.indicators) {
      if (i.measure !== 'count' || i.unitId === CITY_ID || !this.districtById.has(i.unitId)) continue;
      byCode.set(i.code, [...(byCode.get(i.code) ?? []), i]);
    }
    return [...byCode].filter(([, members]) => members.length >= 2).map(([code, members]) => ({ code, members }));
  }

  defaultAsOf(): string {
    return this.latestDay ?? cityToday();
  }

  /** Districts ranked by the count per 100 000 residents over a window (year to date by default). */
  rankings(asOf: string, window: CompstatWindow = 'year_to_date'): Ranking[] {
    return this.districtFamilies().map(({ code, members }) => {
      const first = members[0]!;
      const range = compstatRanges(window, asOf).current;
      const rows = this.rows.districts.map((d) => {
        const member = members.find((m) => m.unitId === d.id);
        const count = member ? sumOver(this.datedValues(member.id), range) : null;
        const rate = count !== null && d.population ? per100k(count, d.population) : null;
        return { district: this.districtInfo(d), count, per100k: rate, rank: null as number | null };
      });
      const ranked = rows.filter((r) => r.per100k !== null).sort((a, b) => (first.direction === 'lower_better' ? a.per100k! - b.per100k! : b.per100k! - a.per100k!));
      ranked.forEach((r, index) => (r.rank = index + 1));
      return { code, name: first.name, direction: first.direction, window, asOf, rows: [...ranked, ...rows.filter((r) => r.per100k === null)] };
    });
  }

  /** CompStat for count indicators: each window against the same window a year earlier. */
  compstat(asOf: string, filter: { code?: string | undefined; unitId?: string | undefined } = {}): CompstatResponse {
    const byCode = new Map<string, IndicatorRow[]>();
    for (const i of this.rows.indicators) {
      if (i.measure !== 'count') continue;
      if (filter.code && i.code !== filter.code) continue;
      if (filter.unitId && i.unitId !== filter.unitId) continue;
      byCode.set(i.code, [...(byCode.get(i.code) ?? []), i]);
    }
    const families: CompstatResponse['families'] = [];
    for (const [code, members] of byCode) {
      const rows = members
        .map((i) => {
          const values = this.datedValues(i.id);
          const cells = compstatWindows.map((w) => compstatCell(w, asOf, values));
          const population = i.unitId === CITY_ID ? null : (this.districtById.get(i.unitId)?.population ?? null);
          return { department: this.department(i.unitId), indicatorId: i.id, population, cells, synthetic: i.synthetic || (this.valuesByIndicator.get(i.id) ?? []).some((v) => v.synthetic) };
        })
        .filter((r) => r.cells.some((c) => c.current.count !== null))
        .sort((a, b) => (a.department.id === CITY_ID ? -1 : b.department.id === CITY_ID ? 1 : a.department.id.localeCompare(b.department.id)));
      if (rows.length) families.push({ code, name: members[0]!.name, direction: members[0]!.direction, rows });
    }
    return { asOf, families };
  }
}

export function presentValueRow(v: ValueRow) {
  return {
    id: v.id,
    period: v.periodCode,
    kind: v.periodKind,
    start: v.periodStart,
    end: v.periodEnd,
    value: Number(v.value),
    source: v.source,
    note: v.note,
    reason: v.reason,
    figureId: v.figureId,
    enteredBy: { role: v.enteredByRole, unit: v.enteredByUnit },
    createdAt: v.createdAt.toISOString(),
    supersededAt: v.supersededAt?.toISOString() ?? null,
    synthetic: v.synthetic,
  };
}
