import { describe, expect, it } from 'vitest';

import { guessLine } from './crime.lines.js';

describe('guessLine', () => {
  it("guesses the line of each of Vancouver's 11 categories", () => {
    const vancouver: Record<string, string> = {
      'Theft from Vehicle': 'theft_from_vehicle',
      'Other Theft': 'theft',
      Mischief: 'vandalism',
      'Offence Against a Person': 'assault',
      'Break and Enter Commercial': 'commercial_burglary',
      'Break and Enter Residential/Other': 'apartment_theft',
      'Theft of Bicycle': 'bicycle_theft',
      'Theft of Vehicle': 'vehicle_theft',
      'Vehicle Collision or Pedestrian Struck (with Injury)': 'traffic_injury',
      'Vehicle Collision or Pedestrian Struck (with Fatality)': 'traffic_injury',
      Homicide: 'homicide',
    };
    for (const [category, line] of Object.entries(vancouver)) expect(guessLine(category), category).toBe(line);
  });

  it("guesses the line of each of the demo register's Russian categories", () => {
    const demo: Record<string, string> = {
      Кража: 'theft',
      'Квартирная кража': 'apartment_theft',
      'Кража из автомобиля': 'theft_from_vehicle',
      'Угон автомобиля': 'vehicle_theft',
      'Уличное преступление': 'street_crime',
      Хулиганство: 'public_order',
      Мошенничество: 'fraud',
      Наркопреступление: 'drugs',
      Вандализм: 'vandalism',
      Грабёж: 'robbery',
      'Причинение вреда здоровью': 'assault',
      'Насилие в семье': 'domestic_violence',
      'ДТП с пострадавшими': 'traffic_injury',
    };
    for (const [category, line] of Object.entries(demo)) expect(guessLine(category), category).toBe(line);
  });

  it('reads other spellings and cases (грабеж, upper case, Kazakh)', () => {
    expect(guessLine('ГРАБЕЖ')).toBe('robbery');
    expect(guessLine('дтп')).toBe('traffic_injury');
    expect(guessLine('Пәтер ұрлығы')).toBe('apartment_theft');
    expect(guessLine('Есірткі қылмысы')).toBe('drugs');
    expect(guessLine('THEFT OF VEHICLE')).toBe('vehicle_theft');
  });

  it('leaves a name it does not recognise unmapped rather than calling it "other"', () => {
    for (const category of ['Прочие', 'Miscellaneous', 'Lost property', '']) expect(guessLine(category), category).toBeNull();
  });
});
