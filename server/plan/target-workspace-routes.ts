/** @module Workspace routes of a province's or district's targets: GET|POST /admin/targets, PUT|DELETE
 * /admin/targets/{id}. Admin, province and district officers change the targets of their scope (a province
 * officer also its districts'; national targets: admin only); commune officers read only. Every change is
 * audited and shows at once in the public summary.
 * Eras: a target is of the unit structure of its deadline (a 2030 target of today's province); the list is of
 * its period's structure and shows the national targets of that structure (for 2026-2030: those of the
 * national programme, from the facts) beside the province's own. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { DistrictParam, ErrorSchema, PeriodParam, ProvinceParam } from '../http/schemas.ts';
import { resolvePeriodAndEra } from '../scope/scope.ts';
import { writeEraOf } from '../era/write-era.ts';
import type { UnitStructure } from '../db/schema.ts';
import { actorOf } from '../audit/audit.ts';
import { type AuthEnv, currentUser } from '../auth/middleware.ts';
import { SESSION_SECURITY, WRITE_SECURITY, workspaceErrors } from '../auth/schemas.ts';
import { writableUnit } from '../auth/scope.ts';
import type { SessionUser } from '../auth/session.ts';
import { assertRole, readableScope, roleGuard } from '../auth/workspace-scope.ts';
import { ApiError } from '../http/errors.ts';
import { RecordIdParam } from '../recognition/fields.ts';
import { COUNTRY_NAME, type TargetRecord } from '../target/target-store.ts';
import { TargetBody, TargetListSchema, TargetReplaceBody, WorkspaceTargetSchema } from './admin-schemas.ts';
import { createTarget, deleteTarget, replaceTarget } from './target-admin-store.ts';

const WRITERS = ['admin', 'province', 'district'] as const;
const one = (description: string) => ({ description, content: { 'application/json': { schema: WorkspaceTargetSchema } } });
const idParams = z.object({ id: RecordIdParam });

const listRoute = createRoute({
  method: 'get',
  path: '/admin/targets',
  tags: ['Workspace'],
  summary: 'Targets of a province or district, beside the national targets',
  description: "The targets of the period's unit structure (default: the latest period's): the scope's own and, in `national`, the country's (for 2026-2030 those of the national programme, from the facts).",
  security: SESSION_SECURITY,
  request: { query: z.object({ province: ProvinceParam.optional(), district: DistrictParam.optional(), period: PeriodParam.optional() }) },
  responses: { 200: { description: 'The targets', content: { 'application/json': { schema: TargetListSchema } } }, ...workspaceErrors },
});

const createTargetRoute = createRoute({
  method: 'post',
  path: '/admin/targets',
  tags: ['Workspace'],
  summary: 'Add a target of a province or district',
  description: 'The scope is a unit of the structure in force at the deadline (today\'s provinces for a deadline from 2025-07). Audited as `target.create`.',
  middleware: [roleGuard(WRITERS, 'change targets')],
  security: WRITE_SECURITY,
  request: { body: { content: { 'application/json': { schema: TargetBody } }, required: true } },
  responses: { 201: one('The stored target'), ...workspaceErrors },
});

const replaceRoute = createRoute({
  method: 'put',
  path: '/admin/targets/{id}',
  tags: ['Workspace'],
  summary: "Replace a target's fields (its scope stays)",
  description: 'Fields left out become empty (value_num: read from value). Audited as `target.update`; nothing is written when nothing changes.',
  middleware: [roleGuard(WRITERS, 'change targets')],
  security: WRITE_SECURITY,
  request: { params: idParams, body: { content: { 'application/json': { schema: TargetReplaceBody } }, required: true } },
  responses: { 200: one('The target as stored'), ...workspaceErrors },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/admin/targets/{id}',
  tags: ['Workspace'],
  summary: 'Delete a target',
  description: 'Audited as `target.delete` (the audit entry keeps the deleted target).',
  middleware: [roleGuard(WRITERS, 'change targets')],
  security: WRITE_SECURITY,
  request: { params: idParams },
  responses: { 200: one('The deleted target'), ...workspaceErrors, 409: { description: 'Deleted meanwhile', content: { 'application/json': { schema: ErrorSchema } } } },
});

/** 403 unless the user may change this target: national ones admin only; others by the scope's unit. */
function assertMayEdit(ctx: ApiContext, user: SessionUser, row: TargetRecord): void {
  assertRole(user, WRITERS, 'change targets');
  if (row.scope === 'national' || row.scope_code === null) {
    if (user.role !== 'admin') throw new ApiError(403, 'forbidden', 'National targets are changed by admins only');
    return;
  }
  writableUnit(ctx.eras.unitsOf(row.scope_structure as UnitStructure), user, row.scope_code);
}

