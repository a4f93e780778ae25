// Pure helpers of the precinct pages: phone numbers, distances, the city's clock.

/** "+77012345678" → "+7 701 234 56 78"; anything else is shown as it came. */
export function formatPhone(phone: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone.replace(/[\s()-]/g, ''));
  return m ? `+7 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : phone;
}

/** The `tel:` link of a phone number: digits and a leading plus only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** Great-circle distance in metres (good to a few metres inside a city). */
export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The weekday (1 = Monday … 7 = Sunday) in Almaty (UTC+5 all year since March 2024). */
export function almatyWeekday(at: Date = new Date()): number {
  const local = new Date(at.getTime() + 5 * 3_600_000);
  return ((local.getUTCDay() + 6) % 7) + 1;
}

/** Today's date in Almaty as YYYY-MM-DD. */
export function almatyDate(at: Date = new Date()): string {
  return new Date(at.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
}

/** A coordinate pair read from the address bar, or null when either is missing or not a number. */
export function parsePoint(lat: string | null, lon: string | null): { lat: number; lon: number } | null {
  if (lat === null || lon === null || lat.trim() === '' || lon.trim() === '') return null;
  const point = { lat: Number(lat), lon: Number(lon) };
  return Number.isFinite(point.lat) && Number.isFinite(point.lon) && Math.abs(point.lat) <= 90 && Math.abs(point.lon) <= 180 ? point : null;
}
