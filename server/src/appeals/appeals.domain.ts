// Pure rules of the appeals module: categories, the life of an appeal, routing and tracking codes.
import { randomInt } from 'node:crypto';

export const appealKinds = ['appeal', 'proposal', 'drug_advert'] as const;
export type AppealKind = (typeof appealKinds)[number];

/**
 * The unit responsible for a category. `precinct` is the precinct that contains the place (and its
 * district department); the others are city units. Conduct complaints never go to the officer's own
 * precinct: they go to the internal-security unit (УСБ).
 */
export const responsibleUnits = ['precinct', 'district', 'internal_security', 'anti_drug', 'road_police', 'public_relations'] as const;
export type ResponsibleUnit = (typeof responsibleUnits)[number];

export const appealStatuses = ['received', 'routed', 'in_progress', 'answered', 'closed', 'declined', 'not_competent', 'duplicate'] as const;
export type AppealStatus = (typeof appealStatuses)[number];

/** Statuses after which staff do no more work unless the resident contests. */
export const finalStatuses: readonly AppealStatus[] = ['answered', 'closed', 'declined', 'not_competent', 'duplicate'];

/** Open311 has two statuses: everything before an answer is open. */
export function open311Status(status: AppealStatus): 'open' | 'closed' {
  return finalStatuses.includes(status) ? 'closed' : 'open';
}

/** The moves staff may make from each status. `answered` may be contested once by the resident. */
const staffTransitions: Record<AppealStatus, readonly AppealStatus[]> = {
  received: ['routed', 'in_progress', 'declined', 'not_competent', 'duplicate'],
  routed: ['in_progress', 'answered', 'declined', 'not_competent', 'duplicate'],
  in_progress: ['answered', 'declined', 'not_competent', 'duplicate'],
  answered: ['closed'],
  closed: [],
  declined: [],
  not_competent: [],
  duplicate: [],
};

export function canMove(from: AppealStatus, to: AppealStatus): boolean {
  return staffTransitions[from].includes(to);
}

export interface RouteTarget {
  /** `precinct:<id>`, `district:<id>` or `city:<unit>`. */
  unit: string;
  precinctId: string | null;
  districtId: string | null;
}

/**
 * Routing: the category decides the unit; the place decides the precinct and district. A place-bound
 * category without a known place stays unrouted (`null`) for a dispatcher to route by hand.
 */
export function routeAppeal(responsible: ResponsibleUnit, place: { precinctId: string | null; districtId: string | null }): RouteTarget | null {
  switch (responsible) {
    case 'precinct':
      if (place.precinctId) return { unit: `precinct:${place.precinctId}`, precinctId: place.precinctId, districtId: place.districtId };
      if (place.districtId) return { unit: `district:${place.districtId}`, precinctId: null, districtId: place.districtId };
      return null;
    case 'district':
      return place.districtId ? { unit: `district:${place.districtId}`, precinctId: place.precinctId, districtId: place.districtId } : null;
    default:
      // City units own the appeal wherever it happened; the place is kept for statistics.
      return { unit: `city:${responsible}`, precinctId: place.precinctId, districtId: place.districtId };
  }
}

const UNIT_PATTERN = /^(precinct|district):[A-Za-z0-9_-]{1,40}$|^city:(internal_security|anti_drug|road_police|public_relations)$/;
export function isUnit(value: string): boolean {
  return UNIT_PATTERN.test(value);
}

/** The district a unit belongs to (null for city units). */
export function unitDistrict(unit: string, precinctDistrict: (precinctId: string) => string | null): string | null {
  if (unit.startsWith('district:')) return unit.slice('district:'.length);
  if (unit.startsWith('precinct:')) return precinctDistrict(unit.slice('precinct:'.length));
  return null;
}

// Crockford base32 without I, L, O, U: readable over the phone and never spells a word by accident.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A public tracking code such as `AP-7K3M-Q9P2` (40 bits of randomness). */
export function newTrackingCode(prefix = 'AP'): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${prefix}-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Reads a tracking code however a resident typed it (case, spaces, O for 0, I/L for 1), or null. */
export function normalizeTrackingCode(raw: string): string | null {
  const s = raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const m = /^(AP|PR)([0-9A-HJKMNP-TV-Z]{8})$/.exec(s);
  return m ? `${m[1]}-${m[2]!.slice(0, 4)}-${m[2]!.slice(4)}` : null;
}

/** Rounds a public point to about 100 m so that a resident's doorstep cannot be read off the map. */
export function publicPoint(lon: number | null, lat: number | null): { lon: number; lat: number } | null {
  if (lon === null || lat === null) return null;
  return { lon: Math.round(lon * 1000) / 1000, lat: Math.round(lat * 1000) / 1000 };
}

export const MAX_DESCRIPTION_CHARS = 4000;
export const MAX_PHOTOS = 4;
