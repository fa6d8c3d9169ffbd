import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import { actorOf } from '../../../platform/http/auth';
import { created, errorResponses, IdParams, Limit, noContent, ok, Uuid } from '../../../platform/http/schemas';
import type { DeviceKeyRow } from './device-key-repository';
import { AlarmPayload, MAX_PAYLOAD_BYTES, Serial } from './iot-rules';
import { createAsset, getAsset, listAssets, updateAsset, type AssetAlarmRow, type AssetRow } from './manage-assets';
import { createDeviceKey, listDeviceKeys, revokeDeviceKey } from './manage-device-keys';
import { receiveHttpAlarm } from './receive-http-alarm';

const Iso = z.string().describe('ISO-8601 date-time');
const DeviceKeySchema = z
  .object({ id: Uuid, name: z.string(), prefix: z.string(), createdBy: Uuid.nullable(), createdAt: Iso, lastUsedAt: Iso.nullable(), revokedAt: Iso.nullable() })
  .meta({ id: 'DeviceKey' });
const AssetSchema = z
  .object({
    id: Uuid,
    serial: z.string(),
    model: z.string().nullable(),
    name: z.string().nullable(),
    ownerContactId: Uuid.nullable(),
    ownerName: z.string().nullable(),
    organizationId: Uuid.nullable(),
    organizationName: z.string().nullable(),
    confirmed: z.boolean().describe('false: created by an alarm from an unregistered serial, to be confirmed by an admin'),
    createdAt: Iso,
    updatedAt: Iso,
  })
  .meta({ id: 'Asset' });
const AssetAlarmSchema = z.object({
  id: Uuid,
  code: z.string(),
  severity: z.string(),
  count: z.number().describe('Alarms counted into this incident'),
  firstAt: Iso,
  lastAt: Iso,
  state: z.enum(['open', 'recovered', 'expired']),
  recoveredAt: Iso.nullable(),
  ticket: z.object({ id: Uuid, number: z.number(), title: z.string(), status: z.string() }),
});
const keyView = (k: DeviceKeyRow) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdBy: k.created_by,
  createdAt: k.created_at.toISOString(),
  lastUsedAt: k.last_used_at?.toISOString() ?? null,
  revokedAt: k.revoked_at?.toISOString() ?? null,
});
const assetView = (a: AssetRow) => ({
  id: a.id,
  serial: a.serial,
  model: a.model,
  name: a.name,
  ownerContactId: a.owner_contact_id,
  ownerName: a.owner_name,
  organizationId: a.organization_id,
  organizationName: a.organization_name,
  confirmed: a.confirmed,
  createdAt: a.created_at.toISOString(),
  updatedAt: a.updated_at.toISOString(),
});
const alarmView = (d: AssetAlarmRow) => ({
  id: d.id,
  code: d.code,
  severity: d.severity,
  count: d.count,
  firstAt: d.first_at.toISOString(),
  lastAt: d.last_at.toISOString(),
  state: d.state as 'open' | 'recovered' | 'expired',
  recoveredAt: d.recovered_at?.toISOString() ?? null,
  ticket: { id: d.ticket.id, number: d.ticket.number, title: d.ticket.title, status: d.ticket.status },
});
const AssetFieldsBody = {
  model: z.string().trim().max(200).nullable().optional(),
  name: z.string().trim().max(200).nullable().optional(),
  ownerContactId: Uuid.nullable().optional().describe('The contact who owns the device: requester of its alarm tickets'),
  organizationId: Uuid.nullable().optional(),
};
const bearer = (h: string | undefined) => (h?.startsWith('Bearer ') ? h.slice(7).trim() : null);
const HttpAlarmBody = AlarmPayload.extend({ serial: Serial });
const Received = z.object({ id: Uuid, duplicate: z.boolean().describe('true: this id / ts was received before; nothing new was stored') });

/** Device keys, assets, and the HTTP endpoint for devices that do not speak MQTT. */
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

  r.get('/api/v1/assets', {
    schema: { tags, summary: 'Devices, newest first (staff); serial= finds one, confirmed=false lists those alarms created', querystring: z.strictObject({ serial: z.string().max(128).optional(), confirmed: z.enum(['true', 'false']).optional(), cursor: z.string().max(200).optional(), limit: Limit(200, 50) }), response: ok(z.object({ items: z.array(AssetSchema), nextCursor: z.string().nullable() })) },
    handler: async (req) => {
      const res = await listAssets(deps, actorOf(req), { ...req.query, confirmed: req.query.confirmed === undefined ? undefined : req.query.confirmed === 'true' });
      return { items: res.items.map(assetView), nextCursor: res.nextCursor };
    },
  });
  r.get('/api/v1/assets/:id', {
    schema: { tags, summary: 'One device with its alarm incidents and their tickets', params: IdParams, response: ok(AssetSchema.extend({ alarms: z.array(AssetAlarmSchema) })) },
    handler: async (req) => {
      const { asset, alarms } = await getAsset(deps, actorOf(req), req.params.id);
      return { ...assetView(asset), alarms: alarms.map(alarmView) };
    },
  });
  r.post('/api/v1/assets', {
    schema: { tags, summary: 'Register a device (admins)', body: z.strictObject({ serial: Serial, ...AssetFieldsBody }), response: created(AssetSchema) },
    handler: async (req, reply) => reply.status(201).send(assetView(await createAsset(deps, actorOf(req), req.body))),
  });
  r.patch('/api/v1/assets/:id', {
    schema: { tags, summary: 'Change or confirm a device (admins)', params: IdParams, body: z.strictObject({ ...AssetFieldsBody, confirmed: z.boolean().optional() }), response: ok(AssetSchema) },
    handler: async (req) => assetView(await updateAsset(deps, actorOf(req), req.params.id, req.body)),
  });
}
