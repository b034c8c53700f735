/** @module Workspace route GET /admin/board: the monthly report of a district or province (reviews received vs due,
 * criteria gained and lost, revocation risk, targets, planned communes), as JSON or as an XLSX download. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { DistrictParam, PeriodParam, ProvinceParam } from '../http/schemas.ts';
import { resolvePeriodAndEra, resolveScope } from '../scope/scope.ts';
import { type AuthEnv, currentUser } from '../auth/middleware.ts';
import { SESSION_SECURITY, workspaceErrors } from '../auth/schemas.ts';
import { inScope, otherStructureReason } from '../auth/scope.ts';
import { ApiError } from '../http/errors.ts';
import { boardOf } from './board.ts';
import { BOARD_ILLUSTRATIVE_NOTE, BoardSchema } from './schemas.ts';
import { renderBoardXlsx, XLSX_TYPE } from './xlsx.ts';

const BoardQuery = z.object({
  // As for /export.xlsx: OpenAPI cannot say "one of province, district"; the document asks for `province`
  // and the server also takes a district alone.
  province: ProvinceParam.optional().openapi({
    param: { name: 'province', in: 'query', required: true },
    description: 'GSO province code: the province\'s board. Required unless `district` is given; with both, the district must be in the province.',
  }),
  district: DistrictParam.optional().openapi({ description: 'GSO district code: the district\'s board' }),
  period: PeriodParam.optional(),
  group: z
    .enum(['former_district'], { message: "expected 'former_district'" })
    .optional()
    .openapi({ param: { name: 'group', in: 'query' }, example: 'former_district', description: "Today's units have no districts: former_district groups the province's communes by the district(s) their predecessors lay in" }),
  format: z
    .enum(['json', 'xlsx'], { message: "expected 'json' (the default) or 'xlsx'" })
    .optional()
    .openapi({ param: { name: 'format', in: 'query' }, example: 'json', description: 'json (default) or xlsx (a workbook to download)' }),
});

const route = createRoute({
  method: 'get',
  path: '/admin/board',
  tags: ['Workspace'],
  summary: 'The monthly report of a district or province (JSON or XLSX)',
  description:
    'Reviews received (official reviews entered for the month) vs due (the rural communes in scope), per district for a province, ' +
    'with the communes still missing; criteria gained and lost since the previous month, per criterion with the communes concerned; ' +
    'recognised communes failing a criterion (revocation risk, Quyết định 18/2022/QĐ-TTg); progress against the targets that apply ' +
    '(as /summary); the planned communes due this half-year (and those due earlier not yet at their target) with the criteria missing ' +
    'and the criterion completions ("lượt tiêu chí") still needed. Default period: the latest with data. `format=xlsx` gives the same ' +
    'as a workbook, one sheet per section with Vietnamese headers and a title row naming the unit, the period and, when any figure is ' +
    'illustrative, "số liệu minh họa". 403 for a unit outside your role\'s scope.',
  security: SESSION_SECURITY,
  request: { query: BoardQuery },
  responses: {
    200: {
      description: 'The board',
      headers: { 'Content-Disposition': { description: 'With format=xlsx: attachment; filename="bao-cao-<code>-<period>.xlsx"', schema: { type: 'string' as const } } },
      content: {
        'application/json': { schema: BoardSchema },
        [XLSX_TYPE]: { schema: z.string().openapi({ type: 'string', format: 'binary', description: 'Office Open XML workbook' }) },
      },
    },
    ...workspaceErrors,
  },
});

/** Registers GET /admin/board (JSON or XLSX) on the workspace app. */
export function boardRoutes(ctx: ApiContext, app: OpenAPIHono<AuthEnv>): void {
  app.openapi(route, async (c) => {
    const user = currentUser(c);
    const q = c.req.valid('query');
    if (!q.province && !q.district) {
      throw new ApiError(400, 'invalid_parameter', "Parameter 'province' (query): give a province or a district ('district')", { parameter: 'province' });
    }
    // The month first: its era says which units the codes are read in (today's since 2025-07).
    const { period, era } = resolvePeriodAndEra(ctx, q.period);
    const scope = resolveScope(ctx, q, era.units);
    const unit = scope.unit!;
    // A former district (today's units) is read through its communes: every one must be in the user's scope.
    const probes = scope.level === 'former_district' ? era.units.communesOfFormerDistrict(scope.code) : [unit];
    const outside = probes.find((u) => !inScope(user, u));
    if (outside || probes.length === 0) {
      const probe = outside ?? unit;
      if (user.role !== 'admin' && probe.structure !== user.structure) throw new ApiError(403, 'forbidden', otherStructureReason(user, probe), { reason: 'other_structure', structure: probe.structure, your_structure: user.structure });
      throw new ApiError(403, 'forbidden', `Your role (${user.role}${user.unit ? ` of ${user.unit}` : ''}) cannot read the board of ${unit.name} (${unit.code})`);
    }
    const board = await boardOf(ctx, { ...scope, unit }, period, era.set, { byFormerDistrict: q.group === 'former_district' });
    if (q.format === 'xlsx') {
      const body = await renderBoardXlsx(board);
      c.header('Content-Type', XLSX_TYPE);
      c.header('Content-Disposition', `attachment; filename="bao-cao-${unit.code}-${period}.xlsx"`);
      return c.body(body, 200) as never;
    }
    return c.json({ ...board, provenance: { ...board.provenance, note: BOARD_ILLUSTRATIVE_NOTE } }, 200);
  });
}
