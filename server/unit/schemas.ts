/** @module The units' schemas (GET /api/v1/units, GET /api/v1/units/{code}/relatives). Apart from the routes
 * so that the client's types for them come from here. */
import { z } from '@hono/zod-openapi';
import { StructureSchema } from '../era/schemas.ts';

const UnitLevelSchema = z.enum(['province', 'district', 'commune']).openapi('UnitLevel');

/** A unit of a list, in the structure of the period asked. */
export const UnitSchema = z
  .object({
    code: z.string().openapi({ example: '23362', description: 'GSO code: 2 digits (province), 3 (district), 5 (commune)' }),
    name: z.string().openapi({ example: 'Xã Mường Hoong' }),
    type: z.string().openapi({ example: 'Xã', description: 'GSO type: Tỉnh, Thành phố Trung ương, Huyện, Quận, Thị xã, Thành phố, Xã, Phường, Thị trấn' }),
    level: UnitLevelSchema,
    parent: z.string().nullable().openapi({ example: '610', description: 'Code of the parent unit (null for a province)' }),
    province: z.string().openapi({ example: '62' }),
    district: z.string().nullable().openapi({ example: '610', description: 'District code of a commune, own code of a district, null for a province' }),
    rural: z.boolean().openapi({ description: 'NTM criteria apply: a rural commune (xã). Phường and thị trấn are shown but not scored; false for districts and provinces' }),
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable().openapi({ description: '[west, south, east, north] of the boundary; null when the build has no polygon' }),
    label: z.tuple([z.number(), z.number()]).nullable().openapi({ description: 'Label point [lon, lat] inside the boundary' }),
    former_districts: z.array(z.string()).openapi({ description: 'A commune of today\'s structure: the pre-2025 districts its predecessors lay in (empty otherwise)' }),
  })
  .openapi('Unit');

/** The children of a unit (or the provinces). */
export const UnitListSchema = z
  .object({
    parent: z
      .object({ code: z.string(), name: z.string(), type: z.string(), level: UnitLevelSchema })
      .nullable()
      .openapi({ description: 'The unit whose children are listed; null for the list of provinces' }),
    structure: StructureSchema,
    level: UnitLevelSchema.openapi({ description: 'Level of the units listed' }),
    count: z.number().int(),
    units: z.array(UnitSchema).openapi({ description: 'Ordered by code' }),
  })
  .openapi('UnitList');

/** A list of units as answered. */
export type UnitList = z.infer<typeof UnitListSchema>;

/** What a unit became (or came from) in another period's structure. */
export const RelativesSchema = z
  .object({
    unit: z.object({ structure: z.string(), code: z.string(), name: z.string(), level: UnitLevelSchema }).openapi({ description: 'The unit named, in the structure of `from`' }),
    structure: z.string().openapi({ description: 'The structure of `to`, in which the relatives are units' }),
    same: z.boolean().openapi({ description: 'Both periods are of one structure: the unit is its own relative' }),
    forward: z.boolean().openapi({ description: 'true: `to` is after `from` (what the unit became); false: what it came from' }),
    relatives: z
      .array(z.object({ structure: z.string(), code: z.string(), name: z.string(), level: UnitLevelSchema, province: z.string(), district: z.string().nullable().openapi({ description: 'A commune\'s district where its structure has districts' }) }))
      .openapi({ description: 'Provinces for a province; for a district or a commune, the communes (a district of old in a structure without districts: the communes that came from it), ordered by code' }),
  })
  .openapi('UnitRelatives');

