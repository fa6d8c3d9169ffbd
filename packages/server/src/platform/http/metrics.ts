import type { FastifyInstance } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import client from 'prom-client';
import { AppError } from '../errors';

declare module 'fastify' {
  interface FastifyInstance {
    /** the registry /metrics serves: background workers add their gauges with registerGauge */
    metricsRegistry: client.Registry;
  }
}

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Prometheus metrics at /metrics: process defaults plus request counts and latency per route. They tell
 * an outsider the routes, the load and the process's memory, so they are served only to a scraper that
 * sends `Authorization: Bearer <METRICS_TOKEN>`; without the setting the endpoint is off.
 */
export function registerMetrics(app: FastifyInstance, token: string) {
  const registry = new client.Registry();
  app.decorate('metricsRegistry', registry);
  client.collectDefaultMetrics({ register: registry, prefix: 'gongdan_' });
  const requests = new client.Counter({ name: 'gongdan_http_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const duration = new client.Histogram({
    name: 'gongdan_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    if (!token) throw new AppError('NOT_FOUND', 'Metrics are off; set METRICS_TOKEN and scrape with "Authorization: Bearer <token>"');
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !sameToken(auth.slice(7).trim(), token))
      throw new AppError('UNAUTHENTICATED', 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>"');
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
  return registry;
}

/** A gauge read at each scrape, for state kept outside HTTP (the outbox's held-back time). */
export function registerGauge(app: FastifyInstance, o: { name: string; help: string; read: () => number }): void {
  new client.Gauge({
    name: o.name,
    help: o.help,
    registers: [app.metricsRegistry],
    collect() {
      this.set(o.read());
    },
  });
}
