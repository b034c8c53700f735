/** @module The units index: every province, district and commune of a boundary build, with names, types,
 * bounding box and a label point. Written by the boundary build (one per unit structure), read by the
 * seed and the API. */
import { z } from 'zod';
import type { UnitStructure } from '../db/schema.ts';

/** The unit structures a boundary build can describe, oldest first. */
export const UNIT_STRUCTURES = ['pre2025', '2025-07'] as const satisfies readonly UnitStructure[];

/** The type and name a unit had before a change inside its structure, and the last day it had them
 * (e.g. the ten Đồng Nai xã that became phường on 30/04/2026: `{ type: 'Xã', until: '2026-04-29' }`). */
export const EarlierTypeSchema = z.object({
  type: z.string().min(1),
  name: z.string().min(1),
  until: z.iso.date(),
});
/** A unit's earlier type and name within its structure. */
export type EarlierType = z.infer<typeof EarlierTypeSchema>;

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/** A unit as the boundary build's units.json lists it: code, names, level, parents, kind and label point. */
export const UnitRecordSchema = z.object({
  code: z.string().regex(/^(\d{2}|\d{3}|\d{5})$/),
  level: z.enum(['province', 'district', 'commune']),
  type: z.string().min(1),
  name: z.string().min(1),
  parent: z.string().nullable(),
  province: z.string().regex(/^\d{2}$/),
  district: z.string().regex(/^\d{3}$/).nullable(),
  /** NTM criteria apply (a commune whose current type is "Xã"; đặc khu, phường and thị trấn: false). */
  rural: z.boolean(),
  hasPolygon: z.boolean(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  label: lonLat.nullable(),
  /** 2025-07 structure only: the unit's type and name before a change of type (null: none since 1/7/2025). */
  earlier: EarlierTypeSchema.nullable().optional(),
});
/** A unit of units.json. */
export type UnitRecord = z.infer<typeof UnitRecordSchema>;

/** The boundary build's units.json: every unit of one structure. */
export const UnitsIndexSchema = z.object({
  structure: z.enum(UNIT_STRUCTURES),
  /** Content hash of the boundary inputs this index was built from. */
  build: z.string(),
  source: z.string(),
  units: z.array(UnitRecordSchema),
});
/** The units.json of one structure. */
export type UnitsIndex = z.infer<typeof UnitsIndexSchema>;

/** Whether NTM criteria apply to a commune of this type (xã yes; phường, thị trấn and đặc khu no). */
export function isRuralCommuneType(type: string): boolean {
  return type === 'Xã';
}
