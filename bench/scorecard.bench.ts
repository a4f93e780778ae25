/**
 * Throughput of a public programme scorecard, GET /api/v1/programmes/:code, for a programme of
 * 100 indicators × 5 years of monthly values (6 000 values), against a bare Fastify route sending the
 * same body (see harness.ts for the method and the environment variables).
 *
 *   BENCH_DURATION=5 node --import tsx scorecard.bench.ts   (from bench/)
 */
import { indicators, indicatorValues, programmes } from '../server/src/performance/performance.tables.js';
import { parsePeriod } from '../server/src/performance/performance.domain.js';
import { runBenchmark } from './harness.js';

const CODE = 'bench-programme';
const INDICATORS = 100;
const YEARS = [2020, 2021, 2022, 2023, 2024];

await runBenchmark({
  name: 'scorecard',
  route: `/api/v1/programmes/${CODE}`,
  describeData: `${INDICATORS} indicators × ${YEARS.length} years of monthly values`,
  async prepare(db) {
    const [programme] = await db
      .insert(programmes)
      .values({
        code: CODE,
        kind: 'plan',
        name: { ru: 'Нагрузочная программа', kk: 'Жүктеме бағдарламасы', en: 'Benchmark programme' },
        description: { ru: 'Синтетическая', kk: 'Синтетикалық', en: 'Synthetic' },
        startsOn: '2020-01-01',
        endsOn: '2024-12-31',
      })
      .returning({ id: programmes.id });
    for (let n = 0; n < INDICATORS; n++) {
      const lowerBetter = n % 2 === 0;
      const [indicator] = await db
        .insert(indicators)
        .values({
          code: `bench_${n}`,
          name: { ru: `Показатель ${n}`, kk: `Көрсеткіш ${n}`, en: `Indicator ${n}` },
          measure: n % 3 === 0 ? 'percent' : 'count',
          direction: lowerBetter ? 'lower_better' : 'higher_better',
          baselinePeriod: '2020-01',
          baselineValue: '100',
          targetValue: lowerBetter ? '80' : '120',
          dataSource: 'synthetic benchmark data',
          programmeId: programme!.id,
          synthetic: true,
        })
        .returning({ id: indicators.id });
      const rows = YEARS.flatMap((year) =>
        Array.from({ length: 12 }, (_, m) => {
          const period = parsePeriod(`${year}-${String(m + 1).padStart(2, '0')}`)!;
          const value = 100 + (lowerBetter ? -1 : 1) * ((year - 2020) * 12 + m) * 0.3 + ((n * 7 + m) % 5);
          return { indicatorId: indicator!.id, periodKind: period.kind, periodCode: period.code, periodStart: period.start, periodEnd: period.end, value: value.toFixed(1), source: 'synthetic', enteredByRole: 'system', enteredByUnit: 'city', synthetic: true };
        }),
      );
      await db.insert(indicatorValues).values(rows);
    }
  },
});
