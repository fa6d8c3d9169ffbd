import { WebSocket } from 'ws';

// A real WebSocket client of the chat widget's protocol: collects frames and waits for the expected ones.
export interface ChatClient {
  frames: Record<string, any>[];
  next(match: (f: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  send(f: unknown): void;
  closed: Promise<{ code: number }>;
  close(): void;
}

export function openChat(url: string): Promise<ChatClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: Record<string, any>[] = [];
    const waiters: { match: (f: Record<string, any>) => boolean; done: (f: Record<string, any>) => void }[] = [];
    const closed = new Promise<{ code: number }>((res) => ws.on('close', (code) => res({ code })));
    ws.on('message', (data) => {
      const f = JSON.parse(data.toString());
      frames.push(f);
      for (const w of [...waiters]) if (w.match(f)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done(f);
      }
    });
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        frames,
        closed,
        send: (f) => ws.send(typeof f === 'string' ? f : JSON.stringify(f)),
        close: () => ws.close(),
        next(match, timeoutMs = 5000) {
          const seen = frames.find(match);
          if (seen) {
            frames.splice(frames.indexOf(seen), 1);
            return Promise.resolve(seen);
          }
          return new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error(`no matching chat frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`)), timeoutMs);
            waiters.push({ match, done: (f) => (clearTimeout(timer), frames.splice(frames.indexOf(f), 1), res(f)) });
          });
        },
      }),
    );
  });
}
