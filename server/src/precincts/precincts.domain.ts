// Pure rules of the precincts module: reception hours and inspector workload against the norms (п.9).

export const receptionKinds = ['precinct_office', 'modular_post', 'front_office', 'other'] as const;
export type ReceptionKind = (typeof receptionKinds)[number];

export const messengerKinds = ['whatsapp', 'telegram', 'instagram', 'facebook', 'vk', 'other'] as const;
export type MessengerKind = (typeof messengerKinds)[number];

/** An official messenger or social page; `url` is a link a phone can open. */
export interface MessengerLink {
  kind: MessengerKind;
  url: string;
}

/** Opening hours on one weekday (1 = Monday … 7 = Sunday), local time `HH:MM`. */
export interface WeeklyHours {
  day: number;
  opens: string;
  closes: string;
}

/** A day that differs from the weekly pattern: a holiday (closed) or special hours. */
export interface HoursException {
  date: string;
  closed: boolean;
  opens?: string | null;
  closes?: string | null;
  note?: string | null;
}

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Problems with a week of hours, as messages naming the day; empty when valid. */
export function hoursProblems(hours: readonly WeeklyHours[]): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const h of hours) {
    if (!Number.isInteger(h.day) || h.day < 1 || h.day > 7) problems.push(`day ${h.day} is not 1 (Monday) … 7 (Sunday)`);
    else if (seen.has(h.day)) problems.push(`day ${h.day} is listed twice`);
    seen.add(h.day);
    if (!TIME_PATTERN.test(h.opens) || !TIME_PATTERN.test(h.closes)) problems.push(`day ${h.day}: times must be HH:MM`);
    else if (minutes(h.closes) <= minutes(h.opens)) problems.push(`day ${h.day}: closes ${h.closes} is not after opens ${h.opens}`);
  }
  return problems;
}

/** The Almaty local date and minute of the day for an instant (UTC+5 all year since March 2024). */
export function almatyClock(at: Date): { date: string; weekday: number; minute: number } {
  const local = new Date(at.getTime() + 5 * 3_600_000);
  const weekday = ((local.getUTCDay() + 6) % 7) + 1;
  return { date: local.toISOString().slice(0, 10), weekday, minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

export interface OpeningState {
  open: boolean;
  /** Today's hours as shown to a resident, or null when closed all day. */
  today: { opens: string; closes: string } | null;
  exception: HoursException | null;
}

/** Whether a reception point is open at an instant, honouring exceptions (holidays, special hours). */
export function openingState(point: { allDay: boolean; hours: readonly WeeklyHours[]; exceptions: readonly HoursException[] }, at: Date): OpeningState {
  const clock = almatyClock(at);
  if (point.allDay) return { open: true, today: { opens: '00:00', closes: '24:00' }, exception: null };
  const exception = point.exceptions.find((e) => e.date === clock.date) ?? null;
  let today: { opens: string; closes: string } | null;
  if (exception) today = exception.closed || !exception.opens || !exception.closes ? null : { opens: exception.opens, closes: exception.closes };
  else {
    const h = point.hours.find((x) => x.day === clock.weekday);
    today = h ? { opens: h.opens, closes: h.closes } : null;
  }
  const open = today !== null && clock.minute >= minutes(today.opens) && clock.minute < minutes(today.closes);
  return { open, today, exception };
}

/**
 * The next instant at which `openingState` of this point can change: today's opening or closing time if
 * still ahead, otherwise the next local midnight (when "today" becomes another day). A 24-hour post
 * changes at midnight only. Answers that show opening states stay valid until then.
 */
export function nextOpeningChange(point: { allDay: boolean; hours: readonly WeeklyHours[]; exceptions: readonly HoursException[] }, at: Date): Date {
  const clock = almatyClock(at);
  const midnight = new Date(at.getTime() + (24 * 60 - clock.minute) * 60_000 - (at.getTime() % 60_000));
  if (point.allDay) return midnight;
  const { today } = openingState(point, at);
  if (today) {
    for (const t of [minutes(today.opens), minutes(today.closes)]) {
      if (t > clock.minute) return new Date(at.getTime() + (t - clock.minute) * 60_000 - (at.getTime() % 60_000));
    }
  }
  return midnight;
}

/** The norms residents per inspector is measured against: order No. 1026 and the council's target (п.9). */
export interface WorkloadNorms {
  /** Order of the Ministry of Internal Affairs No. 1026 of 14.12.2015: 2 300 urban residents per inspector. */
  norm: number;
  /** The Public Council's recommendation п.9: 1 500 residents per inspector. */
  target: number;
}

export const DEFAULT_NORMS: WorkloadNorms = { norm: 2300, target: 1500 };

export type LoadLevel = 'within_target' | 'within_norm' | 'over_norm' | 'severe' | 'vacant' | 'unknown';

export interface Workload {
  population: number | null;
  inspectors: number;
  /** Residents per inspector, or null without population or without inspectors. */
  perInspector: number | null;
  /** Inspectors needed in all to meet the norm / the target, and how many more than now. */
  neededForNorm: number | null;
  neededForTarget: number | null;
  gapToNorm: number | null;
  gapToTarget: number | null;
  level: LoadLevel;
}

/**
 * Residents per inspector and the staffing gap. The gap counts whole inspectors: ceil(population /
 * norm) − inspectors, never negative. A precinct without an inspector is `vacant`; "severe" is more
 * than twice the norm (the report found 7 000–8 000 per inspector in 2020, 3–4 times the norm).
 */
export function workload(population: number | null, inspectorCount: number, norms: WorkloadNorms = DEFAULT_NORMS): Workload {
  const known = population !== null && population >= 0;
  const needed = (per: number) => (known ? Math.ceil(population / per) : null);
  const neededForNorm = needed(norms.norm);
  const neededForTarget = needed(norms.target);
  const gap = (n: number | null) => (n === null ? null : Math.max(0, n - inspectorCount));
  const perInspector = known && inspectorCount > 0 ? Math.round(population / inspectorCount) : null;
  let level: LoadLevel;
  if (!known) level = 'unknown';
  else if (inspectorCount === 0) level = population > 0 ? 'vacant' : 'within_target';
  else if (perInspector! <= norms.target) level = 'within_target';
  else if (perInspector! <= norms.norm) level = 'within_norm';
  else if (perInspector! <= norms.norm * 2) level = 'over_norm';
  else level = 'severe';
  return { population: known ? population : null, inspectors: inspectorCount, perInspector, neededForNorm, neededForTarget, gapToNorm: gap(neededForNorm), gapToTarget: gap(neededForTarget), level };
}

/**
 * Sums precinct workloads into a district's or the city's. The gap is computed on the totals (staff
 * can be redistributed inside the unit), as the report does for the city.
 */
export function totalWorkload(parts: readonly { population: number | null; inspectors: number }[], norms: WorkloadNorms = DEFAULT_NORMS): Workload {
  let population = 0;
  let inspectors = 0;
  let anyKnown = false;
  for (const p of parts) {
    inspectors += p.inspectors;
    if (p.population !== null) {
      population += p.population;
      anyKnown = true;
    }
  }
  return workload(anyKnown ? population : null, inspectors, norms);
}

export { normalizeKzPhone } from '../platform/phones.js';
