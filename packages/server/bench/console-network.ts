// The /api/ requests of a browser context, recorded per bench step, and the check for unbounded lists.
import type { BrowserContext, Request } from 'playwright-core';
import { TIMEOUT } from './console-page';
import { log, round } from './lib/server';

export const MAX_LIMIT = 500;

export interface Rec {
  step: string;
  method: string;
  url: string;
  status: number;
  ms: number;
  bytes: number;
  items: number | null;
  limit: number | null;
}

/** Every /api/ request of a browser context, attributed to the step running when it started. */
export class Network {
  step = 'setup';
  readonly records: Rec[] = [];
  private inflight = 0;
  private handlers: Promise<void>[] = [];
  private lastChange = performance.now();

  constructor(context: BrowserContext) {
    const starts = new Map<Request, string>();
    context.on('request', (r) => {
      if (!new URL(r.url()).pathname.startsWith('/api/')) return;
      starts.set(r, this.step);
      this.inflight++;
      this.lastChange = performance.now();
    });
    const done = (r: Request, failed: boolean) => {
      const step = starts.get(r);
      if (step === undefined) return;
      starts.delete(r);
      this.handlers.push(
        this.record(r, step, failed).finally(() => {
          this.inflight--;
          this.lastChange = performance.now();
        }),
      );
    };
    context.on('requestfinished', (r) => done(r, false));
    context.on('requestfailed', (r) => done(r, true));
  }

  private async record(r: Request, step: string, failed: boolean) {
    const u = new URL(r.url());
    const limit = u.searchParams.get('limit');
    let status = 0;
    let bytes = 0;
    let items: number | null = null;
    if (!failed) {
      const res = await r.response().catch(() => null);
      status = res?.status() ?? 0;
      const body = await res?.body().catch(() => null);
      bytes = body?.length ?? 0;
      if (body && /json/.test(res?.headers()['content-type'] ?? '')) {
        try {
          const j = JSON.parse(body.toString('utf8'));
          if (Array.isArray(j?.items)) items = j.items.length;
        } catch {
          /* not JSON after all */
        }
      }
    }
    const t = r.timing();
    this.records.push({ step, method: r.method(), url: u.pathname + u.search, status, ms: round(t.responseEnd >= 0 ? t.responseEnd : -1, 1), bytes, items, limit: limit === null ? null : Number(limit) });
  }

  /** Waits until no API request is in flight or being recorded, quiet for `quietMs`. */
  async idle(quietMs = 150, timeoutMs = TIMEOUT) {
    const until = performance.now() + timeoutMs;
    while (performance.now() < until) {
      await Promise.all(this.handlers);
      if (this.inflight === 0 && performance.now() - this.lastChange >= quietMs) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    log(`console: requests still in flight after ${timeoutMs} ms (step ${this.step})`);
  }
}

export const unbounded = (r: Rec) => (r.limit !== null && r.limit > MAX_LIMIT) || (r.items !== null && r.items > MAX_LIMIT);
