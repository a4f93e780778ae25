import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Registry, type Metric } from 'prom-client';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const NAME = 'openbeat_http_request_duration_seconds';

/** One route and status: counts per bucket, sum and count, added to without any lookup. */
interface Series {
  labels: { method: string; route: string; status: string };
  buckets: Float64Array;
  sum: number;
  count: number;
}

/**
 * Request duration by method, route and status, in Prometheus histogram form. Each route keeps its
 * series per status, found when the route registers, so a request adds to counters instead of building
 * and hashing a label set (prom-client's Histogram does that on every observation, a few per cent of a
 * small answer's time); the registry reads the series when scraped.
 */
class RequestDurations {
  private readonly series: Series[] = [];

  seriesFor(method: string, route: string): (status: number) => Series {
    const byStatus = new Map<number, Series>();
    return (status) => {
      let s = byStatus.get(status);
      if (!s) {
        s = { labels: { method, route, status: String(status) }, buckets: new Float64Array(BUCKETS.length), sum: 0, count: 0 };
        byStatus.set(status, s);
        this.series.push(s);
      }
      return s;
    };
  }

  static observe(s: Series, seconds: number): void {
    s.sum += seconds;
    s.count++;
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) s.buckets[i]!++;
  }

  /** What prom-client's registry reads: the same shape its own Histogram returns. */
  metric(): Metric {
    const series = this.series;
    return {
      name: NAME,
      help: 'HTTP request duration by method, route and status',
      type: 'histogram',
      aggregator: 'sum',
      get: async () => ({
        name: NAME,
        help: 'HTTP request duration by method, route and status',
        type: 'histogram',
        aggregator: 'sum',
        values: series.flatMap((s) => [
          ...BUCKETS.map((le, i) => ({ metricName: `${NAME}_bucket`, labels: { ...s.labels, le }, value: s.buckets[i]! })),
          { metricName: `${NAME}_bucket`, labels: { ...s.labels, le: '+Inf' }, value: s.count },
          { metricName: `${NAME}_sum`, labels: s.labels, value: s.sum },
          { metricName: `${NAME}_count`, labels: s.labels, value: s.count },
        ]),
      }),
      reset: () => undefined,
    } as unknown as Metric;
  }
}

/**
 * Prometheus metrics: process defaults plus request duration by route and status. Install before the
 * routes are added (each route's series is bound as it registers); answers no route matched are counted
 * under `unmatched` by `observeUnmatched` from the not-found handler.
 */
export function installMetrics(app: FastifyInstance): { registry: Registry; observeUnmatched: (request: FastifyRequest, reply: FastifyReply) => void } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const durations = new RequestDurations();
  registry.registerMetric(durations.metric());
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      const seriesOf = durations.seriesFor(method, route.url);
      const hook = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
        if (request.method === method) RequestDurations.observe(seriesOf(reply.statusCode), reply.elapsedTime / 1000);
        done();
      };
      const own = route.onResponse === undefined ? [] : Array.isArray(route.onResponse) ? route.onResponse : [route.onResponse];
      route.onResponse = [...own, hook];
    }
  });
  const unmatched = new Map<string, (status: number) => Series>();
  const observeUnmatched = (request: FastifyRequest, reply: FastifyReply) => {
    let seriesOf = unmatched.get(request.method);
    if (!seriesOf) unmatched.set(request.method, (seriesOf = durations.seriesFor(request.method, 'unmatched')));
    RequestDurations.observe(seriesOf(reply.statusCode), reply.elapsedTime / 1000);
  };
  app.get(
    '/metrics',
    { config: { access: 'public' }, schema: { hide: true } },
    async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  );
  return { registry, observeUnmatched };
}
