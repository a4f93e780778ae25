/**
 * Filing an appeal: POST /api/v1/appeals (JSON, with a place, so each request locates the precinct,
 * masks the text, computes the working-day deadline and writes the appeal, its events, an audit entry
 * and an outbox row in one transaction), against a bare Fastify route that parses the same JSON and
 * answers the same body (see harness.ts).
 *
 *   BENCH_DURATION=5 node --import tsx submit-appeal.bench.ts   (from bench/)
 */
import { runBenchmark } from './harness.js';

const body = JSON.stringify({
  category: 'public_order',
  description: 'Шумная компания во дворе после 23:00, звоните +7 701 123 45 67 (нагрузочный тест)',
  lat: 43.255,
  lon: 76.92,
  contact: { phone: '+77015550000', lang: 'ru' },
});

await runBenchmark({
  name: 'submit-appeal',
  route: '/api/v1/appeals',
  describeData: 'JSON appeal with a place and a contact',
  post: { body },
  env: { APPEAL_RATE_LIMIT: '1000000000' },
});
