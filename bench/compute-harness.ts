/**
 * A harness for work that is not an HTTP request (an import, a forecast, an allocation): each case runs
 * our code and a reference side by side in the same process — the floor the database or a plain
 * version sets — and prints their times, the ratio and the peak RSS of each. Results go to
 * bench/results/<name>.json. Exit code 1 only if a case threw.
 *
 *   BENCH_REPEAT  runs of each side, the best is kept (default 3)
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const MIB = 1024 * 1024;

export interface ComputeCase {
  /** What is measured, e.g. "prospective hotspots, 1 M incidents". */
  label: string;
  /** Items processed per run (rows, incidents, sectors × shifts), for a rate. */
  items?: number;
  itemsName?: string;
  ours: () => Promise<unknown> | unknown;
  reference?: { label: string; run: () => Promise<unknown> | unknown };
  /** The goal on our time, e.g. { seconds: 5 } or { perSecond: 50_000 }. */
  goal?: { seconds?: number; perSecond?: number; peakRssMiB?: number };
}

interface Measured {
  seconds: number;
  peakRss: number;
}

async function timed(work: () => Promise<unknown> | unknown): Promise<Measured> {
  global.gc?.();
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - t0) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { seconds, peakRss };
}

async function best(work: () => Promise<unknown> | unknown, repeat: number): Promise<Measured> {
  let result: Measured | null = null;
  for (let i = 0; i < repeat; i++) {
    const m = await timed(work);
    result = result === null ? m : { seconds: Math.min(result.seconds, m.seconds), peakRss: Math.max(result.peakRss, m.peakRss) };
  }
  return result!;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export async function runComputeBenchmark(name: string, describe: string, cases: ComputeCase[], options: { repeat?: number } = {}): Promise<void> {
  const repeat = options.repeat ?? Number(process.env.BENCH_REPEAT ?? 3);
  const results: unknown[] = [];
  console.log(`\nopenbeat bench: ${name} — ${describe}; node ${process.version}; best of ${repeat}\n`);
  try {
    for (const c of cases) {
      process.stderr.write(`  ${c.label} …\n`);
      const ours = await best(c.ours, repeat);
      const reference = c.reference ? await best(c.reference.run, repeat) : null;
      const rate = c.items ? c.items / ours.seconds : null;
      const verdicts: string[] = [];
      if (c.goal?.seconds !== undefined) verdicts.push(ours.seconds <= c.goal.seconds ? `≤ ${c.goal.seconds} s PASS` : `≤ ${c.goal.seconds} s BELOW GOAL`);
      if (c.goal?.perSecond !== undefined && rate !== null) verdicts.push(rate >= c.goal.perSecond ? `≥ ${fmt(c.goal.perSecond)}/s PASS` : `≥ ${fmt(c.goal.perSecond)}/s BELOW GOAL`);
      if (c.goal?.peakRssMiB !== undefined) verdicts.push(ours.peakRss / MIB <= c.goal.peakRssMiB ? `RSS ≤ ${c.goal.peakRssMiB} MiB PASS` : `RSS ≤ ${c.goal.peakRssMiB} MiB BELOW GOAL`);
      console.log(`  ${c.label}`);
      console.log(`    ours        ${fmt(ours.seconds, 3).padStart(9)} s${rate !== null ? `  ${fmt(rate).padStart(10)} ${c.itemsName ?? 'items'}/s` : ''}   peak RSS ${fmt(ours.peakRss / MIB)} MiB`);
      if (reference && c.reference) {
        console.log(`    reference   ${fmt(reference.seconds, 3).padStart(9)} s${c.items ? `  ${fmt(c.items / reference.seconds).padStart(10)} ${c.itemsName ?? 'items'}/s` : ''}   peak RSS ${fmt(reference.peakRss / MIB)} MiB   (${c.reference.label})`);
        console.log(`    ratio (reference time / our time): ${(reference.seconds / ours.seconds).toFixed(3)}`);
      }
      if (verdicts.length) console.log(`    goal: ${verdicts.join(', ')}`);
      results.push({ label: c.label, items: c.items ?? null, ours, reference: reference ? { ...reference, label: c.reference!.label } : null, ratio: reference ? reference.seconds / ours.seconds : null, goal: c.goal ?? null, verdicts });
    }
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
  const file = fileURLToPath(new URL(`./results/${name}.json`, import.meta.url));
  fs.mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ name, describe, at: new Date().toISOString(), node: process.version, results }, null, 2));
  console.log(`\n  results: results/${name}.json`);
}
