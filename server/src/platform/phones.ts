/** Normalises a Kazakhstan phone number to E.164 (+7XXXXXXXXXX), or null when it is not one. */
export function normalizeKzPhone(raw: string): string | null {
  const digits = raw.replace(/[^\d+]/g, '');
  const d = digits.startsWith('+') ? digits.slice(1) : digits;
  if (/^[78]\d{10}$/.test(d)) return `+7${d.slice(1)}`;
  if (/^\d{10}$/.test(d) && /^[67]/.test(d)) return `+7${d}`;
  return null;
}

/**
 * A normalised Kazakhstan mobile number, the only kind an SMS reaches: the operators' codes 700–709, 747,
 * 750–751, 760–764, 771 and 775–778 (Almaty's landlines are +7 727 …, Astana's +7 717 …).
 */
export function isKzMobile(e164: string): boolean {
  return /^\+7(70\d|747|75[01]|76[0-4]|771|77[5-8])\d{7}$/.test(e164);
}
