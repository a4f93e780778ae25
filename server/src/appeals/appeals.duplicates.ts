// Suggests which recent appeals a new one probably repeats: the same category, close in space and
// time, with similar wording. Staff decide; this only ranks. Pure: the caller loads the candidates.

export interface DuplicateCandidate {
  id: string;
  category: string;
  /** WGS 84 degrees; both null when the appeal has no location. */
  lon: number | null;
  lat: number | null;
  createdAt: Date;
  text: string;
}

export interface DuplicateOptions {
  /** Farthest distance between two located appeals, metres. Default 200. */
  radiusM?: number;
  /** Farthest gap between their creation times, either way, days. Default 14. */
  windowDays?: number;
  /** Most suggestions returned. Default 5. */
  limit?: number;
}

export interface DuplicateSuggestion {
  id: string;
  /** Null when either appeal has no location. */
  distanceM: number | null;
  hoursApart: number;
  /** Jaccard similarity of the two texts, 0…1. */
  similarity: number;
  /** 0…1, higher is more likely a duplicate. */
  score: number;
}

/** An unlocated candidate is suggested only when its text is at least this similar. */
export const MIN_SIMILARITY_WITHOUT_LOCATION = 0.5;

const EARTH_RADIUS_M = 6_371_008.8; // mean radius (IUGG)
const HOUR_MS = 3_600_000;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres between two WGS 84 points given as longitude, latitude. */
export function haversineMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = toRadians(lat2 - lat1);
  const dLon = toRadians(lon2 - lon1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

// ---- Text similarity ---------------------------------------------------------------------------

/** Words shorter than this (в, на, по, не, ул, д) say nothing about the content. */
const MIN_WORD_LENGTH = 3;

/** Lower-case words without punctuation, ё read as е, short words dropped. */
export function normaliseWords(text: string): string[] {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => [...word].length >= MIN_WORD_LENGTH);
}

/**
 * The character trigrams of each word, the word padded with a space on both sides so that its
 * start and end count too. Trigrams rather than whole words, because Russian and Kazakh endings
 * change with the case: «машина», «машину» and «машины» share most of their trigrams.
 */
function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of normaliseWords(text)) {
    const chars = [...` ${word} `];
    for (let i = 0; i + 3 <= chars.length; i += 1) grams.add(chars.slice(i, i + 3).join(''));
  }
  return grams;
}

/** Jaccard index |A ∩ B| / |A ∪ B| of the word trigrams; 0 when either text has no words. */
export function textSimilarity(a: string, b: string): number {
  return jaccard(trigrams(a), trigrams(b));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  return shared / (a.size + b.size - shared);
}

// ---- Ranking -----------------------------------------------------------------------------------

// score = 0.4 · closeness + 0.2 · recency + 0.4 · similarity, where
//   closeness  = 1 − distance / radius  (0 when either appeal has no location),
//   recency    = 1 − hours apart / (windowDays · 24),
//   similarity = Jaccard index of the word trigrams.
// Place and wording weigh the same; time weighs less, since the window already bounds it. Each term
// lies in [0, 1] and the weights add up to 1, so the score does too. An unlocated pair cannot
// reach more than 0.6: being in the same place is the strongest sign, and it is unknown.
const WEIGHT_PLACE = 0.4;
const WEIGHT_TIME = 0.2;
const WEIGHT_TEXT = 0.4;

const hasLocation = (c: DuplicateCandidate): c is DuplicateCandidate & { lon: number; lat: number } =>
  c.lon !== null && c.lat !== null && Number.isFinite(c.lon) && Number.isFinite(c.lat);

function checkOptions(options: DuplicateOptions): Required<DuplicateOptions> {
  const { radiusM = 200, windowDays = 14, limit = 5 } = options;
  if (!(radiusM > 0) || !Number.isFinite(radiusM)) throw new RangeError(`radiusM must be a positive number, got ${radiusM}`);
  if (!(windowDays > 0) || !Number.isFinite(windowDays)) throw new RangeError(`windowDays must be a positive number, got ${windowDays}`);
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`limit must be a whole number ≥ 0, got ${limit}`);
  return { radiusM, windowDays, limit };
}

/**
 * The candidates most likely to repeat `target`, best first: same category, created within
 * `windowDays` before or after it, and within `radiusM` of it; a candidate without a location (or
 * any candidate, when the target has none) only when the texts are at least 0.5 similar. The target
 * itself, matched by id, is never suggested.
 */
export function suggestDuplicates(
  target: DuplicateCandidate,
  candidates: DuplicateCandidate[],
  options: DuplicateOptions = {},
): DuplicateSuggestion[] {
  const { radiusM, windowDays, limit } = checkOptions(options);
  const windowHours = windowDays * 24;
  const targetTrigrams = trigrams(target.text);
  const targetTime = target.createdAt.getTime();

  const suggestions: DuplicateSuggestion[] = [];
  for (const candidate of candidates) {
    if (candidate.id === target.id || candidate.category !== target.category) continue;
    const hoursApart = Math.abs(candidate.createdAt.getTime() - targetTime) / HOUR_MS;
    if (!(hoursApart <= windowHours)) continue; // also drops invalid dates (NaN)

    const similarity = jaccard(targetTrigrams, trigrams(candidate.text));
    let distanceM: number | null = null;
    if (hasLocation(target) && hasLocation(candidate)) {
      distanceM = haversineMetres(target.lon, target.lat, candidate.lon, candidate.lat);
      if (!(distanceM <= radiusM)) continue;
    } else if (similarity < MIN_SIMILARITY_WITHOUT_LOCATION) {
      continue;
    }

    const closeness = distanceM === null ? 0 : 1 - distanceM / radiusM;
    const recency = 1 - hoursApart / windowHours;
    const score = WEIGHT_PLACE * closeness + WEIGHT_TIME * recency + WEIGHT_TEXT * similarity;
    suggestions.push({ id: candidate.id, distanceM, hoursApart, similarity, score: Math.min(1, Math.max(0, score)) });
  }

  // Best score first; on a tie the closer in time, then the id, so the order is stable.
  suggestions.sort((a, b) => b.score - a.score || a.hoursApart - b.hoursApart || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return suggestions.slice(0, limit);
}
