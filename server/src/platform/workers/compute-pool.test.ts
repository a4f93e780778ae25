import { afterAll, describe, expect, it } from 'vitest';
import type { FixtureJob } from '../../test-support/compute-fixture.worker.js';
import { computePool } from './compute-pool.js';

const pool = computePool<FixtureJob, { doubled: number; samples: Float64Array }>(new URL('../../test-support/compute-fixture.worker.js', import.meta.url));
afterAll(() => pool.close());

describe('compute pool', () => {
  it('runs the job on another thread: its progress arrives while it waits for this thread to release it', async () => {
    const gate = new SharedArrayBuffer(4);
    const flag = new Int32Array(gate);
    const seen: [number, string, Record<string, string | number> | undefined][] = [];
    const result = pool.run({ kind: 'wait', gate, value: 21 }, (fraction, stage, params) => {
      seen.push([fraction, stage, params]);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    });
    // were the job on this thread, the release above could never run and the answer would be -1
    const answer = await result;
    expect(answer.doubled).toBe(42);
    expect(Array.from(answer.samples)).toEqual([1.5, 2.5]);
    expect(seen).toEqual([[0.5, 'waiting', { value: 21 }]]);
  });

  it("rejects with the job's error and keeps serving the next job", async () => {
    await expect(pool.run({ kind: 'fail', message: 'horizon must be positive' })).rejects.toThrow('horizon must be positive');
    const gate = new SharedArrayBuffer(4);
    const flag = new Int32Array(gate);
    const answer = await pool.run({ kind: 'wait', gate, value: 5 }, () => {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    });
    expect(answer.doubled).toBe(10);
  });
});
