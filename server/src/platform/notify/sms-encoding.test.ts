import { describe, expect, it } from 'vitest';
import { smsShape } from './sms-encoding.js';

describe('SMS encoding and parts', () => {
  it('keeps Latin text in GSM 7-bit: 160 in one part, 153 per part beyond', () => {
    expect(smsShape('a'.repeat(160))).toMatchObject({ encoding: 'gsm7', segments: 1 });
    expect(smsShape('a'.repeat(161))).toMatchObject({ encoding: 'gsm7', segments: 2, perSegment: 153 });
    expect(smsShape('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsShape('a'.repeat(307))).toMatchObject({ segments: 3 });
  });
  it('counts extension characters twice', () => {
    expect(smsShape('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsShape('€'.repeat(81))).toMatchObject({ segments: 2 });
  });
  it('makes any Cyrillic (or Kazakh) letter UCS-2: 70 in one part, 67 per part beyond', () => {
    expect(smsShape('я'.repeat(70))).toMatchObject({ encoding: 'ucs2', segments: 1 });
    expect(smsShape('я'.repeat(71))).toMatchObject({ encoding: 'ucs2', segments: 2, perSegment: 67 });
    expect(smsShape('Code AP-7K3M-Q9P2 қ')).toMatchObject({ encoding: 'ucs2', segments: 1 });
    expect(smsShape('я'.repeat(134))).toMatchObject({ segments: 2 });
    expect(smsShape('я'.repeat(135))).toMatchObject({ segments: 3 });
  });
  it('an empty text is one part', () => {
    expect(smsShape('')).toMatchObject({ segments: 1 });
  });
});
