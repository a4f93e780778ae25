// Small pure helpers of the staff pages. Periods, money and lights are the server's own rules
// (api/performance.contract.ts), so an analyst sees what new thresholds would do before saving them.

import type { Figure } from '../../api/types';
import { achievement, light, parsePeriod, parseTenge as parseTengeExactly } from '../../api/performance.contract';
import type { IndicatorSummary, IndicatorUnit, Light, Thresholds } from './performance.types';
import { CITY } from './performance.types';

type TargetSpec = Parameters<typeof achievement>[0];

/** A number as people type it: `1 234,5`, `1234.5`, `-3`. Null when it is not one. */
export function parseDecimal(input: string): number | null {
  const cleaned = input.replace(/[\s\u00a0\u202f']/g, '').replace(',', '.');
  if (!/^-?\d+(?:\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** A real period code: `2021`, `2021-Q1`, `2021-03` or `2021-03-15` (and no 31 February). */
export const isPeriodCode = (code: string): boolean => parsePeriod(code) !== null;

/** `2021-q1` → `2021-Q1`: people type the quarter in lower case. */
export const normalizePeriod = (code: string): string => code.trim().toUpperCase();

/**
 * Tenge as typed (`409 178 000`, `409178000,50`, `1 795 680 000 ₸`) → integer tiyn, or null (also for
 * negative amounts). The server parses the same string again; this lets the form say what is wrong first.
 */
export function parseTenge(input: string): number | null {
  const tiyn = parseTengeExactly(input);
  return tiyn !== null && tiyn >= 0 ? tiyn : null;
}

/** Tiyn → the string a form shows for editing: `409178000` or `409178000,50`. */
export function tiynToInput(tiyn: number | null): string {
  if (tiyn === null) return '';
  const abs = BigInt(Math.abs(tiyn));
  const whole = (abs / 100n).toString();
  const fraction = abs % 100n;
  return `${tiyn < 0 ? '-' : ''}${whole}${fraction ? `,${String(fraction).padStart(2, '0')}` : ''}`;
}

export { achievement };

/** The light a value would get with these thresholds (the server's rule). */
export function lightFor(spec: TargetSpec, current: number | null, thresholds: Thresholds): Light {
  return light({ ...spec, current, thresholds });
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
