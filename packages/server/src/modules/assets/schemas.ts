import { z } from 'zod';
import { Limit, Uuid } from '../../platform/http/schemas';

const Iso = z.string().describe('ISO-8601 date-time');
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'must be a real calendar date' })
  .refine((d) => d >= '1900-01-01' && d <= '9999-12-31', { message: 'must be between the years 1900 and 9999' });
const Text = (max: number) => z.string().trim().max(max);
/** A device serial: what a device reports as its id (also in MQTT topics), so no slashes or wildcards. */
export const AssetSerial = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(128)
  .regex(/^[^\s/+#]+$/, 'must not contain spaces, /, + or #');

export const AssetSchema = z
  .object({
    id: Uuid,
    serial: z.string(),
    model: z.string().nullable(),
    name: z.string().nullable(),
    productLine: z.string().nullable(),
    ownerContactId: Uuid.nullable(),
    ownerName: z.string().nullable(),
    organizationId: Uuid.nullable(),
    organizationName: z.string().nullable(),
    parentId: Uuid.nullable(),
    parentName: z.string().nullable(),
    children: z.number().int().describe('How many assets are directly below it (a building’s lifts)'),
    address: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    installedOn: z.string().nullable().describe('YYYY-MM-DD'),
    warrantyEnd: z.string().nullable().describe('YYYY-MM-DD'),
    warrantyState: z
      .enum(['in_warranty', 'expiring', 'expired'])
      .nullable()
      // OpenAPI 3.0: a nullable enum lists null among its values, or validators refuse the null
      .meta({ description: 'On the tenant’s today; expiring within 30 days; null without a warranty end', enum: ['in_warranty', 'expiring', 'expired', null] }),
    confirmed: z.boolean().describe('false: created by an alarm from an unregistered serial, to be confirmed by an admin'),
    createdAt: Iso,
    updatedAt: Iso,
  })
  .meta({ id: 'Asset' });

export const AssetPage = z.object({ items: z.array(AssetSchema), nextCursor: z.string().nullable() }).meta({ id: 'AssetPage' });

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
const AssetTicketSchema = z.object({
  id: Uuid,
  number: z.number(),
  title: z.string(),
  status: z.string(),
  priority: z.string(),
  channel: z.string().describe('iot: an alarm; portal / web: 扫码报修 or a customer; preventive / telemetry: maintenance'),
  tags: z.array(z.string()),
  assigneeId: Uuid.nullable(),
  createdAt: Iso,
  resolvedAt: Iso.nullable(),
});

export const AssetDetailSchema = AssetSchema.extend({
  ancestors: z.array(z.object({ id: Uuid, serial: z.string(), name: z.string().nullable() })).describe('The assets above it, its parent first'),
  childAssets: z.array(AssetSchema).describe('The assets directly below it'),
  tickets: z.array(AssetTicketSchema).describe('Every ticket about it (tickets.assetId), newest first: alarms, preventive visits, 扫码报修, agents’ tickets'),
  alarms: z.array(AssetAlarmSchema).describe('Its alarm incidents, newest first'),
  qrLink: z.string().describe('What its QR label encodes: the portal’s request form for it, by an unguessable token'),
}).meta({ id: 'AssetDetail' });

const Fields = {
  model: Text(200).nullable().optional(),
  name: Text(200).nullable().optional(),
  productLine: Text(200).nullable().optional().describe('产品线, e.g. 电梯, 扶梯, 空调'),
  ownerContactId: Uuid.nullable().optional().describe('The contact who owns the device: requester of its alarm tickets'),
  organizationId: Uuid.nullable().optional().describe('The owner organization: the organization of its tickets whose requester has none'),
  parentId: Uuid.nullable().optional().describe('The asset it belongs to (a lift → its building); not itself or one below it'),
  address: Text(500).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  installedOn: Day.nullable().optional(),
  warrantyEnd: Day.nullable().optional(),
};
export const CreateAssetBody = z.strictObject({ serial: AssetSerial, ...Fields });
export const UpdateAssetBody = z.strictObject({ ...Fields, confirmed: z.boolean().optional() });

const Filters = {
  q: z.string().max(200).optional().describe('Words found in the serial, name or model'),
  serial: z.string().max(128).optional().describe('Exactly this serial'),
  model: z.string().max(200).optional(),
  organizationId: Uuid.optional(),
  parentId: Uuid.optional().describe('The assets directly below this one'),
  topLevel: z.enum(['true', 'false']).optional().describe('true: only assets without a parent'),
  confirmed: z.enum(['true', 'false']).optional().describe('false: the ones alarms created, to be confirmed'),
};
export const ListAssetsQuery = z.strictObject({ ...Filters, cursor: z.string().max(200).optional(), limit: Limit(200, 50) });
export const LabelsQuery = z.strictObject({
  ...Filters,
  ids: z.string().max(20_000).optional().describe('Comma-separated asset ids; without ids, the assets the filters find (at most 500)'),
});
