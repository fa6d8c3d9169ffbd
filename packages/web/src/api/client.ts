// The one way the console talks to the server: same origin, session cookie, JSON, typed errors.

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
  /** the value at fault as given, when worth quoting (STOCK_INSUFFICIENT: the part's code) */
  value?: string;
  /** identity_taken: the contact that already has the identity (sent to staff who may see contacts) */
  ownerId?: string;
  ownerName?: string;
}

/** An error answered by the API ({"error": {code, message, field, details}}) or a network failure. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field?: string;
  readonly details: FieldIssue[];
  /** From a 429's Retry-After header: seconds to wait before trying again. */
  readonly retryAfterSeconds?: number;

  constructor(status: number, code: string, message: string, field?: string, details: FieldIssue[] = [], retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Every field at fault: the details when given, else the single field. */
  fieldIssues(): FieldIssue[] {
    if (this.details.length) return this.details;
    return this.field ? [{ field: this.field, code: this.code, message: this.message }] : [];
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type Query = Record<string, string | number | boolean | string[] | null | undefined>;

/** Builds a query string, leaving out empty values; lists are sent comma separated. */
export function queryString(q: Query | undefined): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener | null = null;
/** Called when the session has ended (401 on a request other than sign-in). */
export function setUnauthorizedListener(fn: UnauthorizedListener | null) {
  onUnauthorized = fn;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function errorFrom(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON: a proxy or the network */
  }
  const e = (body as { error?: { code?: string; message?: string; field?: string; details?: FieldIssue[] } } | null)?.error;
  const retryAfter = Number(res.headers.get('retry-after'));
  if (e?.code) return new ApiError(res.status, e.code, e.message ?? e.code, e.field, e.details ?? [], retryAfter > 0 ? retryAfter : undefined);
  return new ApiError(res.status, res.status >= 500 ? 'INTERNAL' : `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`);
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${queryString(opts.query)}`, { method, headers, body, credentials: 'include', signal: opts.signal });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', (err as Error)?.message ?? 'Network error');
  }
  if (!res.ok) {
    const err = await errorFrom(res);
    if (res.status === 401 && path !== '/auth/login') onUnauthorized?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, { body, headers }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
};
