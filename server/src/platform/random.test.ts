import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random.js';

/** Folds the first `n` numbers of a seed's sequence into one 32-bit fingerprint. */
function fingerprint(seed: number, n: number): number {
  const random = mulberry32(seed);
  let acc = 0;
  for (let i = 0; i < n; i++) acc = (acc * 31 + Math.floor(random() * 4294967296)) >>> 0;
  return acc;
}

describe('mulberry32', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const [a, b, c] = [mulberry32(42), mulberry32(42), mulberry32(43)];
    const first = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(first);
    expect(Array.from({ length: 100 }, () => c())).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });

  it('keeps the sequences the demo data was generated with', () => {
    // Pinned: a change here changes every demo database (appeals 311, precincts 20261126, performance 20210401).
    const appeals = mulberry32(311);
    expect([appeals(), appeals(), appeals(), appeals()]).toEqual([0.5879040639847517, 0.6782679322641343, 0.4038491880055517, 0.7165616953279823]);
    const precincts = mulberry32(20261126);
    expect([precincts(), precincts(), precincts()]).toEqual([0.8969419626519084, 0.6857463242486119, 0.16515310131944716]);
    const performance = mulberry32(20_210_401);
    expect([performance(), performance(), performance()]).toEqual([0.4218670865520835, 0.07869361969642341, 0.6978358027990907]);
    expect([fingerprint(311, 10_000), fingerprint(20261126, 10_000), fingerprint(20_210_401, 10_000)]).toEqual([1813508716, 1712520164, 3437681564]);
  });
});