function mayEdit(ctx: ApiContext, user: SessionUser, row: TargetRecord): boolean {
  try {
    assertMayEdit(ctx, user, row);
    return true;
  } catch {
    return false;
  }
}

function targetOut(ctx: ApiContext, user: SessionUser, row: TargetRecord): z.infer<typeof WorkspaceTargetSchema> {
  const units = ctx.eras.unitsOf(row.scope_structure as UnitStructure);
  const name = row.scope_code === null ? COUNTRY_NAME : (units.byCode.get(row.scope_code)?.name ?? row.scope_code);
  return { ...row, scope_name: name, editable: mayEdit(ctx, user, row) };
}

/** Registers the target routes (list, add, edit, delete) on the workspace app. */
export function targetAdminRoutes(ctx: ApiContext, app: OpenAPIHono<AuthEnv>): void {
  app.openapi(listRoute, async (c) => {
    const user = currentUser(c);
    const q = c.req.valid('query');
    const { era } = resolvePeriodAndEra(ctx, q.period);
    const structure = era.structure.code;
    const units = ctx.eras.unitsOf(structure);
    const { scope, sees } = readableScope(ctx, user, q, units);
    const districts = scope.level === 'district' ? [scope.unit] : units.children(scope.unit.code).filter((u) => u.level === 'district');
    const codes = [...(scope.level === 'province' ? [scope.unit] : []), ...districts].filter(sees).map((u) => u.code);
    const [rows, national] = await Promise.all([
      codes.length
        ? ctx.ndb.db.selectFrom('target').selectAll().where('scope_structure', '=', structure).where('scope', 'in', ['province', 'district']).where('scope_code', 'in', codes).orderBy('scope', 'desc').orderBy('scope_code').orderBy('deadline').orderBy('id').execute()
        : [],
      ctx.ndb.db.selectFrom('target').selectAll().where('scope_structure', '=', structure).where('scope', '=', 'national').where('kind', '=', 'target').orderBy('deadline').orderBy('id').execute(),
    ]);
    return c.json({
      structure,
      scope: { level: scope.level === 'district' ? ('district' as const) : ('province' as const), code: scope.unit.code, name: scope.unit.name },
      targets: rows.map((r) => targetOut(ctx, user, r)),
      national: national.map((r) => targetOut(ctx, user, r)),
    }, 200);
  });

  app.openapi(createTargetRoute, async (c) => {
    const user = currentUser(c);
    const { scope: code, ...fields } = c.req.valid('json');
    assertRole(user, WRITERS, 'change targets');
    const { structure } = writeEraOf(ctx, fields.deadline.slice(0, 7));
    const unit = writableUnit(ctx.eras.unitsOf(structure.code), user, code);
    if (unit.level !== 'province' && unit.level !== 'district') {
      throw new ApiError(400, 'invalid_parameter', `Parameter 'scope' (json): ${unit.name} is not a province or district`, { parameter: 'scope' });
    }
    const row = await createTarget(ctx.ndb.db, actorOf(user), { level: unit.level, code: unit.code, structure: structure.code }, fields);
    await ctx.dataChanged();
    return c.json(targetOut(ctx, user, row), 201);
  });

  app.openapi(replaceRoute, async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.valid('param').id);
    const { row, changed } = await replaceTarget(ctx.ndb.db, actorOf(user), id, c.req.valid('json'), (r) => assertMayEdit(ctx, user, r));
    if (changed) await ctx.dataChanged();
    return c.json(targetOut(ctx, user, row), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.valid('param').id);
    const row = await deleteTarget(ctx.ndb.db, actorOf(user), id, (r) => assertMayEdit(ctx, user, r));
    await ctx.dataChanged();
    return c.json(targetOut(ctx, user, row), 200);
  });
}
