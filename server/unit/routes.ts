/** @module GET /api/v1/units?parent=: the provinces, the districts of a province or the communes of a district (from
 * 2025-07, with `former=true`: the former districts of a province), from the unit store held in memory; and
 * GET /api/v1/units/{code}/relatives: what a unit of one period's structure became (or came from) in another's. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { errorResponses, PeriodParam } from '../http/schemas.ts';
import { ApiError } from '../http/errors.ts';
import type { Unit } from './unit-store.ts';
import type { Era } from '../era/era.ts';
import { structureJson } from '../era/era-json.ts';
import { relatives, resolvePeriodAndEra, unknownUnit } from '../scope/scope.ts';
import { cacheFor } from '../http/cache.ts';
import { RelativesSchema, type UnitList, UnitListSchema } from './schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/units',
  summary: 'Provinces, the districts of a province, or the communes of a district',
  description:
    'Without `parent`: the 63 provinces. With a province code: its districts. With a district code: its communes (xã, phường, thị trấn; `rural` marks the xã that NTM scores). ' +
    'An unknown code is a 404. A commune code is a 400: communes have no child units.',
  request: {
    query: z.object({
      parent: z
        .string()
        .regex(/^(\d{2}|\d{3}|\d{5})$/, 'expected a GSO code: a province (2 digits, e.g. 62) or a district (3 digits, e.g. 610)')
        .optional()
        .openapi({ param: { name: 'parent', in: 'query' }, example: '62', description: 'Code of a province (its districts; since 1/7/2025 its communes) or a district (its communes); omit for the provinces' }),
      period: PeriodParam.optional().openapi({ description: 'The period whose unit structure the codes are read in (default: the latest)' }),
      former: z
        .enum(['true', 'false'], { error: 'expected true or false' })
        .optional()
        .openapi({ param: { name: 'former', in: 'query' }, description: 'With a province of a structure without districts (from 2025-07): list its former districts (khu vực huyện cũ), the pre-2025 districts its communes\' predecessors lay in, as units of that structure (a district split between two provinces is listed by both)' }),
    }),
  },
  responses: { 200: { description: 'The units', content: { 'application/json': { schema: UnitListSchema } } }, ...errorResponses },
});

const relativesRoute = createRoute({
  method: 'get',
  path: '/units/{code}/relatives',
  summary: 'What a unit became across the reform (or came from)',
  description:
    'Reads `code` in the unit structure of period `from` and answers the units of the structure of period `to` it became (a later `to`) or came from (an earlier one), through the crosswalk of the July-2025 reform (unit_lineage), never by code. ' +
    'An unknown code in `from`\'s structure is a 404.',
  request: {
    params: z.object({ code: z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, 'expected a GSO code of 2, 3 or 5 digits').openapi({ param: { name: 'code', in: 'path' }, example: '62' }) }),
    query: z.object({
      from: PeriodParam.openapi({ param: { name: 'from', in: 'query' }, description: 'The period whose structure `code` is read in' }),
      to: PeriodParam.openapi({ param: { name: 'to', in: 'query' }, description: 'The period whose structure the answer is in' }),
    }),
  },
  responses: { 200: { description: 'The relatives', content: { 'application/json': { schema: RelativesSchema } } }, ...errorResponses },
});

function unitBody(unit: Unit): UnitList['units'][number] {
  return {
    code: unit.code,
    name: unit.name,
    type: unit.type,
    level: unit.level,
    parent: unit.parent,
    province: unit.province,
    district: unit.district,
    rural: unit.rural,
    bbox: unit.bbox,
    label: unit.label,
    former_districts: [...unit.formerDistricts],
  };
}

/** Registers GET /api/v1/units and GET /api/v1/units/{code}/relatives on the public API. */
export function unitRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  // Units change only with a new seed: each list is built once, on first request.
  const lists = new Map<string, UnitList>();
  const listOf = (era: Era, code: string | undefined, former: boolean): UnitList => {
    const key = `${era.structure.code}:${code ?? ''}:${former}`;
    const cached = lists.get(key);
    if (cached) return cached;
    const units = era.units;
    const structure = structureJson(era);
    let list: UnitList;
    if (code === undefined) {
      list = { parent: null, structure, level: 'province', count: units.provinces.length, units: units.provinces.map(unitBody) };
    } else {
      const parent = units.byCode.get(code);
      if (!parent) throw unknownUnit(ctx, units, 'code', code);
      if (parent.level === 'commune') {
        throw new ApiError(400, 'invalid_parameter', `Parameter 'parent' (query): ${code} is a commune (${parent.name}); communes have no child units`, { parameter: 'parent' });
      }
      const children = former && !era.hasDistricts && parent.level === 'province'
        ? [...new Set(units.children(code).flatMap((u) => u.formerDistricts))].flatMap((d) => ctx.eras.formerDistrict(era.structure.code, d) ?? [])
        : units.children(code);
      const levels = era.structure.levels;
      list = {
        parent: { code: parent.code, name: parent.name, type: parent.type, level: parent.level },
        structure,
        level: former && !era.hasDistricts && parent.level === 'province' ? 'district' : (levels[levels.indexOf(parent.level) + 1] ?? 'commune'),
        count: children.length,
        units: children.map(unitBody),
      };
    }
    lists.set(key, list);
    return list;
  };
  app.openapi(route, (c) => {
    const { parent, period, former } = c.req.valid('query');
    const { era } = resolvePeriodAndEra(ctx, period);
    const list = listOf(era, parent, former === 'true');
    cacheFor(c, 'reference');
    return c.json(list, 200);
  });
  app.openapi(relativesRoute, (c) => {
    const { code } = c.req.valid('param');
    const q = c.req.valid('query');
    const from = resolvePeriodAndEra(ctx, q.from).era;
    const to = resolvePeriodAndEra(ctx, q.to).era;
    const unit = from.units.byCode.get(code);
    if (!unit) throw unknownUnit(ctx, from.units, 'code', code);
    const same = from.structure.code === to.structure.code;
    cacheFor(c, 'reference');
    return c.json({
      unit: { structure: unit.structure, code: unit.code, name: unit.name, level: unit.level },
      structure: to.structure.code,
      same,
      forward: q.to >= q.from,
      relatives: (same ? [{ structure: unit.structure, code: unit.code, name: unit.name, level: unit.level }] : relatives(ctx, unit, to.units)).map((r) => {
        const u = to.units.byCode.get(r.code);
        return { ...r, province: u?.province ?? r.code, district: u?.district ?? null };
      }),
    }, 200);
  });
}
