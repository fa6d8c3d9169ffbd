import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps';
import { isUuid } from '../../../platform/ids';
import { chatRepository } from './chat-repository';
import type { ServerFrame } from './chat-protocol';

export const CHAT_CHANNEL = 'gongdan_chat';

export interface ChatSocket {
  send(frame: string): void;
}

/**
 * The open widget sockets of this process, by tenant and conversation. With several processes on one
 * PostgreSQL, a frame for a conversation is also announced with NOTIFY (see `relay`), and each process
 * delivers it to its own sockets. Best effort: a visitor who was offline reads the transcript on reconnect.
 */
export class ChatHub {
  private readonly conversations = new Map<string, Set<ChatSocket>>();
  readonly origin = randomUUID();
  /** set when this process relays between processes (PostgreSQL) */
  relayDeps: Deps | null = null;

  add(tenantId: string, conversationId: string, s: ChatSocket): () => void {
    const k = `${tenantId}/${conversationId}`;
    let set = this.conversations.get(k);
    if (!set) this.conversations.set(k, (set = new Set()));
    set.add(s);
    return () => {
      set.delete(s);
      if (!set.size && this.conversations.get(k) === set) this.conversations.delete(k);
    };
  }

  /** Sends to this process's sockets of the conversation (but `except`); returns how many it reached. */
  deliver(tenantId: string, conversationId: string, f: ServerFrame, except?: ChatSocket): number {
    const text = JSON.stringify(f);
    let n = 0;
    for (const s of this.conversations.get(`${tenantId}/${conversationId}`) ?? []) {
      if (s === except) continue;
      s.send(text);
      n++;
    }
    return n;
  }

  /** Delivers here and tells the other processes. */
  async publish(tenantId: string, conversationId: string, f: ServerFrame): Promise<number> {
    const n = this.deliver(tenantId, conversationId, f);
    if (this.relayDeps) {
      const payload = JSON.stringify({ o: this.origin, t: tenantId, c: conversationId, f });
      if (payload.length < 7500) await this.relayDeps.db.system((q) => chatRepository.notify(q, CHAT_CHANNEL, payload)).catch(() => undefined);
    }
    return n;
  }

  /** Another process's announcement. */
  received(payload: string): void {
    try {
      const m = JSON.parse(payload) as { o?: unknown; t?: unknown; c?: unknown; f?: ServerFrame };
      if (m.o === this.origin || typeof m.t !== 'string' || !isUuid(m.t) || typeof m.c !== 'string' || m.f?.type !== 'message') return;
      this.deliver(m.t, m.c, m.f);
    } catch {
      // not ours
    }
  }
}

/** This process's chat sockets (shared by the WebSocket route and the reply sender). */
export const chatHub = new ChatHub();
