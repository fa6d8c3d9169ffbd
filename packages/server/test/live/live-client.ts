import { WebSocket } from 'ws';

// A real WebSocket client for the live-update tests: collects every frame and waits for the ones a test expects.
export interface LiveClient {
  messages: Record<string, any>[];
  /** Resolves with the first message (already received or coming) that matches. */
  next(match: (m: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  send(data: unknown): void;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export function openLive(url: string, headers: Record<string, string> = {}): Promise<LiveClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const messages: Record<string, any>[] = [];
    const waiters: { match: (m: Record<string, any>) => boolean; done: (m: Record<string, any>) => void }[] = [];
    const closed = new Promise<{ code: number; reason: string }>((res) => ws.on('close', (code, reason) => res({ code, reason: reason.toString() })));
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      messages.push(m);
      for (const w of [...waiters]) if (w.match(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done(m);
      }
    });
    ws.on('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { statusCode: res.statusCode })));
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        messages,
        closed,
        send: (data) => ws.send(typeof data === 'string' ? data : JSON.stringify(data)),
        close: () => ws.close(),
        next(match, timeoutMs = 5000) {
          const seen = messages.find(match);
          if (seen) return Promise.resolve(seen);
          return new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error(`no matching live message within ${timeoutMs} ms; got ${JSON.stringify(messages)}`)), timeoutMs);
            waiters.push({ match, done: (m) => (clearTimeout(timer), res(m)) });
          });
        },
      }),
    );
  });
}
