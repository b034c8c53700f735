/** @module Workspace routes of plans: GET /admin/plans (the planned communes of a province or district with criteria
 * met and missing, and the criterion completions — "lượt tiêu chí" — the plan needs), POST /admin/plans (name
 * a commune as due to reach a level by a half-year or year), DELETE /admin/plans/{id}; and the targets'
 * routes (target-workspace-routes.ts). Admin, province and district officers change plans of their scope;
 * commune officers read their commune's. Every change is audited and shows at once in the public /plans.
 * Eras: a planned commune is a unit of the structure of its due period (a 2026-2030 plan names today's xã,
 * for đạt chuẩn or hiện đại); the board lists the plans of its period's structure. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { DistrictParam, ErrorSchema, ILLUSTRATIVE_NOTE, PeriodParam, ProvinceParam } from '../http/schemas.ts';
import { resolvePeriodAndEra } from '../scope/scope.ts';
import { writeEraOf } from '../era/write-era.ts';
import { duePeriod } from './due.ts';
import type { UnitStructure } from '../db/schema.ts';
import { actorOf } from '../audit/audit.ts';
import { type AuthEnv, currentUser } from '../auth/middleware.ts';
import { SESSION_SECURITY, WRITE_SECURITY, workspaceErrors } from '../auth/schemas.ts';
import { writableUnit } from '../auth/scope.ts';
import type { SessionUser } from '../auth/session.ts';
import { assertRole, readableScope, roleGuard } from '../auth/workspace-scope.ts';
import { ApiError } from '../http/errors.ts';
import { RecordIdParam } from '../recognition/fields.ts';
import type { Unit, UnitStore } from '../unit/unit-store.ts';
import { PlanBoardSchema, PlannedCommuneBody, PlannedCommuneRowSchema } from './admin-schemas.ts';
import { COMPLETIONS_NOTE, criterionCompletions } from './completions.ts';
import { type PlanStatus, plansIn } from './plan.ts';
import { addPlannedCommune, removePlannedCommune } from './planned-commune-store.ts';
import { targetAdminRoutes } from './target-workspace-routes.ts';

const WRITERS = ['admin', 'province', 'district'] as const;
const record = (description: string) => ({ description, content: { 'application/json': { schema: PlannedCommuneRowSchema } } });

const boardRoute = createRoute({
  method: 'get',
  path: '/admin/plans',
  tags: ['Workspace'],
  summary: 'Planned communes of a province or district and the criterion completions the plan needs',
  description:
    'As GET /plans (criteria met and missing at `period`, level, status; each commune with its record `id`), plus `criterion_completions`: ' +
    COMPLETIONS_NOTE,
  security: SESSION_SECURITY,
  request: { query: z.object({ province: ProvinceParam.optional(), district: DistrictParam.optional(), period: PeriodParam.optional() }) },
  responses: { 200: { description: 'The plan board', content: { 'application/json': { schema: PlanBoardSchema } } }, ...workspaceErrors },
});

const addRoute = createRoute({
  method: 'post',
  path: '/admin/plans',
  tags: ['Workspace'],
  summary: 'Name a commune in a plan as due to reach a level',
  description:
    '`due` 2025-H1 → due_period 2025-06, 2025-H2 and 2025 → 2025-12. The commune is a unit of the structure of the due period (today\'s units from 2025-07), ' +
    'and from 2026-02 the level is one of the 2026-2030 set (đạt chuẩn, hiện đại). 409 when the plan already names the commune for that level. Audited as `plan.add`.',
  middleware: [roleGuard(WRITERS, 'change plans (the province or district sets them)')],
  security: WRITE_SECURITY,
  request: { body: { content: { 'application/json': { schema: PlannedCommuneBody } }, required: true } },
  responses: { 201: record('The stored record'), ...workspaceErrors, 409: { description: 'Already in the plan', content: { 'application/json': { schema: ErrorSchema } } } },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/admin/plans/{id}',
  tags: ['Workspace'],
  summary: 'Remove a commune from a plan',
  description: 'Audited as `plan.remove` (the audit entry keeps the record).',
  middleware: [roleGuard(WRITERS, 'change plans (the province or district sets them)')],
  security: WRITE_SECURITY,
  request: { params: z.object({ id: RecordIdParam }) },
  responses: { 200: record('The removed record'), ...workspaceErrors, 409: { description: 'Removed meanwhile', content: { 'application/json': { schema: ErrorSchema } } } },
});

/** A rural commune whose plans the user may change. */
function plannableCommune(units: UnitStore, user: SessionUser, code: string, parameter: string): Unit {
  assertRole(user, WRITERS, 'change plans (the province or district sets them)');
  const unit = writableUnit(units, user, code);
  if (unit.level !== 'commune' || !unit.rural) {
    throw new ApiError(400, 'invalid_parameter', `Parameter '${parameter}': ${unit.name} (${code}) is not a rural commune (xã): plans name xã only`, { parameter });
  }
  return unit;
}

