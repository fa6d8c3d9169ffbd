import { z } from 'zod';
import { Uuid } from '../../../platform/http/schemas';
import type { OutletRow } from './outlet-repository';

export const OutletBody = z.strictObject({
  name: z.string().trim().min(1, 'an outlet needs a name').max(100),
  address: z.string().trim().max(300).default(''),
  lat: z.number().min(-90, 'latitude is between -90 and 90').max(90, 'latitude is between -90 and 90'),
  lng: z.number().min(-180, 'longitude is between -180 and 180').max(180, 'longitude is between -180 and 180'),
  active: z.boolean().default(true),
});
export const OutletPatch = z.strictObject({
  name: OutletBody.shape.name.optional(),
  address: z.string().trim().max(300).optional(),
  lat: OutletBody.shape.lat.optional(),
  lng: OutletBody.shape.lng.optional(),
  active: z.boolean().optional(),
});
export type OutletInput = z.output<typeof OutletBody>;
export type OutletChanges = z.output<typeof OutletPatch>;

export const OutletSchema = z
  .object({ id: Uuid, name: z.string(), address: z.string(), lat: z.number(), lng: z.number(), active: z.boolean(), createdAt: z.string(), updatedAt: z.string() })
  .meta({ id: 'DispatchOutlet' });
export const OutletList = z.object({ items: z.array(OutletSchema) });

export const toOutletView = (o: OutletRow) => ({
  id: o.id,
  name: o.name,
  address: o.address,
  lat: o.lat,
  lng: o.lng,
  active: o.active,
  createdAt: o.created_at.toISOString(),
  updatedAt: o.updated_at.toISOString(),
});
export type OutletView = ReturnType<typeof toOutletView>;
