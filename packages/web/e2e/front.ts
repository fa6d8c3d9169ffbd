import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import { extname, join, normalize } from 'node:path';

// A stand-in for the server's own serving of the console, used only while the server does not
// serve packages/web/dist at / (the README says it does): the built files from dist, with the
// index.html fallback for the app's routes, and /api (with the live WebSocket) passed through to
// the server with the Host header kept, so the console stays same-origin as it is in production.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const passThrough = (url: string) => /^\/(api\/|healthz|metrics)/.test(url);

export async function startFront(dist: string, server: { host: string; port: number }): Promise<{ url: string; close: () => Promise<void> }> {
  const index = join(dist, 'index.html');
  const front: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (passThrough(url)) {
      const up = request({ host: server.host, port: server.port, method: req.method, path: url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders as unknown as Record<string, string>);
        answer.pipe(res);
      });
      up.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
      req.pipe(up);
      return;
    }
    const path = normalize(join(dist, decodeURIComponent(url.split('?')[0])));
    const file = path.startsWith(dist) && existsSync(path) && statSync(path).isFile() ? path : index;
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  front.on('upgrade', (req: IncomingMessage, socket, head) => {
    const up = connect(server.port, server.host, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      up.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    const end = () => {
      up.destroy();
      socket.destroy();
    };
    up.on('error', end);
    socket.on('error', end);
  });
  const sockets = new Set<import('node:net').Socket>();
  front.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        front.close(() => resolve());
      }),
  };
}

/** Whether the server answers GET path with the console's index.html. */
export async function servesConsole(serverURL: string, path = '/'): Promise<boolean> {
  try {
    const res = await fetch(`${serverURL}${path}`, { headers: { accept: 'text/html' } });
    return res.ok && /<div id="root">/.test(await res.text());
  } catch {
    return false;
  }
}
