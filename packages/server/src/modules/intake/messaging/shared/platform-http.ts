// HTTP calls to the platforms' open APIs (or a local stand-in at the configured base URL), with a
// timeout. Network failures and 5xx are ordinary errors (the intake worker / outbox retries them).

const TIMEOUT_MS = 15_000;

export function apiUrl(base: string, path: string, query: Record<string, string> = {}): string {
  const u = new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  return u.toString();
}

export async function callJson<T = any>(url: string, init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; json: T }> {
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await res.text();
  if (res.status >= 500) throw new Error(`${new URL(url).pathname} answered HTTP ${res.status}`);
  try {
    return { status: res.status, json: JSON.parse(text) as T };
  } catch {
    throw new Error(`${new URL(url).pathname} answered HTTP ${res.status} with a body that is not JSON`);
  }
}

/** Downloads a file; a JSON answer (the platforms' way of saying "error") or a non-2xx status throws. */
export async function download(url: string, headers: Record<string, string> = {}, maxBytes = 20 * 1024 * 1024): Promise<{ contentType: string; content: Buffer; filename?: string }> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const content = Buffer.from(await res.arrayBuffer());
  const contentType = (res.headers.get('content-type') ?? 'application/octet-stream').split(';')[0].trim();
  if (!res.ok || contentType === 'application/json' || contentType === 'text/plain')
    throw new Error(`media download from ${new URL(url).pathname} failed: HTTP ${res.status} ${content.toString('utf8').slice(0, 200)}`);
  if (content.length > maxBytes) throw new Error(`media download from ${new URL(url).pathname} is larger than ${maxBytes} bytes`);
  const disposition = res.headers.get('content-disposition') ?? '';
  const filename = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  return { contentType, content, filename: filename ? decodeURIComponent(filename) : undefined };
}
