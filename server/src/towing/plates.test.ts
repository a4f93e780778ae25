import { describe, expect, it } from 'vitest';
import { displayPlate, normalizePlate, plateCharactersValid } from './plates.js';

describe('Kazakhstan plates', () => {
  it.each([
    ['123 ABC 02', '123ABC02', 'kz2012'],
    ['123abc02', '123ABC02', 'kz2012'],
    ['123 АВС 02', '123ABC02', 'kz2012'], // Cyrillic А, В, С
    ['123-КМН-02', '123KMH02', 'kz2012'],
    ['777 ОРТ 20', '777OPT20', 'kz2012'],
    ['045 AB 01', '045AB01', 'kz2012_legal'],
    ['A 123 BCD', 'A123BCD', 'kz1993'],
    ['а123вс', 'A123BC', 'kz1993'],
  ])('%s → %s (%s)', (raw, plate, format) => {
    expect(normalizePlate(raw)).toEqual({ plate, format });
  });

  it.each(['123 ABC 21', '123 ABC 00', '12 ABC 02', '1234 ABC 02', 'ABC 123', '123 ЖЮЯ 02', ''])('%s fits no known format', (raw) => {
    expect(normalizePlate(raw).format).toBeNull();
  });

  it('keeps only plates made of letters and digits', () => {
    expect(plateCharactersValid(normalizePlate('CD 0123').plate)).toBe(true);
    expect(plateCharactersValid(normalizePlate('123 ЖЮЯ 02').plate)).toBe(false);
    expect(plateCharactersValid(normalizePlate('<script>').plate)).toBe(false);
    expect(plateCharactersValid('')).toBe(false);
  });

  it('writes a plate as it is on the car', () => {
    expect(displayPlate('123ABC02')).toBe('123 ABC 02');
    expect(displayPlate('045AB01')).toBe('045 AB 01');
    expect(displayPlate('A123BCD')).toBe('A 123 BCD');
    expect(displayPlate('CD0123')).toBe('CD0123');
  });
});
