// Small pure helpers of the staff pages. The lights mirror server/src/performance/performance.domain.ts
// so an analyst sees what new thresholds or targets would do before saving them.

import type { Figure } from '../../api/types';
import type { Direction, IndicatorSummary, IndicatorUnit, Light, TargetKind, Thresholds } from './performance.types';
import { CITY, PERIOD_PATTERN } from './performance.types';

/** A number as people type it: `1 234,5`, `1234.5`, `-3`. Null when it is not one. */
export function parseDecimal(input: string): number | null {
  const cleaned = input.replace(/[\s\u00a0\u202f']/g, '').replace(',', '.');
  if (!/^-?\d+(?:\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** A real period code: `2021`, `2021-Q1`, `2021-03` or `2021-03-15` (and no 31 February). */
export function isPeriodCode(code: string): boolean {
  const m = PERIOD_PATTERN.exec(code.trim());
  if (!m) return false;
  if (m[3] && m[4]) {
    const year = Number(m[1]);
    const month = Number(m[3]);
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return Number(m[4]) <= lastDay;
  }
  return true;
}

/** `2021-q1` → `2021-Q1`: people type the quarter in lower case. */
export const normalizePeriod = (code: string): string => code.trim().toUpperCase();

const MONEY_PATTERN = /^(\d{1,15})(?:[.,](\d{1,2}))?$/;

/**
 * Tenge as typed (`409 178 000`, `409178000,50`, `1 795 680 000 ₸`) → integer tiyn, or null.
 * The server parses the same string again; this only lets the form say what is wrong before sending.
 */
export function parseTenge(input: string): number | null {
  const cleaned = input.replace(/[\s\u00a0\u202f']/g, '').replace(/(₸|тг\.?|тенге|KZT)$/i, '');
  const m = MONEY_PATTERN.exec(cleaned);
  if (!m) return null;
  const tiyn = BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
  return tiyn > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(tiyn);
}

/** Tiyn → the string a form shows for editing: `409178000` or `409178000,50`. */
export function tiynToInput(tiyn: number | null): string {
  if (tiyn === null) return '';
  const abs = BigInt(Math.abs(tiyn));
  const whole = (abs / 100n).toString();
  const fraction = abs % 100n;
  return `${tiyn < 0 ? '-' : ''}${whole}${fraction ? `,${String(fraction).padStart(2, '0')}` : ''}`;
}

interface TargetSpec {
  direction: Direction;
  baseline: number | null;
  targetKind: TargetKind;
  target: number | null;
}

function effectiveTarget(spec: TargetSpec): number | null {
  if (spec.target === null) return null;
  if (spec.targetKind === 'value') return spec.target;
  if (spec.baseline === null) return null;
  return spec.baseline * (1 + spec.target / 100);
}

/** Achievement in percent (100 = target met), as the server computes it; null when it cannot be said. */
export function achievement(spec: TargetSpec, current: number | null): number | null {
  const target = effectiveTarget(spec);
  if (target === null || current === null || !Number.isFinite(current)) return null;
  const { baseline, direction } = spec;
  if (baseline !== null && baseline !== target) {
    const rightWay = direction === 'lower_better' ? target < baseline : target > baseline;
    if (rightWay) return ((current - baseline) / (target - baseline)) * 100;
  }
  if (direction === 'higher_better') {
    if (target === 0) return current >= 0 ? 100 : 0;
    return (current / target) * 100;
  }
  if (current === 0) return target >= 0 ? 100 : 0;
  if (target === 0) return 0;
  return (target / current) * 100;
}

export function lightFor(spec: TargetSpec, current: number | null, thresholds: Thresholds): Light {
  if (current === null) return 'no_data';
  const a = achievement(spec, current);
  if (a === null) return 'no_target';
  if (a >= thresholds.green) return 'green';
  if (a >= thresholds.amber) return 'amber';
  return 'red';
}

const FIGURE_UNITS: Record<string, IndicatorUnit> = { '%': 'percent', тенге: 'tenge' };

/** Word stems of a Russian phrase, enough to tell «граффити-надписей» from «интернет-сайтов». */
function stems(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\d]+/u)
      .filter((word) => word.length >= 4)
      .map((word) => word.slice(0, 5)),
  );
}

/**
 * The indicator a figure most likely belongs to: the most words in common between what the figure
 * counts and the indicator's name, then the same report item, then the same unit. With no word in
 * common, only the single indicator of the figure's report item; otherwise undefined, so the
 * editor chooses.
 */
export function suggestIndicator(figure: Figure, indicators: readonly IndicatorSummary[], recommendationNumber?: number): IndicatorSummary | undefined {
  const figureStems = stems(`${figure.counts} ${figure.unit ?? ''}`);
  const figureUnit = figure.unit ? FIGURE_UNITS[figure.unit] : undefined;
  const sameItem = (indicator: IndicatorSummary) => recommendationNumber !== undefined && indicator.recommendationNumber === recommendationNumber;
  let best: { indicator: IndicatorSummary; score: number } | undefined;
  for (const indicator of indicators) {
    const nameStems = stems(`${indicator.name.ru} ${indicator.code.replaceAll('_', ' ')}`);
    let common = 0;
    for (const stem of figureStems) if (nameStems.has(stem)) common += 1;
    if (common === 0) continue;
    let score = common * 4 + (sameItem(indicator) ? 2 : 0);
    if (figureUnit ? indicator.unit === figureUnit : indicator.unit === 'count') score += 1;
    // The city's own indicator before a district's: the report speaks for the city.
    if (indicator.department.id === CITY) score += 0.5;
    if (!best || score > best.score) best = { indicator, score };
  }
  if (best) return best.indicator;
  const ofItem = indicators.filter((indicator) => sameItem(indicator) && indicator.department.id === CITY);
  return ofItem.length === 1 ? ofItem[0] : undefined;
}
