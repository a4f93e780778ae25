// Kazakhstan registration plates. Plates are Latin letters and digits; people (and phone keyboards) type
// the Cyrillic look-alikes, spaces, dashes and lower case, so a plate is compared in one normal form.

/** Cyrillic letters that look like the Latin letters a plate uses. */
const LOOK_ALIKES: Record<string, string> = { А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X' };

export type PlateFormat = 'kz2012' | 'kz2012_legal' | 'kz1993';

/** The formats the service knows, with the region codes they allow (01–20 since the 2022 regions). */
const FORMATS: { format: PlateFormat; pattern: RegExp }[] = [
  // 2012: 123 ABC 02 (a person's car), 123 AB 02 (an organisation's)
  { format: 'kz2012', pattern: /^\d{3}[A-Z]{3}(0[1-9]|1\d|20)$/ },
  { format: 'kz2012_legal', pattern: /^\d{3}[A-Z]{2}(0[1-9]|1\d|20)$/ },
  // 1993: A 123 BCD — the region's letter first (still on older cars)
  { format: 'kz1993', pattern: /^[A-Z]\d{3}[A-Z]{2,3}$/ },
];

export interface NormalizedPlate {
  /** Upper-case Latin letters and digits only. */
  plate: string;
  /** The known format it fits, or null (accepted only with an explicit override and a reason). */
  format: PlateFormat | null;
}

export function normalizePlate(raw: string): NormalizedPlate {
  const plate = [...raw.toUpperCase()]
    .map((ch) => LOOK_ALIKES[ch] ?? ch)
    .filter((ch) => !/[\s\-–—.·_]/.test(ch))
    .join('');
  const format = FORMATS.find((f) => f.pattern.test(plate))?.format ?? null;
  return { plate, format };
}

/** A plate as it is written on the car: 123 ABC 02, 123 AB 02, A 123 BCD. */
export function displayPlate(plate: string): string {
  const m = /^(\d{3})([A-Z]{2,3})(\d{2})$/.exec(plate);
  if (m) return `${m[1]} ${m[2]} ${m[3]}`;
  const old = /^([A-Z])(\d{3})([A-Z]{2,3})$/.exec(plate);
  if (old) return `${old[1]} ${old[2]} ${old[3]}`;
  return plate;
}

/** Only letters and digits may remain after normalising; anything else is not a plate at all. */
export function plateCharactersValid(plate: string): boolean {
  return /^[A-Z0-9]{2,12}$/.test(plate);
}
