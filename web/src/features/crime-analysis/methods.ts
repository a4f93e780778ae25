// The forecast methods' tunable parameters as the forms edit them (strings; empty = the server's
// default), with the defaults the server uses (server/src/crime/forecast/methods.ts) and their bounds
// (crime.schema.ts), so a form can say what an empty field means and refuse a value the server would.
import type { ForecastMethod, MethodParams } from '../../api/crime-analysis.contract';

export type ParamName = keyof Required<MethodParams>;

export interface ParamSpec {
  name: ParamName;
  default: number;
  min: number;
  max: number;
  integer: boolean;
  /** `m` for metres, `weeks`, or none. */
  unit: 'm' | 'weeks' | null;
}

export const METHOD_PARAMS: Record<ForecastMethod, readonly ParamSpec[]> = {
  naive: [],
  kde: [{ name: 'bandwidth', default: 150, min: 10, max: 5000, integer: false, unit: 'm' }],
  prospective: [
    { name: 'radius', default: 400, min: 10, max: 5000, integer: false, unit: 'm' },
    { name: 'weeks', default: 8, min: 1, max: 52, integer: true, unit: 'weeks' },
  ],
  sepp: [{ name: 'iterations', default: 60, min: 1, max: 500, integer: true, unit: null }],
};

export type ParamDraft = Partial<Record<ParamName, string>>;

/** The params to send (only those filled in), and the names of those out of bounds. */
export function paramsOf(method: ForecastMethod, draft: ParamDraft): { params: MethodParams; invalid: ParamName[] } {
  const params: MethodParams = {};
  const invalid: ParamName[] = [];
  for (const spec of METHOD_PARAMS[method]) {
    const raw = (draft[spec.name] ?? '').trim().replace(',', '.');
    if (raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < spec.min || value > spec.max || (spec.integer && !Number.isInteger(value))) invalid.push(spec.name);
    else params[spec.name] = value;
  }
  return { params, invalid };
}

/** A number field's value: its number when it is one within bounds, else null. */
export function numberIn(raw: string, min: number, max: number): number | null {
  const trimmed = raw.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}
