import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { created, IdParams, noContent, ok } from '../../platform/http/schemas';
import { createChannel, deleteChannel, listChannels, updateChannel } from './manage-channels';
import { listDeliveries, replayDelivery } from './manage-deliveries';
import { createWebhook, deleteWebhook, listWebhooks, updateWebhook } from './manage-webhooks';
import { ChannelBody, ChannelList, ChannelSchema, ChannelTestBody, ChannelUpdateBody, DeliveriesQuery, DeliveryPage, DeliverySchema, TestResultSchema, WebhookBody, WebhookList, WebhookSchema } from './schemas';
import { testChannel, testWebhook } from './test-targets';

/** Webhooks, notification channels (robots, SMS gateway) and the delivery log: admins write, supervisors read. */
export function deliveryRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['delivery'];

  r.get('/api/v1/webhooks', { schema: { tags, summary: 'Outbound webhooks (secrets masked)', response: ok(WebhookList) }, handler: async (req) => ({ items: await listWebhooks(deps, actorOf(req)) }) });
  r.post('/api/v1/webhooks', {
    schema: { tags, summary: 'Add an outbound webhook (admins)', body: WebhookBody, response: created(WebhookSchema) },
    handler: async (req, reply) => reply.status(201).send(await createWebhook(deps, actorOf(req), req.body)),
  });
  r.put('/api/v1/webhooks/:id', {
    schema: { tags, summary: 'Change a webhook (admins); a secret left out stays', params: IdParams, body: WebhookBody, response: ok(WebhookSchema) },
    handler: async (req) => updateWebhook(deps, actorOf(req), req.params.id, req.body),
  });
  r.delete('/api/v1/webhooks/:id', {
    schema: { tags, summary: 'Delete a webhook (admins); its pending deliveries go dead', params: IdParams, response: noContent() },
    handler: async (req, reply) => {
      await deleteWebhook(deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
  r.post('/api/v1/webhooks/:id/test', {
    schema: { tags, summary: "Send a signed webhook.test event now and report the receiver's answer (admins)", params: IdParams, response: ok(TestResultSchema) },
    handler: async (req) => testWebhook(deps, actorOf(req), req.params.id),
  });

  r.get('/api/v1/notification-channels', { schema: { tags, summary: 'Group robots and SMS gateways (secrets masked)', response: ok(ChannelList) }, handler: async (req) => ({ items: await listChannels(deps, actorOf(req)) }) });
  r.post('/api/v1/notification-channels', {
    schema: { tags, summary: 'Add a group robot (WeCom / DingTalk / Feishu) or an SMS gateway (admins)', body: ChannelBody, response: created(ChannelSchema) },
    handler: async (req, reply) => reply.status(201).send(await createChannel(deps, actorOf(req), req.body)),
  });
  r.put('/api/v1/notification-channels/:id', {
    schema: { tags, summary: 'Change a channel (admins); config values left out stay, null clears', params: IdParams, body: ChannelUpdateBody, response: ok(ChannelSchema) },
    handler: async (req) => updateChannel(deps, actorOf(req), req.params.id, req.body),
  });
  r.delete('/api/v1/notification-channels/:id', {
    schema: { tags, summary: 'Delete a channel (admins)', params: IdParams, response: noContent() },
    handler: async (req, reply) => {
      await deleteChannel(deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
  r.post('/api/v1/notification-channels/:id/test', {
    schema: { tags, summary: "Send a test message through the channel now and report the platform's answer (admins)", params: IdParams, body: ChannelTestBody.nullish(), response: ok(TestResultSchema) },
    handler: async (req) => testChannel(deps, actorOf(req), req.params.id, req.body ?? {}),
  });

  r.get('/api/v1/deliveries', {
    schema: { tags, summary: 'Deliveries by state, newest first: the dead letters by default', querystring: DeliveriesQuery, response: ok(DeliveryPage) },
    handler: async (req) => listDeliveries(deps, actorOf(req), req.query),
  });
  r.post('/api/v1/deliveries/:id/replay', {
    schema: { tags, summary: 'Send a dead (or delivered) delivery again: back to pending, attempts reset, the same delivery id (admins)', params: IdParams, response: ok(DeliverySchema) },
    handler: async (req) => replayDelivery(deps, actorOf(req), req.params.id),
  });
}
