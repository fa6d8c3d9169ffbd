import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { created, file, IdParams, noContent, ok } from '../../platform/http/schemas';
import { createChannel, deleteChannel, getChannel, listChannels, updateChannel } from './manage-channels';
import { getInbound, getInboundRaw, listInbound, retryInbound, ticketChannelLog } from './manage-inbound';
import { ChannelSchema, CreateChannelBody, InboundSchema, ListChannelsQuery, ListInboundQuery, OutboundSchema, UpdateChannelBody } from './schemas';

/** Channel administration, the intake archive and quarantine, a ticket's channel log. */
export function intakeRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['channels'];

  r.get('/api/v1/channels', {
    schema: { tags, summary: "The tenant's channels (admins and supervisors); secrets are never returned", querystring: ListChannelsQuery, response: ok(z.object({ items: z.array(ChannelSchema) })) },
    handler: async (req) => ({ items: await listChannels(deps, actorOf(req), req.query.kind) }),
  });
  r.post('/api/v1/channels', {
    schema: { tags, summary: 'Add a channel: a mailbox, a WeCom / DingTalk / Feishu / WeChat app, a web form, a chat widget, a phone line, IoT (admins)', body: CreateChannelBody, response: created(ChannelSchema) },
    handler: async (req, reply) => reply.status(201).send(await createChannel(deps, actorOf(req), req.body)),
  });
  r.get('/api/v1/channels/:id', {
    schema: { tags, summary: 'One channel', params: IdParams, response: ok(ChannelSchema) },
    handler: async (req) => getChannel(deps, actorOf(req), req.params.id),
  });
  r.patch('/api/v1/channels/:id', {
    schema: { tags, summary: 'Change a channel (admins); secrets given replace those stored, null removes one', params: IdParams, body: UpdateChannelBody, response: ok(ChannelSchema) },
    handler: async (req) => updateChannel(deps, actorOf(req), req.params.id, req.body),
  });
  r.delete('/api/v1/channels/:id', {
    schema: { tags, summary: 'Remove a channel (admins); its archived messages stay', params: IdParams, response: noContent() },
    handler: async (req, reply) => {
      await deleteChannel(deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  r.get('/api/v1/intake/messages', {
    schema: { tags, summary: 'Inbound messages, newest first: the archive, and with state=quarantined the quarantine (admins and supervisors)', querystring: ListInboundQuery, response: ok(z.object({ items: z.array(InboundSchema), nextCursor: z.string().nullable(), counts: z.record(z.string(), z.number()) })) },
    handler: async (req) => listInbound(deps, actorOf(req), req.query),
  });
  r.get('/api/v1/intake/messages/:id', {
    schema: { tags, summary: 'One inbound message with its processing state and error', params: IdParams, response: ok(InboundSchema) },
    handler: async (req) => getInbound(deps, actorOf(req), req.params.id),
  });
  r.get('/api/v1/intake/messages/:id/raw', {
    schema: { tags, summary: 'The original message as received (e.g. the .eml of a mail)', params: IdParams, response: file('The message: a mail as message/rfc822, anything else as it came', ['message/rfc822', 'application/octet-stream']) },
    handler: async (req, reply) => {
      const m = await getInboundRaw(deps, actorOf(req), req.params.id);
      const ext = m.contentType === 'message/rfc822' ? 'eml' : m.contentType.includes('json') ? 'json' : m.contentType.includes('xml') ? 'xml' : 'bin';
      return reply
        .header('content-type', m.contentType === 'message/rfc822' ? 'message/rfc822' : 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${req.params.id}.${ext}"`)
        .header('x-content-type-options', 'nosniff')
        .send(m.raw);
    },
  });
  r.post('/api/v1/intake/messages/:id/retry', {
    schema: { tags, summary: 'Process a quarantined or ignored message again (admins)', params: IdParams, response: ok(InboundSchema) },
    handler: async (req) => retryInbound(deps, actorOf(req), req.params.id),
  });
  r.get('/api/v1/tickets/:id/channel-log', {
    schema: { tags, summary: 'What reached the ticket through channels (archived originals) and the replies sent back on them', params: IdParams, response: ok(z.object({ inbound: z.array(InboundSchema), outbound: z.array(OutboundSchema) })) },
    handler: async (req) => ticketChannelLog(deps, actorOf(req), req.params.id),
  });
}
