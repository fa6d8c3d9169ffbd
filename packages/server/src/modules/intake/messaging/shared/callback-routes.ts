import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../../platform/deps';
import { errorHandler } from '../../../../platform/http/error-handler';
import { channelRepository } from '../../channel-repository';
import type { ChannelConfig } from '../../intake-types';
import { receiveInbound } from '../../receive-inbound';
import { CallbackRejected } from './callback-rejected';
import { checkStorableText } from './callback-text';
import type { CallbackRequest, CallbackResult, PlatformCallback } from './callback-types';

/** Largest callback body: platform messages are a few kilobytes (a WeCom text is at most 2048 bytes). */
export const CALLBACK_MAX_BYTES = 256 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function channelOf(deps: Deps, platform: string, id: string): Promise<ChannelConfig> {
  const ch = UUID.test(id) ? await deps.db.system((q) => channelRepository.byId(q, id)) : undefined;
  if (!ch || ch.kind !== platform) throw new CallbackRejected(404, 'CHANNEL_NOT_FOUND', `No ${platform} channel ${id}; use the callback URL shown for the channel`);
  if (!ch.enabled) throw new CallbackRejected(404, 'CHANNEL_DISABLED', `The ${platform} channel ${id} is disabled`);
  return ch;
}

function rejected(req: FastifyRequest, reply: FastifyReply, platform: string, err: CallbackRejected) {
  req.log.warn({ platform, channelId: (req.params as { channelId?: string }).channelId, code: err.code, ip: req.ip }, `${platform} callback rejected: ${err.message}`);
  return reply.status(err.status).type('application/json; charset=utf-8').send({ error: { code: err.code, message: err.message } });
}

/**
 * The callback endpoints of the messaging platforms, /callbacks/<platform>/<channel id> (public: the
 * platforms authenticate by signature). Each request is verified (signature, timestamp, decryption,
 * receiver id) before anything is stored; a message is stored raw (decrypted) and only then
 * acknowledged; anything failing verification is answered 4xx with a stable code, logged, and dropped.
 * The scope takes any body as bytes (XML from WeCom / WeChat, JSON whose exact bytes Feishu signs).
 */
export function callbackRoutes(callbacks: PlatformCallback[]) {
  return (app: FastifyInstance, deps: Deps) => {
    app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: CALLBACK_MAX_BYTES }, (_req, body, done) => done(null, body));
      scope.setErrorHandler((err, req, reply) => {
        req.log.warn({ url: req.url.split('?')[0], err: (err as Error).message }, 'messaging callback refused');
        return errorHandler(err, req, reply);
      });
      for (const cb of callbacks) {
        const handle = async (req: FastifyRequest, reply: FastifyReply, method: 'get' | 'post') => {
          const { channelId } = req.params as { channelId: string };
          const creq: CallbackRequest = { query: req.query as Record<string, string>, headers: req.headers, body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) };
          let result: CallbackResult;
          let ch: ChannelConfig;
          try {
            ch = await channelOf(deps, cb.platform, channelId);
            if (method === 'get' && !cb.get) throw new CallbackRejected(404, 'NOT_SUPPORTED', `${cb.platform} callbacks are POST requests`);
            result = method === 'get' ? cb.get!(ch, creq, deps.clock.now()) : cb.post(ch, creq, deps.clock.now());
            if (result.kind === 'store') checkStorableText(result);
          } catch (err) {
            if (err instanceof CallbackRejected) return rejected(req, reply, cb.platform, err);
            throw err;
          }
          if (result.kind === 'answer') return reply.type(result.contentType).send(result.body);
          const stored = await receiveInbound(deps, {
            tenantId: ch.tenantId,
            channel: cb.platform,
            channelId: ch.id,
            externalId: result.externalId,
            contentType: result.contentType,
            raw: result.raw,
            meta: { ...result.meta, lane: result.lane, remoteAddress: req.ip },
          });
          if (stored.duplicate) req.log.info({ platform: cb.platform, inbound: stored.id }, 'duplicate delivery acknowledged');
          return reply.type(result.ack.contentType).send(result.ack.body);
        };
        const url = `/callbacks/${cb.platform}/:channelId`;
        scope.get(url, { config: { public: true }, schema: { hide: true } }, (req, reply) => handle(req, reply, 'get'));
        scope.post(url, { config: { public: true }, schema: { hide: true } }, (req, reply) => handle(req, reply, 'post'));
      }
    });
  };
}
