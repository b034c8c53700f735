/** @module GET /api/v1/communes/{code}?period=: the commune card (see card.ts for what it holds). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { errorResponses, PeriodParam } from '../http/schemas.ts';
import { resolvePeriodAndEra, unknownUnit } from '../scope/scope.ts';
import { ApiError } from '../http/errors.ts';
import { communeCard } from './card.ts';
import { CommuneCardSchema } from './schema.ts';
import { cacheFor } from '../http/cache.ts';

// A GSO code of any level passes (so that a province or district code gets a 404 that says what it is);
// anything else is a 400.
const CodeParam = z
  .string()
  .regex(/^(\d{2}|\d{3}|\d{5})$/, 'expected a 5-digit GSO commune code, e.g. 23521')
  .openapi({ param: { name: 'code', in: 'path' }, example: '23521', description: 'GSO code of the commune (xã, phường or thị trấn)' });

const route = createRoute({
  method: 'get',
  path: '/communes/{code}',
  summary: 'The commune card',
  description:
    'Names and parents, type, recognition level in force and every recognition record (with revocations), special-difficulty listings, ' +
    'each criterion of the set that applies with its indicators (by group), the monthly history of criteria met, the plans naming the commune ' +
    '(on track or not, criteria still missing), the targets that apply (commune, district, province, national) and `at_risk` when a recognised ' +
    'commune fails a criterion. A commune without a review in the period shows its latest earlier review, with `as_of`. ' +
    'Phường and thị trấn are shown but not scored (`scored: false`, no criteria). `illustrative` and `provenance_note` say which parts are illustrative.',
  request: {
    params: z.object({ code: CodeParam }),
    query: z.object({ period: PeriodParam.optional() }),
  },
  responses: { 200: { description: 'The commune card', content: { 'application/json': { schema: CommuneCardSchema } } }, ...errorResponses },
});

/** Registers GET /api/v1/communes/{code} (the commune card) on the public API. */
export function communeRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  app.openapi(route, async (c) => {
    const { code } = c.req.valid('param');
    const q = c.req.valid('query');
    const { period, era } = resolvePeriodAndEra(ctx, q.period);
    const unit = era.units.byCode.get(code);
    if (!unit) throw unknownUnit(ctx, era.units, 'code', code);
    if (unit.level !== 'commune') {
      throw new ApiError(404, 'not_found', `'${code}' is a ${unit.level} (${unit.name}), not a commune (the units inside it: /api/v1/units?parent=${code})`, {
        parameter: 'code',
        level: unit.level,
      });
    }
    const card = await communeCard(ctx, era, unit, period);
    cacheFor(c, 'data');
    return c.json(card, 200);
  });
}
