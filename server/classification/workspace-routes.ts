/** @module Workspace routes of commune classifications: a province's communes with their group (nhóm 1-3) and
 * khu vực (I-III) in force and the history of each, and the recording of an official decision. Admin and
 * province officers record within their scope (the decisions are the province's and the Ban Dân tộc's); every
 * write is audited, kept beside the earlier records, and replaces the illustrative record on the public card
 * and in the map's special-difficulty hatch (khu vực III) from its first month. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { ErrorSchema } from '../http/schemas.ts';
import { resolvePeriodAndEra } from '../scope/scope.ts';
import { actorOf } from '../audit/audit.ts';
import { type AuthEnv, currentUser } from '../auth/middleware.ts';
import { SESSION_SECURITY, WRITE_SECURITY, workspaceErrors } from '../auth/schemas.ts';
import { writableUnit } from '../auth/scope.ts';
import { assertRole, readableScope, roleGuard } from '../auth/workspace-scope.ts';
import { ApiError } from '../http/errors.ts';
import { covers } from '../era/structure.ts';
import { classificationPart, currentStructure, inForceOf, type ClassificationRow } from './classification.ts';
import { createClassification } from './classification-store.ts';
import { ClassificationBody, ClassificationCreatedSchema, ClassificationListSchema, ClassificationQuery } from './schemas.ts';

const RECORDERS = ['admin', 'province'] as const;
const WHAT = 'record a commune\'s group or khu vực (the province and the Ban Dân tộc decide them)';
const conflict = { 409: { description: 'The same decision already gives this commune this value', content: { 'application/json': { schema: ErrorSchema } } } };

const listRoute = createRoute({
  method: 'get',
  path: '/admin/classifications',
  tags: ['Workspace'],
  summary: "A province's communes with their group and khu vực",
  description:
    "Today's communes of the province (today's unit structure) with the group (nhóm 1-3) and khu vực (I-III) in force at `period` (default: the latest), " +
    'each saying whether it is an official record (with its decision) or the project\'s illustrative stand-in, and every record of the commune.',
  security: SESSION_SECURITY,
  request: { query: ClassificationQuery },
  responses: { 200: { description: 'The communes', content: { 'application/json': { schema: ClassificationListSchema } } }, ...workspaceErrors },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/admin/classifications',
  tags: ['Workspace'],
  summary: "Record a commune's group or khu vực",
  description:
    'Stored as a new official record (the earlier ones stay, as history); from `period_from` it replaces the illustrative record on the public card, and an ' +
    'official khu vực III makes the commune special-difficulty on the map (khu vực I or II: not). Admin and province officers record within their scope. ' +
    'Audited as `classification.create`.',
  middleware: [roleGuard(RECORDERS, WHAT)],
  security: WRITE_SECURITY,
  request: { body: { content: { 'application/json': { schema: ClassificationBody } }, required: true } },
  responses: { 201: { description: 'The stored record', content: { 'application/json': { schema: ClassificationCreatedSchema } } }, ...workspaceErrors, ...conflict },
});

/** Today's structure, or a 404 when the database holds only the pre-2025 units (no groups or khu vực existed). */
function todayStructure(ctx: ApiContext) {
  const structure = currentStructure(ctx);
  if (structure.levels.includes('district')) throw new ApiError(404, 'not_found', "This database holds no units of today's structure (from 1/7/2025): groups and khu vực are of today's communes");
  return structure;
}

const recordOut = (r: ClassificationRow) => ({ id: r.id, kind: r.kind, ...classificationPart(r), recorded_by: r.recorded_by, recorded_at: r.recorded_at });

/** Registers the classification routes. */
export function classificationRoutes(ctx: ApiContext, app: OpenAPIHono<AuthEnv>): void {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    // The scope first: a request outside the user's scope is a 403 whatever else is wrong with it.
    const units = ctx.eras.unitsOf(currentStructure(ctx).code);
    const { scope, sees } = readableScope(ctx, currentUser(c), q, units);
    const structure = todayStructure(ctx);
    const { period } = resolvePeriodAndEra(ctx, q.period);
    if (!covers(structure, period)) {
      throw new ApiError(400, 'invalid_parameter', `Parameter 'period' (query): groups and khu vực are of today's communes (${structure.name_en} structure, from ${structure.validFrom}); ${period} is before it`, { parameter: 'period' });
    }
    const communes = units.children(scope.unit.code).filter((u) => u.level === 'commune' && sees(u));
    const rows = communes.length
      ? await ctx.ndb.db.selectFrom('commune_classification').selectAll().where('structure', '=', structure.code).where('commune_code', 'in', communes.map((u) => u.code)).orderBy('id').execute()
      : [];
    const byCommune = new Map<string, ClassificationRow[]>();
    for (const r of rows) (byCommune.get(r.commune_code) ?? byCommune.set(r.commune_code, []).get(r.commune_code)!).push(r);
    const counts = { communes: communes.length, official: 0, illustrative: 0, none: 0 };
    const out = communes.map((u) => {
      const history = byCommune.get(u.code) ?? [];
      const part = (kind: 'group' | 'khu_vuc') => {
        const r = inForceOf(history, kind, period);
        if (r) counts[r.provenance]++;
        else counts.none++;
        return r ? classificationPart(r) : null;
      };
      return { code: u.code, name: u.name, type: u.type, group: part('group'), khu_vuc: part('khu_vuc'), history: history.map(recordOut) };
    });
    return c.json({ structure: structure.code, scope: { level: 'province' as const, code: scope.unit.code, name: scope.unit.name }, period, counts, communes: out }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const user = currentUser(c);
    const body = c.req.valid('json');
    assertRole(user, RECORDERS, WHAT);
    const structure = todayStructure(ctx);
    const from = body.period_from ?? body.decision_date.slice(0, 7);
    if (structure.validFrom !== null && from < structure.validFrom) {
      throw new ApiError(400, 'invalid_parameter', `Parameter 'period_from' (json): ${from} is before today's units (${structure.name_en} structure, from ${structure.validFrom}); groups and khu vực are of today's communes`, { parameter: 'period_from' });
    }
    const unit = writableUnit(ctx.eras.unitsOf(structure.code), user, body.commune);
    if (unit.level !== 'commune') throw new ApiError(400, 'invalid_parameter', `Parameter 'commune' (json): ${unit.name} (${unit.code}) is a ${unit.level}, not a commune`, { parameter: 'commune' });
    if (body.kind === 'group' && !unit.rural) {
      throw new ApiError(400, 'invalid_parameter', `Parameter 'commune' (json): ${unit.name} (${unit.code}) is a ${unit.type}, not a xã: the groups of 51/2025/QĐ-TTg are of rural communes`, { parameter: 'commune' });
    }
    const row = await createClassification(ctx.ndb.db, actorOf(user), structure.code, unit, body);
    // The standings hold the special-difficulty flag that khu vực III gives: re-read them with the recognitions.
    await ctx.dataChanged({ recognitions: true });
    return c.json({ structure: structure.code, commune: { code: unit.code, name: unit.name }, record: recordOut(row), special: row.kind === 'khu_vuc' ? row.value === 'III' : ctx.standings.at(structure.code, unit.code, row.period_from).special }, 201);
  });
}
