import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smsShape } from './sms-encoding.js';
import { concatReference, DATA_CODING, decodeSmppText, encodeForSmpp, ESM_CLASS_UDHI, readUdh } from './smpp-encoding.js';

/** Each part's header and text, decoded on its own — as a handset receives it. */
function decodeParts(text: string, reference = 7) {
  const encoded = encodeForSmpp(text, reference);
  return {
    ...encoded,
    decoded: encoded.parts.map((part) => {
      const { concatenation, body } = encoded.esmClass & ESM_CLASS_UDHI ? readUdh(part.shortMessage) : { concatenation: null, body: part.shortMessage };
      return { concatenation, body, text: decodeSmppText(body, encoded.dataCoding) };
    }),
  };
}

const units = (body: Buffer, dataCoding: number) => (dataCoding === DATA_CODING.ucs2 ? body.length / 2 : body.length);

describe('SMPP encoding and concatenation', () => {
  it('sends a short Latin text as one GSM 7-bit part, one septet per octet, with no header', () => {
    const { encoding, dataCoding, esmClass, parts } = encodeForSmpp('Hi @ 5$', 1);
    expect({ encoding, dataCoding, esmClass }).toEqual({ encoding: 'gsm7', dataCoding: 0, esmClass: 0 });
    expect([...parts[0]!.shortMessage]).toEqual([0x48, 0x69, 0x20, 0x00, 0x20, 0x35, 0x02]);
  });

  it('writes an extension character as ESC and its code, and reads it back', () => {
    const { parts } = encodeForSmpp('€[]{}~|^\\', 1);
    expect([...parts[0]!.shortMessage]).toEqual([0x1b, 0x65, 0x1b, 0x3c, 0x1b, 0x3e, 0x1b, 0x28, 0x1b, 0x29, 0x1b, 0x3d, 0x1b, 0x40, 0x1b, 0x14, 0x1b, 0x2f]);
    expect(decodeSmppText(parts[0]!.shortMessage, 0)).toBe('€[]{}~|^\\');
  });

  it('keeps 160 septets in one part and splits 161 into 153 + 8 with a concatenation header', () => {
    expect(encodeForSmpp('a'.repeat(160), 1).parts).toHaveLength(1);
    const long = decodeParts('a'.repeat(161), 0x2a);
    expect(long.esmClass).toBe(ESM_CLASS_UDHI);
    expect(long.parts.map((p) => [...p.shortMessage.subarray(0, 6)])).toEqual([
      [0x05, 0x00, 0x03, 0x2a, 2, 1],
      [0x05, 0x00, 0x03, 0x2a, 2, 2],
    ]);
    expect(long.decoded.map((d) => d.body.length)).toEqual([153, 8]);
  });

  it('never ends a GSM part between the escape and its extension character', () => {
    const text = `${'a'.repeat(152)}€${'b'.repeat(20)}`;
    const { decoded, parts } = decodeParts(text);
    expect(decoded.map((d) => d.body.length)).toEqual([152, 22]);
    expect(decoded[0]!.body.at(-1)).not.toBe(0x1b);
    expect(decoded.map((d) => d.text)).toEqual(parts.map((p) => p.text));
    expect(decoded.map((d) => d.text).join('')).toBe(text);
  });

  it('sends Cyrillic as UCS-2 (UTF-16BE): 70 characters in one part, 67 per part beyond', () => {
    const one = encodeForSmpp('я'.repeat(70), 1);
    expect({ encoding: one.encoding, dataCoding: one.dataCoding, parts: one.parts.length }).toEqual({ encoding: 'ucs2', dataCoding: 8, parts: 1 });
    expect([...one.parts[0]!.shortMessage.subarray(0, 2)]).toEqual([0x04, 0x4f]);
    const text = 'Ваш автомобиль эвакуирован на штрафстоянку: ул. Примерная, 1, с 08:00 до 22:00. Причина: ст. 597 КоАП РК. Штраф 17 250 тг. Подробности: https://ob.kz/t/AB12CD34 код 482913';
    expect(text.length).toBeGreaterThan(134);
    const { decoded } = decodeParts(text);
    expect(decoded.map((d) => d.concatenation?.total)).toEqual([3, 3, 3]);
    expect(decoded.map((d) => d.concatenation?.sequence)).toEqual([1, 2, 3]);
    expect(decoded.map((d) => d.body.length / 2)).toEqual([67, 67, text.length - 134]);
    expect(decoded.map((d) => d.text).join('')).toBe(text);
  });

  it('never splits a surrogate pair: the part ends one unit short instead', () => {
    const text = `${'я'.repeat(66)}😀${'я'.repeat(10)}`;
    const { decoded } = decodeParts(text);
    expect(decoded.map((d) => d.body.length / 2)).toEqual([66, 12]);
    expect(decoded[1]!.text.startsWith('😀')).toBe(true);
    expect(decoded.map((d) => d.text).join('')).toBe(text);
  });

  it('derives the concatenation reference from the idempotency key: the same on every resubmission', () => {
    expect(concatReference('tow:1:notice')).toBe(concatReference('tow:1:notice'));
    const refs = new Set(Array.from({ length: 200 }, (_, i) => concatReference(`tow:${i}:notice`)));
    expect(refs.size).toBeGreaterThan(100);
    expect([...refs].every((ref) => Number.isInteger(ref) && ref >= 0 && ref < 256)).toBe(true);
  });

  it('for any text: parts within the limit, numbered 1..n under one reference, joining back to the text', () => {
    const unit = fc.constantFrom('a', 'Z', '7', ' ', '@', 'é', '€', '[', '\\', '^', '\n', 'я', 'қ', 'Ә', '😀', '𝄞', '—');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 500 }), fc.nat({ max: 255 }), (chars, reference) => {
        const text = chars.join('');
        const { decoded, dataCoding, encoding, parts } = decodeParts(text, reference);
        expect(encoding).toBe(smsShape(text).encoding);
        expect(decoded.map((d) => d.text).join('')).toBe(text);
        if (parts.length === 1) {
          expect(units(decoded[0]!.body, dataCoding)).toBeLessThanOrEqual(encoding === 'gsm7' ? 160 : 70);
          return;
        }
        for (const [i, d] of decoded.entries()) {
          expect(d.concatenation).toEqual({ reference, total: parts.length, sequence: i + 1 });
          expect(units(d.body, dataCoding)).toBeLessThanOrEqual(encoding === 'gsm7' ? 153 : 67);
          expect(d.text).toBe(parts[i]!.text);
        }
        // a part may end one unit short (an escape or a surrogate pair kept whole), so it can take one more part than smsShape counts
        expect(parts.length).toBeGreaterThanOrEqual(smsShape(text).segments);
      }),
    );
  });

  it('agrees with smsShape on the number of parts when every character is one unit', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', ' ', '1', 'я', 'қ'), { maxLength: 600 }), (chars) => {
        const text = chars.join('');
        expect(encodeForSmpp(text, 0).parts).toHaveLength(smsShape(text).segments);
      }),
    );
  });
});
