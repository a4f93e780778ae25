// The crime map's colours. Hexagons and districts use one sequential scale (light = few, dark = many),
// with a legend that states each class in numbers; incidents on the staff map are coloured by line,
// and the line filter shows the same swatches, so the colour is never the only way to tell.

/** ColorBrewer OrRd, five classes: a sequential scale readable by people with colour-vision deficiencies. */
export const SEQUENTIAL = ['#fdd49e', '#fdbb84', '#fc8d59', '#d7301f', '#7f0000'] as const;
/** Outlines of the scale's shapes: dark enough to separate the lightest fill from the background. */
export const SEQUENTIAL_EDGE = '#7f2704';
/** A district whose count is withheld (under k): no colour of the scale. */
export const WITHHELD = '#d5dae1';

export interface CountClass {
  min: number;
  max: number;
  colour: string;
}

/**
 * Up to `most` classes (five at most) of counts between `floor` (k, the smallest count that is
 * published) and the largest count, with breaks at quantiles so that each colour covers a similar
 * number of areas.
 */
export function countClasses(counts: readonly number[], floor: number, most: number = SEQUENTIAL.length): CountClass[] {
  const n = Math.max(1, Math.min(SEQUENTIAL.length, most));
  const sorted = counts.filter((c) => c >= floor).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const max = sorted[sorted.length - 1]!;
  const mins: number[] = [Math.min(floor, sorted[0]!)];
  for (let i = 1; i < n; i++) {
    const q = sorted[Math.floor((i * sorted.length) / n)]!;
    if (q > mins[mins.length - 1]! && q <= max) mins.push(q);
  }
  return mins.map((min, i) => ({ min, max: i + 1 < mins.length ? mins[i + 1]! - 1 : max, colour: SEQUENTIAL[Math.round((i * (SEQUENTIAL.length - 1)) / Math.max(1, mins.length - 1))]! }));
}

/** The average area of an H3 hexagon (km²) at the resolutions the public map publishes. */
const H3_AREA_KM2: Record<number, number> = { 4: 1770.35, 5: 252.9, 6: 36.129, 7: 5.1613, 8: 0.73733, 9: 0.10533, 10: 0.015047 };

/**
 * Incidents per km² of a published hexagon. The map mixes resolutions (a cell short of k gives its
 * incidents to its parent, seven times larger), so colouring by the bare count would paint a large,
 * sparse hexagon as dark as a small hotspot; the density keeps shades comparable. The count itself
 * is what each hexagon's label says.
 */
export function hexDensity(count: number, resolution: number): number {
  return count / (H3_AREA_KM2[resolution] ?? H3_AREA_KM2[8]!);
}

/**
 * Fixed classes of incidents per km² (the same every month and line, so that two maps compare):
 * under 1, 1–5, 5–15, 15–40, 40 and more.
 */
export const DENSITY_CLASSES: readonly CountClass[] = [
  { min: 0, max: 1, colour: SEQUENTIAL[0] },
  { min: 1, max: 5, colour: SEQUENTIAL[1] },
  { min: 5, max: 15, colour: SEQUENTIAL[2] },
  { min: 15, max: 40, colour: SEQUENTIAL[3] },
  { min: 40, max: Infinity, colour: SEQUENTIAL[4] },
];

export function classColour(classes: readonly CountClass[], count: number): string {
  for (let i = classes.length - 1; i >= 0; i--) if (count >= classes[i]!.min) return classes[i]!.colour;
  return classes[0]?.colour ?? SEQUENTIAL[0];
}

/** One colour per line of the report's programmes; a line added later gets one from the spare set. */
const LINE_COLOURS: Record<string, string> = {
  street_crime: '#d62728',
  theft: '#1f77b4',
  apartment_theft: '#9467bd',
  theft_from_vehicle: '#ff7f0e',
  vehicle_theft: '#8c564b',
  commercial_burglary: '#17becf',
  bicycle_theft: '#98a11a',
  fraud: '#6b6b6b',
  vandalism: '#e377c2',
  public_order: '#2ca02c',
  drugs: '#393b79',
  traffic_injury: '#d4a017',
  robbery: '#843c39',
  assault: '#e7969c',
  domestic_violence: '#a55194',
  sexual_offence: '#637939',
  homicide: '#111111',
  other: '#a0aec0',
};
const SPARE = ['#3182bd', '#e6550d', '#31a354', '#756bb1', '#636363', '#bd9e39'];
/** Incidents whose category is not yet mapped to a line. */
export const UNMAPPED_COLOUR = '#4a5563';

export function lineColour(code: string | null): string {
  if (!code) return UNMAPPED_COLOUR;
  const known = LINE_COLOURS[code];
  if (known) return known;
  let hash = 0;
  for (const ch of code) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return SPARE[hash % SPARE.length]!;
}
