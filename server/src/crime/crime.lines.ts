// A first guess of the line a source's category belongs to, from words in its name (Russian, Kazakh,
// English). The analyst confirms or changes it in the category table; an unrecognised name stays
// unmapped (null) rather than being put under "other" unseen.

const rules: [RegExp, string][] = [
  [/homicide|murder|убийств|кісі өлтір/i, 'homicide'],
  [/sexual|изнасил|половы|жыныстық/i, 'sexual_offence'],
  [/domestic|семейн|в семье|бытов|отбасы/i, 'domestic_violence'],
  [/robber|грабеж|грабёж|разбой|тонау|қарақшы/i, 'robbery'],
  [/offen[cs]e against a person|assault|вреда? здоровью|побо|денсаулыққа зиян/i, 'assault'],
  [/theft from (a )?vehicle|из автомобил|көліктен/i, 'theft_from_vehicle'],
  [/theft of (a )?vehicle|vehicle theft|угон|кража автомобил|көлік ұрла|көлікті айдап/i, 'vehicle_theft'],
  [/bicycle|велосипед/i, 'bicycle_theft'],
  [/break and enter commercial|commercial|организаци|ұйымдардан/i, 'commercial_burglary'],
  [/break and enter residential|residential|квартир|пәтер/i, 'apartment_theft'],
  [/fraud|мошенни|алаяқ/i, 'fraud'],
  [/mischief|vandal|вандал|порч|бүлдір/i, 'vandalism'],
  [/drug|нарко|есірткі/i, 'drugs'],
  [/collision|pedestrian struck|дтп|жко|жкө|жол-көлік/i, 'traffic_injury'],
  [/disorder|хулиган|бұзақы/i, 'public_order'],
  [/street|уличн|көше/i, 'street_crime'],
  [/theft|краж|ұрлы/i, 'theft'],
];

export function guessLine(sourceCategory: string): string | null {
  for (const [pattern, line] of rules) if (pattern.test(sourceCategory)) return line;
  return null;
}
