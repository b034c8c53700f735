// GET /api/v1/units?parent=: the provinces, the districts of a province or the communes of a district,
// from the unit store held in memory.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../api/context.ts';
import { errorResponses, PeriodParam } from '../api/schemas.ts';
import { ApiError } from '../http/errors.ts';
import type { Unit } from './unit-store.ts';
import type { Era } from '../era/era.ts';
import { StructureSchema, structureJson } from '../era/era-json.ts';
import { resolvePeriodAndEra, unknownUnit } from '../api/scope.ts';
import { cacheFor } from '../http/cache.ts';

const UnitLevelSchema = z.enum(['province', 'district', 'commune']).openapi('UnitLevel');

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

type UnitList = z.infer<typeof UnitListSchema>;

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
    }),
  },
  responses: { 200: { description: 'The units', content: { 'application/json': { schema: UnitListSchema } } }, ...errorResponses },
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

export function unitRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  // Units change only with a new seed: each list is built once, on first request.
  const lists = new Map<string, UnitList>();
  const listOf = (era: Era, code: string | undefined): UnitList => {
    const key = `${era.structure.code}:${code ?? ''}`;
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
      const children = units.children(code);
      const levels = era.structure.levels;
      list = {
        parent: { code: parent.code, name: parent.name, type: parent.type, level: parent.level },
        structure,
        level: levels[levels.indexOf(parent.level) + 1] ?? 'commune',
        count: children.length,
        units: children.map(unitBody),
      };
    }
    lists.set(key, list);
    return list;
  };
  app.openapi(route, (c) => {
    const { parent, period } = c.req.valid('query');
    const { era } = resolvePeriodAndEra(ctx, period);
    const list = listOf(era, parent);
    cacheFor(c, 'reference');
    return c.json(list, 200);
  });
}
