/** @module GET /api/v1/search: units by name, case- and diacritic-insensitive, from an in-memory index built once. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { errorResponses } from '../http/schemas.ts';
import { ApiError } from '../http/errors.ts';
import type { UnitStore } from '../unit/unit-store.ts';
import { buildSearchIndex, type SearchIndex } from './search-index.ts';
import type { UnitStructure } from '../db/schema.ts';
import { relatives } from '../scope/scope.ts';
import { cacheFor } from '../http/cache.ts';

// Not a named component: zod-to-openapi drops `null` from a nullable reference to one.
const UnitRefSchema = z.object({ code: z.string(), name: z.string() });

/** OpenAPI schema of one search hit: the unit, its parents and how it matched. */
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

/** OpenAPI schema of GET /api/v1/search. */
export const SearchResultsSchema = z
  .object({
    query: z.string().openapi({ example: 'muong hoong', description: 'The query, trimmed' }),
    key: z.string().openapi({ example: 'muong hoong', description: 'The query as compared: lower case, no diacritics, đ as d, letters and digits only' }),
    limit: z.number().int(),
    results: z.array(SearchHitSchema),
  })
  .openapi('SearchResults');

const route = createRoute({
  method: 'get',
  path: '/search',
  summary: 'Find provinces, districts and communes by name',
  description:
    'Case- and diacritic-insensitive (`muong hoong`, `Mường Hoong` and `MƯỜNG HOONG` find Xã Mường Hoong; `đ` and `d` are the same letter); ' +
    'the type word is optional (`xa muong hoong`, `muong hoong`; `tp`, `tx`, `tt` for thành phố, thị xã, thị trấn). ' +
    'Results are ranked: the whole name, then names starting with the query, then names containing it; within each, provinces, then districts, then communes (xã before phường and thị trấn of the same name), then by name. ' +
    'Each result names its district and province, to tell apart communes of the same name. ' +
    'Both eras are searched: the units of the latest structure first, then those of earlier structures, each naming what it became (`successors`).',
  request: {
    query: z.object({
      q: z
        .string({ error: (issue) => (issue.input === undefined ? 'required: the name to search for' : 'expected one name') })
        .trim()
        .min(1, 'expected 1 to 100 characters (after trimming spaces)')
        .max(100, 'expected 1 to 100 characters (after trimming spaces)')
        .openapi({ param: { name: 'q', in: 'query' }, example: 'muong hoong', description: 'Name or part of a name (1-100 characters)' }),
      limit: z.coerce
        .number({ error: 'expected an integer from 1 to 50' })
        .int('expected an integer from 1 to 50')
        .min(1, 'expected an integer from 1 to 50')
        .max(50, 'expected an integer from 1 to 50')
        .default(10)
        .openapi({ param: { name: 'limit', in: 'query' }, example: 10, description: 'Maximum number of results (1-50, default 10)' }),
    }),
  },
  responses: {
    200: { description: 'Matching units, best first', content: { 'application/json': { schema: SearchResultsSchema } } },
    400: errorResponses[400],
  },
});

/** One index per unit store (built once at start, about 100 ms; apps built on the same context share it). */
const indexes = new WeakMap<UnitStore, SearchIndex>();

/** Registers GET /api/v1/search on the public API. */
export function searchRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  // The latest structure first: a reader looks for today's commune, and finds yesterday's with what it became.
  const searches = [...ctx.eras.structures].reverse().map((s) => {
    const units = ctx.eras.unitsOf(s.code);
    let index = indexes.get(units);
    if (!index) indexes.set(units, (index = buildSearchIndex(units.byCode.values(), units.byCode)));
    return { structure: s.code, index };
  });
  const latest = ctx.eras.structures.at(-1);
  const successorsOf = (structure: UnitStructure, code: string) => {
    if (!latest || structure === latest.code) return [];
    const unit = ctx.eras.unitsOf(structure).byCode.get(code)!;
    return relatives(ctx, unit, ctx.eras.unitsOf(latest.code)).map((s) => ({ structure: s.structure, code: s.code, name: s.name, since: latest.inForceDate }));
  };
  app.openapi(route, (c) => {
    const { q, limit } = c.req.valid('query');
    let key = '';
    const hits: Array<z.infer<typeof SearchHitSchema>> = [];
    for (const { structure, index } of searches) {
      if (hits.length >= limit) break;
      const found = index.search(q, limit - hits.length);
      key = found.key;
      for (const hit of found.hits) hits.push({ ...hit, structure, successors: successorsOf(structure, hit.code) });
    }
    if (key === '') throw new ApiError(400, 'invalid_parameter', "Parameter 'q' (query): expected at least one letter or digit", { parameter: 'q' });
    cacheFor(c, 'search');
    return c.json({ query: q, key, limit, results: hits }, 200);
  });
}
