/**
 * Detects the bodies an item involves (the department itself, the ministry, the
 * akimat, other agencies) from the recommendation and the response. A mention is
 * enough: the list helps route the item, a person confirms it.
 */

export interface AddresseeRule {
  /** The canonical name stored on the item. */
  name: string;
  pattern: RegExp;
}

const W = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;

function abbreviation(...forms: string[]): string {
  return `${W}(?:${forms.join('|')})${E}`;
}

/** Abbreviations are matched case-sensitively; spelled-out names case-insensitively via `[Дд]`-style classes. */
export const ADDRESSEE_RULES: readonly AddresseeRule[] = [
  {
    name: 'ДП г.Алматы',
    pattern: new RegExp(String.raw`${abbreviation('ДП')}|${W}[Дд]епартамент\p{L}*\s+полиции`, 'u'),
  },
  { name: 'МВД РК', pattern: new RegExp(String.raw`${abbreviation('МВД')}|${W}[Мм]инистерств\p{L}*\s+внутренних\s+дел`, 'u') },
  {
    name: 'Акимат',
    pattern: new RegExp(
      String.raw`${W}(?:[Аа]кимат\p{L}*|[Аа]ким\p{L}*\s+город\p{L}*|[Мм]естн\p{L}*\s+исполнительн\p{L}*\s+орган\p{L}*)`,
      'u',
    ),
  },
  { name: 'ДЧС', pattern: new RegExp(String.raw`${abbreviation('ДЧС')}|${W}[Дд]епартамент\p{L}*\s+по\s+чрезвычайным`, 'u') },
  { name: 'МЧС РК', pattern: new RegExp(String.raw`${abbreviation('МЧС')}|${W}[Мм]инистерств\p{L}*\s+по\s+чрезвычайным`, 'u') },
  { name: 'КНБ', pattern: new RegExp(String.raw`${abbreviation('КНБ')}|${W}[Кк]омитет\p{L}*\s+национальной\s+безопасности`, 'u') },
  { name: 'МОН', pattern: new RegExp(String.raw`${abbreviation('МОН')}|${W}[Мм]инистерств\p{L}*\s+образования`, 'u') },
  { name: 'Управление образования', pattern: new RegExp(String.raw`${W}[Уу]правлени\p{L}*\s+образования`, 'u') },
  { name: 'Национальная гвардия', pattern: new RegExp(String.raw`${W}[Нн]ациональн\p{L}*\s+гварди\p{L}*`, 'u') },
  { name: 'Управление городской мобильности', pattern: new RegExp(String.raw`${W}[Уу]правлени\p{L}*\s+городской\s+мобильности`, 'u') },
  { name: 'Управление стратегии и бюджета', pattern: new RegExp(String.raw`${W}[Уу]правлени\p{L}*\s+стратегии\s+и\s+бюджета`, 'u') },
  { name: 'Управление общественного развития', pattern: new RegExp(String.raw`${W}[Уу]правлени\p{L}*\s+общественного\s+развития`, 'u') },
  {
    name: 'Министерство информации и общественного развития',
    pattern: new RegExp(String.raw`${W}[Мм]инистерств\p{L}*\s+информации`, 'u'),
  },
  { name: 'Маслихат', pattern: new RegExp(String.raw`${W}[Мм]аслихат\p{L}*`, 'u') },
  { name: 'Прокуратура', pattern: new RegExp(String.raw`${W}[Пп]рокуратур\p{L}*`, 'u') },
];

/** Canonical names of the bodies mentioned in the text, in order of first mention. */
export function detectAddressees(text: string, rules: readonly AddresseeRule[] = ADDRESSEE_RULES): string[] {
  const found: { name: string; index: number }[] = [];
  for (const rule of rules) {
    const match = rule.pattern.exec(text);
    if (match && !found.some((entry) => entry.name === rule.name)) found.push({ name: rule.name, index: match.index });
  }
  return found.sort((a, b) => a.index - b.index).map((entry) => entry.name);
}
