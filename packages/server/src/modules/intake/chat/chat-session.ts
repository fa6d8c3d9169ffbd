import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { Deps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import type { ChannelRow } from '../channel-repository';
import { channelSecret, checkRate, publicChannel } from '../web/public-channel';
import { chatHub, type ChatSocket } from './chat-hub';
import { allowMore, parseClientFrame, validVisitor, visitorToken, type Profile, type ServerFrame } from './chat-protocol';
import { chatTranscript } from './chat-transcript';
import { postChatMessage } from './post-chat-message';

/** Close codes of the chat socket besides the standard ones. */
export const CHAT_CLOSE = { UNKNOWN_KEY: 4404, RATE_LIMITED: 4429 } as const;

export const chatLimits = { messagesPerMinute: 30, newConversationsPerWindow: 30, windowSeconds: 600, heartbeatMs: 30_000 };

const text = (data: RawData) => (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer)).toString('utf8');

/**
 * One widget connection: the key names the chat channel; `hello` resumes a conversation (with its
 * visitor token) or starts one, and is answered with the transcript; each `message` is stored, then
 * acknowledged, then shown on the visitor's other tabs. Agents' replies arrive through the chat sender.
 */
export async function openChatSession(deps: Deps, socket: WebSocket, req: FastifyRequest): Promise<void> {
  const { key } = req.query as { key: string };
  const send = (f: ServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(f));
  };
  let channel!: ChannelRow;
  let secret = '';
  let dead = false;
  // frames are listened to at once (below) and handled in order after the key is known
  let queue: Promise<void> = (async () => {
    try {
      channel = await publicChannel(deps, 'chat', key);
      secret = await channelSecret(deps, channel);
    } catch (err) {
      dead = true;
      send({ type: 'error', code: 'NOT_FOUND', message: err instanceof Error ? err.message : 'Unknown chat key' });
      socket.close(CHAT_CLOSE.UNKNOWN_KEY, 'Unknown chat key');
    }
  })();
  const me: ChatSocket = { send: (f) => socket.readyState === socket.OPEN && socket.send(f) };
  let conversationId: string | null = null;
  let remove: (() => void) | null = null;
  let profile: Profile = {};
  const sent: number[] = [];

  const handle = async (data: string) => {
    if (dead) return;
    const f = parseClientFrame(data);
    if ('error' in f) return send({ type: 'error', code: f.error, message: f.message, ...(f.id ? { id: f.id } : {}) });
    if (f.type === 'ping') return send({ type: 'pong' });
    if (f.type === 'profile') {
      profile = { ...profile, ...Object.fromEntries(Object.entries(f.profile).filter(([, v]) => v)) };
      return;
    }
    if (f.type === 'hello') {
      let conv = validVisitor(secret, f.conversationId, f.visitorToken) ? f.conversationId! : null;
      if (!conv) {
        try {
          await checkRate(deps, channel.tenantId, chatLimits.windowSeconds, [{ bucket: `chat:${channel.id}:ip:${req.ip}`, limit: chatLimits.newConversationsPerWindow }], 'new conversations');
        } catch (err) {
          send({ type: 'error', code: 'RATE_LIMITED', message: err instanceof AppError ? err.message : 'Too many new conversations' });
          return socket.close(CHAT_CLOSE.RATE_LIMITED, 'Too many new conversations');
        }
        conv = randomUUID();
      }
      remove?.();
      conversationId = conv;
      remove = chatHub.add(channel.tenantId, conv, me);
      const t = await chatTranscript(deps, channel.tenantId, channel.id, conv);
      return send({ type: 'welcome', conversationId: conv, visitorToken: visitorToken(secret, conv), ticketNumber: t.ticketNumber, messages: t.messages });
    }
    if (!conversationId) return send({ type: 'error', code: 'HELLO_FIRST', message: 'Send {"type":"hello"} first', id: f.id });
    if (!allowMore(sent, Date.now(), chatLimits.messagesPerMinute, 60_000)) return send({ type: 'error', code: 'RATE_LIMITED', message: 'Too many messages; wait a moment', id: f.id });
    try {
      await postChatMessage(deps, channel, conversationId, { id: f.id, text: f.text, profile, ip: req.ip });
    } catch {
      return send({ type: 'error', code: 'NOT_STORED', message: 'The message could not be stored; send it again', id: f.id });
    }
    send({ type: 'ack', id: f.id });
    chatHub.deliver(channel.tenantId, conversationId, { type: 'message', message: { id: f.id, from: 'visitor', authorName: null, text: f.text, at: deps.clock.now().toISOString() } }, me);
  };

  // frames of one socket are handled in order (a message after hello waits for the welcome)
  socket.on('message', (data, isBinary) => {
    if (isBinary) return send({ type: 'error', code: 'MALFORMED_FRAME', message: 'Send JSON text frames' });
    const d = text(data);
    queue = queue.then(() => handle(d)).catch(() => send({ type: 'error', code: 'INTERNAL', message: 'Something went wrong; reconnect' }));
  });
  let alive = true;
  socket.on('pong', () => (alive = true));
  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, chatLimits.heartbeatMs);
  heartbeat.unref();
  socket.on('close', () => {
    remove?.();
    clearInterval(heartbeat);
  });
}
