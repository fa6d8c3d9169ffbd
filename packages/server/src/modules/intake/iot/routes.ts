import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import { actorOf } from '../../../platform/http/auth';
import { created, errorResponses, IdParams, noContent, ok, Uuid } from '../../../platform/http/schemas';
import type { DeviceKeyRow } from './device-key-repository';
import { AlarmPayload, MAX_PAYLOAD_BYTES, Serial } from './iot-rules';
import { createDeviceKey, listDeviceKeys, revokeDeviceKey } from './manage-device-keys';
import { receiveHttpAlarm } from './receive-http-alarm';

const Iso = z.string().describe('ISO-8601 date-time');
const DeviceKeySchema = z
  .object({ id: Uuid, name: z.string(), prefix: z.string(), createdBy: Uuid.nullable(), createdAt: Iso, lastUsedAt: Iso.nullable(), revokedAt: Iso.nullable() })
  .meta({ id: 'DeviceKey' });
const keyView = (k: DeviceKeyRow) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdBy: k.created_by,
  createdAt: k.created_at.toISOString(),
  lastUsedAt: k.last_used_at?.toISOString() ?? null,
  revokedAt: k.revoked_at?.toISOString() ?? null,
});
const bearer = (h: string | undefined) => (h?.startsWith('Bearer ') ? h.slice(7).trim() : null);
const HttpAlarmBody = AlarmPayload.extend({ serial: Serial });
const Received = z.object({ id: Uuid, duplicate: z.boolean().describe('true: this id / ts was received before; nothing new was stored') });

/** Device keys and the HTTP endpoint for devices that do not speak MQTT. */
export function iotRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['iot'];

  r.get('/api/v1/iot/keys', {
    schema: { tags, summary: 'Device keys of the tenant, newest first, revoked ones included (admins); never the keys themselves', response: ok(z.object({ items: z.array(DeviceKeySchema) })) },
    handler: async (req) => ({ items: (await listDeviceKeys(deps, actorOf(req))).map(keyView) }),
  });
  r.post('/api/v1/iot/keys', {
    schema: { tags, summary: 'Create a device key (admins); the key is shown once. Devices send it as MQTT password or HTTP bearer token', body: z.strictObject({ name: z.string().trim().min(1).max(200) }), response: created(DeviceKeySchema.extend({ key: z.string() })) },
    handler: async (req, reply) => {
      const k = await createDeviceKey(deps, actorOf(req), req.body);
      return reply.status(201).send({ ...keyView(k), key: k.key });
    },
  });
  r.delete('/api/v1/iot/keys/:id', {
    schema: { tags, summary: 'Revoke a device key (admins): refused within seconds, connected devices included', params: IdParams, response: noContent() },
    handler: async (req, reply) => {
      await revokeDeviceKey(deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  for (const [path, kind] of [['/api/v1/iot/alarms', 'alarm'], ['/api/v1/iot/recoveries', 'recovery']] as const)
    r.post(path, {
      config: { public: true },
      bodyLimit: MAX_PAYLOAD_BYTES,
      schema: {
        tags,
        summary: kind === 'alarm' ? 'A device reports an alarm (device key as bearer token); stored before 202' : 'A device reports that an alarm cleared; resolves its ticket',
        security: [{ bearer: [] }],
        body: HttpAlarmBody,
        response: { 202: Received, ...errorResponses },
      },
      handler: async (req, reply) => reply.status(202).send(await receiveHttpAlarm(deps, bearer(req.headers.authorization), kind, req.body)),
    });
}