/** Registers the planned-commune routes (board, add, remove) on the workspace app. */
export function planAdminRoutes(ctx: ApiContext, app: OpenAPIHono<AuthEnv>): void {
  app.openapi(boardRoute, async (c) => {
    const q = c.req.valid('query');
    const { period, era } = resolvePeriodAndEra(ctx, q.period);
    const set = era.set;
    const units = ctx.eras.unitsOf(era.structure.code);
    const { scope, sees } = readableScope(ctx, currentUser(c), q, units);
    const plans = await plansIn(ctx, scope, period, set, era.structure.code);
    const communes = plans.communes.filter((p) => sees(units.byCode.get(p.code)!));
    // Counts of what the user sees (all of it unless a commune officer looks at their district).
    const counts: Record<PlanStatus, number> = { reached: 0, on_track: 0, late: 0 };
    for (const p of communes) counts[p.status]++;
    const dues = plans.dues
      .map((d) => {
        const of = communes.filter((p) => p.due === d.due);
        return { ...d, communes: of.length, reached: of.filter((p) => p.status === 'reached').length, on_track: of.filter((p) => p.status === 'on_track').length, late: of.filter((p) => p.status === 'late').length };
      })
      .filter((d) => d.communes > 0);
    const provenance = communes.length === plans.communes.length ? plans.provenance : recount(communes);
    return c.json(
      {
        period,
        criteria_set: set.code,
        scope: { level: scope.level === 'district' ? ('district' as const) : ('province' as const), code: scope.unit.code, name: scope.unit.name },
        counts,
        dues,
        communes,
        provenance: { ...provenance, note: ILLUSTRATIVE_NOTE },
        criterion_completions: { ...criterionCompletions(communes), note: COMPLETIONS_NOTE },
      },
      200,
    );
  });

  app.openapi(addRoute, async (c) => {
    const user = currentUser(c);
    const body = c.req.valid('json');
    assertRole(user, WRITERS, 'change plans (the province or district sets them)');
    const { structure, set } = writeEraOf(ctx, duePeriod(body.due));
    // Only today's units are checked against the due period's set: the pre-2025 units were never scored on
    // the 2026-2030 set, so their plans keep the levels they were made with.
    if (!structure.levels.includes('district') && set && !set.levels.includes(body.target_level)) {
      throw new ApiError(400, 'invalid_parameter', `Parameter 'target_level' (json): ${body.target_level} is not a level of the ${set.code} criteria set in force at the due period ${duePeriod(body.due)} (${set.levels.join(', ')})`, { parameter: 'target_level' });
    }
    plannableCommune(ctx.eras.unitsOf(structure.code), user, body.commune, 'commune');
    const row = await addPlannedCommune(ctx.ndb.db, actorOf(user), structure.code, body);
    await ctx.dataChanged();
    return c.json(row, 201);
  });

  app.openapi(removeRoute, async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.valid('param').id);
    const row = await removePlannedCommune(ctx.ndb.db, actorOf(user), id, (r) => void plannableCommune(ctx.eras.unitsOf(r.structure as UnitStructure), user, r.commune_code, 'id'));
    await ctx.dataChanged();
    return c.json(row, 200);
  });

  targetAdminRoutes(ctx, app);
}

function recount(communes: ReadonlyArray<{ provenance: 'official' | 'illustrative' | null; level_provenance: 'official' | 'illustrative' | null }>) {
  const out = { reviews: { official: 0, illustrative: 0 }, levels: { official: 0, illustrative: 0 } };
  for (const p of communes) {
    if (p.provenance) out.reviews[p.provenance]++;
    if (p.level_provenance) out.levels[p.level_provenance]++;
  }
  return out;
}
