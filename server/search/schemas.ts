/** @module The search's schemas (GET /api/v1/search): units by name, accents optional. Apart from the route
 * so that the client's types for them come from here. */
import { z } from '@hono/zod-openapi';

// Not a named component: zod-to-openapi drops `null` from a nullable reference to one.
const UnitRefSchema = z.object({ code: z.string(), name: z.string() });

/** One unit found by name. */
export const SearchHitSchema = z
  .object({
    code: z.string().openapi({ example: '23362' }),
    name: z.string().openapi({ example: 'Xã Mường Hoong' }),
    type: z.string().openapi({ example: 'Xã', description: 'GSO type: Tỉnh, Thành phố Trung ương, Huyện, Quận, Thị xã, Thành phố, Xã, Phường, Thị trấn' }),
    level: z.enum(['province', 'district', 'commune']),
    rural: z.boolean().openapi({ description: 'NTM criteria apply (a rural commune, xã)' }),
    match: z.enum(['exact', 'prefix', 'contains']).openapi({ description: 'How the name matched: the whole name (with or without its type word), its start, or inside it' }),
    district: UnitRefSchema.nullable().openapi({ description: 'The district of a commune (null for districts and provinces)' }),
    province: UnitRefSchema.nullable().openapi({ description: 'The province of a commune or district (null for provinces)' }),
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable().openapi({ description: '[west, south, east, north]' }),
    label: z.tuple([z.number(), z.number()]).nullable().openapi({ description: 'Label point [lon, lat]' }),
    structure: z.enum(['pre2025', '2025-07']).openapi({ description: 'The unit structure the unit belongs to: today\'s units come first' }),
    successors: z
      .array(z.object({ structure: z.enum(['pre2025', '2025-07']), code: z.string(), name: z.string(), since: z.string().nullable() }))
      .openapi({ description: 'A unit of an earlier structure: what it became part of (e.g. since 1/7/2025 part of Tỉnh Quảng Ngãi); empty for today\'s units' }),
  })
  .openapi('SearchHit');

/** The units found for a query, best first. */
export const SearchResultsSchema = z
  .object({
    query: z.string().openapi({ example: 'muong hoong', description: 'The query, trimmed' }),
    key: z.string().openapi({ example: 'muong hoong', description: 'The query as compared: lower case, no diacritics, đ as d, letters and digits only' }),
    limit: z.number().int(),
    results: z.array(SearchHitSchema),
  })
  .openapi('SearchResults');

