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
import { SearchHitSchema, SearchResultsSchema } from './schemas.ts';

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
