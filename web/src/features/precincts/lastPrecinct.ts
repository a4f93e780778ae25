import type { LocalizedText } from '../../api/types';

const KEY = 'openbeat.lastPrecinct';

/** The precinct a resident last found, kept on their device only, to offer it on return. */
export interface LastPrecinct {
  id: string;
  code: string;
  name: LocalizedText;
  district: LocalizedText;
  /** The point they located, when they located one (not when they chose the precinct from the list). */
  point: { lat: number; lon: number } | null;
}

function isLastPrecinct(value: unknown): value is LastPrecinct {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.code === 'string' && typeof v.name === 'object' && v.name !== null && typeof v.district === 'object' && v.district !== null;
}

export function readLastPrecinct(): LastPrecinct | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    const value: unknown = raw ? JSON.parse(raw) : null;
    return isLastPrecinct(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveLastPrecinct(value: LastPrecinct): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(value));
  } catch {
    // storage may be unavailable (private mode): nothing is remembered, nothing breaks
  }
}

export function forgetLastPrecinct(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // as above
  }
}
