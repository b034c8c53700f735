// The units index: every province, district and commune of a boundary build, with names, types,
// bounding box and a label point. Written by the boundary build, read by the seed and the API.
import { z } from 'zod';

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const UnitRecordSchema = z.object({
  code: z.string().regex(/^(\d{2}|\d{3}|\d{5})$/),
  level: z.enum(['province', 'district', 'commune']),
  type: z.string().min(1),
  name: z.string().min(1),
  parent: z.string().nullable(),
  province: z.string().regex(/^\d{2}$/),
  district: z.string().regex(/^\d{3}$/).nullable(),
  /** NTM criteria apply (a commune of type "Xã"). */
  rural: z.boolean(),
  hasPolygon: z.boolean(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  label: lonLat.nullable(),
});
export type UnitRecord = z.infer<typeof UnitRecordSchema>;

export const UnitsIndexSchema = z.object({
  structure: z.literal('pre2025'),
  /** Content hash of the boundary inputs this index was built from. */
  build: z.string(),
  source: z.string(),
  units: z.array(UnitRecordSchema),
});
export type UnitsIndex = z.infer<typeof UnitsIndexSchema>;

/** Whether NTM criteria apply to a commune of this GSO type (xã yes; phường and thị trấn no). */
export function isRuralCommuneType(type: string): boolean {
  return type === 'Xã';
}
