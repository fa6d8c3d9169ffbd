import type { Notification, TicketEvent } from './types';

// The live channel (GET /api/v1/live, cookie auth): ticket events and notifications pushed by the
// server. Reconnects with capped exponential backoff, so the console keeps working while the server
// restarts or does not offer the socket yet.

export type LiveMessage =
  | { type: 'hello'; userId: string }
  | { type: 'ticket.event'; ticketId: string; ticketNumber: number; event: TicketEvent }
  | { type: 'notification'; notification: Notification }
  | { type: 'call'; call: CallInfo }
  /** an engineer's reported position (dispatch), to admins, supervisors and agents */
  | { type: 'dispatch.position'; userId: string; lat: number; lng: number; accuracyM: number | null; reportedAt: string }
  | { type: 'pong' };

/** A phone call from the CTI (call center): sent to the agent whose line rings. Extra fields are tolerated. */
export interface CallInfo {
  callId: string;
  state: 'ringing' | 'answered' | 'ended';
  caller: string;
  agentId?: string | null;
  contact?: { id: string; name: string; tier?: string | null; organizationName?: string | null } | null;
  openTickets?: { id: string; number: number; title: string; status: string }[];
  [extra: string]: unknown;
}

export type LiveState = 'connecting' | 'open' | 'closed';
type Listener = (m: LiveMessage) => void;
type StateListener = (s: LiveState) => void;

export interface LiveOptions {
  url?: string;
  /** First retry delay; doubled on every failure up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  pingMs?: number;
  createSocket?: (url: string) => WebSocket;
}

export function liveUrl(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/api/v1/live`;
}

/** Delay before reconnect attempt n (0-based): base · 2^n, capped, with ±20 % jitter. */
export function backoffDelay(attempt: number, base: number, max: number, random = Math.random): number {
  const d = Math.min(max, base * 2 ** attempt);
  return Math.round(d * (0.8 + 0.4 * random()));
}

export class LiveSocket {
  private socket: WebSocket | null = null;
  private listeners = new Set<Listener>();
  private stateListeners = new Set<StateListener>();
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = true;
  state: LiveState = 'closed';
  private readonly opts: Required<Omit<LiveOptions, 'url'>> & { url: string };

  constructor(opts: LiveOptions = {}) {
    this.opts = {
      url: opts.url ?? liveUrl(),
      baseDelayMs: opts.baseDelayMs ?? 1000,
      maxDelayMs: opts.maxDelayMs ?? 30_000,
      pingMs: opts.pingMs ?? 25_000,
      createSocket: opts.createSocket ?? ((u) => new WebSocket(u)),
    };
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.retryTimer = this.pingTimer = null;
    const s = this.socket;
    this.socket = null;
    s?.close();
    this.setState('closed');
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onState(fn: StateListener): () => void {
    this.stateListeners.add(fn);
    return () => this.stateListeners.delete(fn);
  }

  private setState(s: LiveState) {
    this.state = s;
    for (const fn of this.stateListeners) fn(s);
  }

  private connect() {
    if (this.stopped) return;
    this.setState('connecting');
    let socket: WebSocket;
    try {
      socket = this.opts.createSocket(this.opts.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setState('open');
      this.pingTimer = setInterval(() => socket.readyState === 1 && socket.send(JSON.stringify({ type: 'ping' })), this.opts.pingMs);
    };
    socket.onmessage = (ev) => {
      let msg: LiveMessage;
      try {
        msg = JSON.parse(String(ev.data)) as LiveMessage;
      } catch {
        return;
      }
      for (const fn of this.listeners) fn(msg);
    };
    socket.onclose = () => {
      if (this.pingTimer) clearInterval(this.pingTimer);
      this.pingTimer = null;
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleRetry();
    };
    socket.onerror = () => socket.close();
  }

  private scheduleRetry() {
    if (this.stopped) return;
    this.setState('closed');
    const delay = backoffDelay(this.attempt++, this.opts.baseDelayMs, this.opts.maxDelayMs);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }
}
