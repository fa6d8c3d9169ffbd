import pg from 'pg';

export interface PgListener {
  /** Resolves once the first LISTEN is in place. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

/**
 * LISTENs on a PostgreSQL channel over its own connection (outside the pool), reconnecting after a
 * second when the connection is lost. Notifications sent while it is disconnected are missed: use it
 * for hints that may be lost (live updates), never for work that must happen.
 */
export function listenPostgres(url: string, channel: string, onPayload: (payload: string) => void, log?: { warn(obj: unknown, msg: string): void }): PgListener {
  if (!CHANNEL.test(channel)) throw new Error(`invalid channel name ${channel}`);
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const reconnectSoon = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, 1000);
    retry.unref();
  };

  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    let gone = false;
    const drop = (err?: unknown) => {
      if (gone) return;
      gone = true;
      if (client === c) client = null;
      c.end().catch(() => undefined);
      if (err && !closed) log?.warn({ err, channel }, 'LISTEN connection lost; reconnecting');
      reconnectSoon();
    };
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload) onPayload(n.payload);
    });
    c.on('error', (err) => drop(err));
    c.on('end', () => drop());
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      if (closed) return drop();
      client = c;
      markReady();
    } catch (err) {
      drop(err);
    }
  };

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
    },
  };
}
