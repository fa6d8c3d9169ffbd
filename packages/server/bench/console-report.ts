// The console bench's figures: per-step samples, frame statistics, and the JSON lines summarising a run.
import { loadavg } from 'node:os';
import { MAX_LIMIT, unbounded, type Network, type Rec } from './console-network';
import type { BenchMeta } from './generate-meta';
import { emit, log, percentile, round } from './lib/server';

export interface Sample {
  ms: number;
  /** Extra per-sample figures (frame intervals of a scroll…). */
  extra?: Record<string, number>;
}

export interface Step {
  name: string;
  what: string;
  samples: Sample[];
}

/** One JSON line per measured step (latency, frames, the API requests it made), then one for every request of the run; sets a failing exit code on an unbounded list. */
export function emitResults(o: { db: 'pglite' | 'postgres' }, meta: BenchMeta, steps: Map<string, Step>, networks: Network[]): void {
  let violations: Rec[] = [];
  for (const st of steps.values()) {
    const recs = networks.flatMap((n) => n.records).filter((r) => r.step === st.name);
    const ms = st.samples.map((s) => s.ms).sort((a, b) => a - b);
    const largest = recs.reduce<Rec | null>((m, r) => (!m || r.bytes > m.bytes ? r : m), null);
    const slowest = recs.reduce<Rec | null>((m, r) => (!m || r.ms > m.ms ? r : m), null);
    const bad = recs.filter(unbounded);
    violations = violations.concat(bad);
    const extra: Record<string, { p50: number; p95: number; max: number }> = {};
    for (const k of Object.keys(st.samples[0]?.extra ?? {})) {
      const v = st.samples.map((s) => s.extra![k]).sort((a, b) => a - b);
      extra[k] = { p50: round(percentile(v, 50), 1), p95: round(percentile(v, 95), 1), max: round(v[v.length - 1], 1) };
    }
    const reqMs = recs.map((r) => r.ms).sort((a, b) => a - b);
    emit({
      bench: 'console',
      db: o.db,
      load_avg_1m: round(loadavg()[0], 1),
      tickets: meta.tickets,
      step: st.name,
      what: st.what,
      runs: ms.length,
      ms: { p50: round(percentile(ms, 50), 1), p95: round(percentile(ms, 95), 1), min: ms[0], max: ms[ms.length - 1] },
      ...(Object.keys(extra).length ? { [st.name.startsWith('cold:') ? 'extra' : 'frames']: extra } : {}),
      api: {
        requests_per_run: round(recs.length / ms.length, 1),
        request_ms: { p50: round(percentile(reqMs, 50), 1), p95: round(percentile(reqMs, 95), 1) },
        largest: largest && { bytes: largest.bytes, url: largest.url, items: largest.items },
        slowest: slowest && { ms: slowest.ms, url: slowest.url },
        unbounded: bad.map((r) => r.url),
      },
    });
  }
  // requests outside a measured step (setup, resets) are checked as well
  const everything = networks.flatMap((n) => n.records);
  violations = everything.filter(unbounded);
  const noLimit = new Map<string, { n: number; maxItems: number; maxBytes: number }>();
  for (const r of everything)
    if (r.method === 'GET' && r.items !== null && r.limit === null) {
      const k = r.url.split('?')[0].replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
      const v = noLimit.get(k) ?? { n: 0, maxItems: 0, maxBytes: 0 };
      noLimit.set(k, { n: v.n + 1, maxItems: Math.max(v.maxItems, r.items), maxBytes: Math.max(v.maxBytes, r.bytes) });
    }
  emit({
    bench: 'console.requests',
    db: o.db,
    requests: everything.length,
    // 401 GET /auth/me is the signed-out check of each new session before its sign-in
    not_ok: everything.filter((r) => r.status === 0 || r.status >= 400).map((r) => `${r.status} ${r.method} ${r.url}`),
    max_items: Math.max(...everything.map((r) => r.items ?? 0)),
    max_limit: Math.max(...everything.map((r) => r.limit ?? 0)),
    largest: everything.reduce((m, r) => (r.bytes > m.bytes ? r : m)),
    slowest: everything.reduce((m, r) => (r.ms > m.ms ? r : m)),
    // lists answered without a limit parameter (the server's default page applies, or the whole set)
    lists_without_limit: Object.fromEntries(noLimit),
    unbounded: violations.map((r) => `${r.method} ${r.url} (${r.items} items)`),
    ok: violations.length === 0,
  });
  if (violations.length) {
    log(`console: ${violations.length} request(s) asked for or received more than ${MAX_LIMIT} items`);
    process.exitCode = 1;
  }
}

export function frameSample(r: { ms: number; frames: number[] }): Sample {
  const f = [...r.frames].sort((a, b) => a - b);
  return { ms: round(r.ms, 1), extra: { frames: f.length, frame_p50_ms: round(percentile(f, 50), 1), frame_max_ms: round(f[f.length - 1], 1), frames_over_50ms: f.filter((x) => x > 50).length } };
}

