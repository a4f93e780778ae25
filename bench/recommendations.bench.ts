/**
 * Throughput of the public recommendations list, GET /api/v1/recommendations, against a bare Fastify
 * route sending the same body (see harness.ts for the method and the environment variables).
 *
 *   npm run bench                                   (from the repository root: every benchmark)
 *   BENCH_DURATION=5 node --import tsx recommendations.bench.ts   (from bench/)
 */
import { runBenchmark } from './harness.js';

await runBenchmark({ name: 'recommendations', route: '/api/v1/recommendations' });
