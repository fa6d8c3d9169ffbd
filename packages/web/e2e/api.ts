// The public HTTP API, for seeding and for checking what the console did (never SQL).

export class Api {
  private constructor(
    readonly base: string,
    private readonly token: string,
  ) {}

  static async signIn(base: string, email: string, password: string): Promise<Api> {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    return new Api(base, token);
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  post<T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.call<T>('POST', path, body, headers);
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.call<T>('GET', path);
  }

  patch<T = Record<string, unknown>>(path: string, body: unknown) {
    return this.call<T>('PATCH', path, body);
  }
}

export interface TicketRow {
  id: string;
  number: number;
  title: string;
  status: string;
  assigneeId: string | null;
  assigneeName: string | null;
  requesterId: string | null;
}

export interface EventRow {
  id: string;
  kind: string;
  internal: boolean;
  data: Record<string, unknown>;
}
