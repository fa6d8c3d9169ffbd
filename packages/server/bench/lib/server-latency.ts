// The server's own view of request latency, from its Prometheus histogram at /metrics: what share of
// the requests of one route took longer than each bucket bound inside the server (from the request being
// read to the response being written). Compared with the load generator's figures, it tells whether a
// tail is spent in the server or before and after it (kernel, scheduling, the load generator itself).

/** The token benchmark servers are started with (bench/lib/server.ts); BENCH_METRICS_TOKEN for a server of your own. */
export const BENCH_METRICS_TOKEN = process.env.BENCH_METRICS_TOKEN ?? 'bench-metrics';
const scrape = async (url: string) => (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } })).text();

export type Histogram = Map<number, number>; // upper bound (s) -> cumulative count

export async function routeHistogram(url: string, method: string, route: string): Promise<Histogram> {
  const text = await scrape(url);
  const h: Histogram = new Map();
  const re = /^gongdan_http_request_duration_seconds_bucket\{(.*)\} (\d+(?:\.\d+)?)$/gm;
  for (const m of text.matchAll(re)) {
    const labels = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (labels.method !== method || labels.route !== route) continue;
    h.set(labels.le === '+Inf' ? Infinity : Number(labels.le), Number(m[2]));
  }
  return h;
}

/** Share (in %) of the requests between two scrapes that took longer than each bound, in ms. */
export function shareOver(before: Histogram, after: Histogram): Record<string, number> {
  const total = (after.get(Infinity) ?? 0) - (before.get(Infinity) ?? 0);
  const out: Record<string, number> = {};
  for (const [le, n] of after) {
    if (le === Infinity || !total) continue;
    const within = n - (before.get(le) ?? 0);
    out[`over_${Math.round(le * 1000)}ms_pct`] = Math.round(((total - within) / total) * 1000) / 10;
  }
  return out;
}

/**
 * The longest and the 99th-percentile delay of the server's event loop since the previous scrape (the
 * process metrics reset it on each scrape): scrape once before a run to start the window.
 */
export async function eventLoopLag(url: string): Promise<{ max_ms: number; p99_ms: number }> {
  const text = await scrape(url);
  const read = (name: string) => Math.round(Number(new RegExp(`^gongdan_nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) * 1000);
  return { max_ms: read('max'), p99_ms: read('p99') };
}
