import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { created, file, IdParams, noContent, ok, Uuid } from '../../platform/http/schemas';
import type { AssetRow } from './asset-names';
import { getAssetHistory, listAssets, type AssetHistory } from './list-assets';
import { createAsset, deleteAsset, updateAsset } from './manage-assets';
import { assetLabels, assetLabelsPdf } from './print-labels';
import { AssetDetailSchema, AssetPage, AssetSchema, CreateAssetBody, LabelsQuery, ListAssetsQuery, UpdateAssetBody } from './schemas';

export const assetView = (a: AssetRow) => ({
  id: a.id,
  serial: a.serial,
  model: a.model,
  name: a.name,
  productLine: a.product_line,
  ownerContactId: a.owner_contact_id,
  ownerName: a.owner_name,
  organizationId: a.organization_id,
  organizationName: a.organization_name,
  parentId: a.parent_id,
  parentName: a.parent_name,
  children: a.children,
  address: a.address,
  lat: a.lat,
  lng: a.lng,
  installedOn: a.installed_on,
  warrantyEnd: a.warranty_end,
  warrantyState: a.warranty_state,
  confirmed: a.confirmed,
  createdAt: a.created_at.toISOString(),
  updatedAt: a.updated_at.toISOString(),
});

const detailView = (h: AssetHistory) => ({
  ...assetView(h.asset),
  ancestors: h.ancestors,
  childAssets: h.children.map(assetView),
  tickets: h.tickets.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), resolvedAt: t.resolvedAt?.toISOString() ?? null })),
  alarms: h.alarms.map((d) => ({
    id: d.id,
    code: d.code,
    severity: d.severity,
    count: d.count,
    firstAt: d.firstAt.toISOString(),
    lastAt: d.lastAt.toISOString(),
    state: d.state,
    recoveredAt: d.recoveredAt?.toISOString() ?? null,
    ticket: d.ticket,
  })),
  qrLink: h.qrLink,
});

const filtersOf = <T extends { topLevel?: 'true' | 'false'; confirmed?: 'true' | 'false' }>(f: T) => ({
  ...f,
  topLevel: f.topLevel === 'true',
  confirmed: f.confirmed === undefined ? undefined : f.confirmed === 'true',
});

const LabelsSchema = z
  .object({ items: z.array(z.object({ id: Uuid, link: z.string(), name: z.string().nullable(), serial: z.string(), model: z.string().nullable(), address: z.string().nullable(), svg: z.string().describe('The QR code as SVG') })) })
  .meta({ id: 'AssetLabels' });

/** Assets (设备): register, find, change, remove; an asset's whole history; QR labels (扫码报修). */
export function assetRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assets'];

  r.get('/api/v1/assets', {
    schema: { tags, summary: 'Assets, newest first (staff); q= finds words in the serial, name or model; filters by serial, model, organization, parent', querystring: ListAssetsQuery, response: ok(AssetPage) },
    handler: async (req) => {
      const res = await listAssets(deps, actorOf(req), filtersOf(req.query));
      return { items: res.items.map(assetView), nextCursor: res.nextCursor };
    },
  });
  r.get('/api/v1/assets/labels', {
    schema: { tags, summary: 'QR labels of assets by ids= or the list filters (staff, at most 500): each with its portal link (扫码报修) and QR code as SVG, for printing from the browser', querystring: LabelsQuery, response: ok(LabelsSchema) },
    handler: async (req) => ({ items: await assetLabels(deps, actorOf(req), filtersOf(req.query)) }),
  });
  r.get('/api/v1/assets/labels.pdf', {
    schema: { tags, summary: 'QR labels as a printable PDF, 24 to an A4 page (staff): by ids= or the list filters, at most 500', querystring: LabelsQuery, response: file('The label sheet', ['application/pdf']) },
    handler: async (req, reply) => {
      const pdf = await assetLabelsPdf(deps, actorOf(req), filtersOf(req.query));
      return reply.header('content-type', 'application/pdf').header('content-disposition', 'inline; filename="asset-labels.pdf"').header('cache-control', 'no-store').send(pdf);
    },
  });
  r.get('/api/v1/assets/:id', {
    schema: { tags, summary: 'One asset with its place in the hierarchy, its children and its whole history: tickets and alarm incidents (staff)', params: IdParams, response: ok(AssetDetailSchema) },
    handler: async (req) => detailView(await getAssetHistory(deps, actorOf(req), req.params.id)),
  });
  r.post('/api/v1/assets', {
    schema: { tags, summary: 'Register an asset (admins)', body: CreateAssetBody, response: created(AssetSchema) },
    handler: async (req, reply) => reply.status(201).send(assetView(await createAsset(deps, actorOf(req), req.body))),
  });
  r.patch('/api/v1/assets/:id', {
    schema: { tags, summary: 'Change or confirm an asset (admins)', params: IdParams, body: UpdateAssetBody, response: ok(AssetSchema) },
    handler: async (req) => assetView(await updateAsset(deps, actorOf(req), req.params.id, req.body)),
  });
  r.delete('/api/v1/assets/:id', {
    schema: { tags, summary: 'Remove an asset (admins): its tickets stay, its children lose their parent, its alarm incidents go', params: IdParams, response: noContent() },
    handler: async (req, reply) => {
      await deleteAsset(deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
}
