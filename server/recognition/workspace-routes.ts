/** @module Workspace routes of recognitions: record a recognition decision (commune or district) and its revocation,
 * list the recognitions of a province or district, and the recognised communes now failing a criterion
 * (revocation risk, Quyết định 18/2022/QĐ-TTg). Admin and province officers record within their scope; a
 * district officer records the (provincial) decisions about communes of their district; commune officers
 * read only. Every write is audited and shows on the public map at once.
 * Eras: a recognition is of the unit structure in force on its decision's date, with the levels of the criteria
 * set in force then (đạt chuẩn / hiện đại from 2026-02); a listing is of its period's structure. Nothing is
 * carried across the 2025 merger (MERGER_NOTE). */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { DistrictParam, PeriodParam, ProvinceParam } from '../http/schemas.ts';
import { resolvePeriodAndEra } from '../scope/scope.ts';
import { actorOf } from '../audit/audit.ts';
import { type AuthEnv, currentUser } from '../auth/middleware.ts';
import { SESSION_SECURITY, WRITE_SECURITY, workspaceErrors } from '../auth/schemas.ts';
import { writableUnit } from '../auth/scope.ts';
import type { SessionUser } from '../auth/session.ts';
import { assertRole, readableScope, roleGuard } from '../auth/workspace-scope.ts';
import { ErrorSchema } from '../http/schemas.ts';
import { ApiError } from '../http/errors.ts';
import type { Unit } from '../unit/unit-store.ts';
import { atRiskCommunes, REVOCATION_RULE } from './at-risk.ts';
import { RecordIdParam } from './fields.ts';
import { createRecognition, recognitionOut, revokeRecognition } from './recognition-store.ts';
import { AtRiskSchema, MERGER_NOTE, RecognitionBody, RecognitionListSchema, RecognitionOutSchema, RevocationBody } from './schemas.ts';
import { writeEraOf } from '../era/write-era.ts';
import type { UnitStore } from '../unit/unit-store.ts';
import { unitAt } from '../unit/unit-change.ts';
import type { UnitStructure } from '../db/schema.ts';
import type { RecognitionRow } from './recognition-store.ts';

/** Roles that record recognitions and revocations (checked before a body is read, and again per unit). */
const RECORDERS = ['admin', 'province', 'district'] as const;
const conflict = { 409: { description: 'A duplicate (same unit, level and decision), or already revoked', content: { 'application/json': { schema: ErrorSchema } } } };
const scopeQuery = z.object({ province: ProvinceParam.optional(), district: DistrictParam.optional(), period: PeriodParam.optional() });

const listRoute = createRoute({
  method: 'get',
  path: '/admin/recognitions',
  tags: ['Workspace'],
  summary: 'Recognitions of a province or district, with revocations',
  description: 'Every recognition record (official and illustrative) of the districts and rural communes of the scope, with `in_force` at `period` (default: the latest).',
  security: SESSION_SECURITY,
  request: { query: scopeQuery },
  responses: { 200: { description: 'The recognitions', content: { 'application/json': { schema: RecognitionListSchema } } }, ...workspaceErrors },
});

const atRiskRoute = createRoute({
  method: 'get',
  path: '/admin/recognitions/at-risk',
  tags: ['Workspace'],
  summary: 'Recognised communes now failing a criterion (revocation risk)',
  description: `${REVOCATION_RULE} Lists the communes of the scope recognised at \`period\` (default: the latest) whose latest review fails a criterion, with each criterion at fault and the month since which it has been failing.`,
  security: SESSION_SECURITY,
  request: { query: scopeQuery },
  responses: { 200: { description: 'Communes at risk', content: { 'application/json': { schema: AtRiskSchema } } }, ...workspaceErrors },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/admin/recognitions',
  tags: ['Workspace'],
  summary: 'Record a recognition decision (commune or district)',
  description:
    'Stored as official. The level shows on the public map from `effective_period` (default: the month of the decision). Admin and province officers ' +
    'record for their scope; a district officer records decisions about communes of their district; commune officers cannot. Audited as `recognition.create`.',
  middleware: [roleGuard(RECORDERS, 'record recognitions or revocations (the province decides them)')],
  security: WRITE_SECURITY,
  request: { body: { content: { 'application/json': { schema: RecognitionBody } }, required: true } },
  responses: { 201: { description: 'The stored record', content: { 'application/json': { schema: RecognitionOutSchema } } }, ...workspaceErrors, ...conflict },
});

const revokeRoute = createRoute({
  method: 'post',
  path: '/admin/recognitions/{id}/revocation',
  tags: ['Workspace'],
  summary: 'Record the revocation of a recognition',
  description:
    'Quyết định 18/2022/QĐ-TTg. The recognition is no longer in force in the month of the revocation date and after (a month\'s status is its state at ' +
    'the end of the month). 409 when already revoked. Audited as `recognition.revoke` with before and after.',
  middleware: [roleGuard(RECORDERS, 'record recognitions or revocations (the province decides them)')],
  security: WRITE_SECURITY,
  request: { params: z.object({ id: RecordIdParam }), body: { content: { 'application/json': { schema: RevocationBody } }, required: true } },
  responses: { 200: { description: 'The record with its revocation', content: { 'application/json': { schema: RecognitionOutSchema } } }, ...workspaceErrors, ...conflict },
});

/** The commune or district of `units` a user may record a recognition (or revocation) for; `month`: the
 * decision's month (a xã that later became a phường was a xã then). */
function recordableUnit(units: UnitStore, user: SessionUser, code: string, month: string): Unit {
  assertRole(user, RECORDERS, 'record recognitions or revocations (the province decides them)');
  const unit = writableUnit(units, user, code);
  if (unit.level === 'province' || (unit.level === 'commune' && !unitAt(unit, month).rural)) {
    throw new ApiError(400, 'invalid_parameter', `Parameter 'unit' (json): ${unit.name} (${code}) is not a rural commune (xã) or a district: NTM recognitions are of those`, { parameter: 'unit' });
  }
  if (user.role === 'district' && unit.level !== 'commune') throw new ApiError(403, 'forbidden', `A district officer records recognitions of communes only, not of ${unit.name}`);
  return unit;
}

/** The units of the structure in force on a decision's date, after checking that the level is one of the
 * criteria set in force then and that the recognition takes effect within the structure. */
function unitsOfDecision(ctx: ApiContext, body: { level: string; decision_date: string; effective_period?: string | undefined }): UnitStore {
  const month = body.decision_date.slice(0, 7);
  const { structure, set } = writeEraOf(ctx, month);
  if (set && !set.levels.includes(body.level as never)) {
    throw new ApiError(400, 'invalid_parameter', `Parameter 'level' (json): ${body.level} is not a level of the ${set.code} criteria set in force on ${body.decision_date} (${set.levels.join(', ')})`, { parameter: 'level' });
  }
  const effective = body.effective_period ?? month;
  if (structure.validTo !== null && effective > structure.validTo) {
    throw new ApiError(400, 'invalid_parameter', `Parameter 'effective_period' (json): a decision of ${body.decision_date} is about a unit of the ${structure.name_en} structure, which ended with ${structure.validTo}`, { parameter: 'effective_period' });
  }
  return ctx.eras.unitsOf(structure.code);
}

const scopeOut = (unit: Unit) => ({ level: unit.level === 'district' ? ('district' as const) : ('province' as const), code: unit.code, name: unit.name });

/** Registers the recognition routes (list, at risk, record, revoke) on the workspace app. */
export function recognitionAdminRoutes(ctx: ApiContext, app: OpenAPIHono<AuthEnv>): void {
  app.openapi(listRoute, (c) => {
    const q = c.req.valid('query');
    const { period, era } = resolvePeriodAndEra(ctx, q.period);
    const units = ctx.eras.unitsOf(era.structure.code);
    const { scope, sees } = readableScope(ctx, currentUser(c), q, units);
    const districts = scope.level === 'district' ? [scope.unit] : units.children(scope.unit.code).filter((u) => u.level === 'district');
    const all = [...districts, ...units.ruralCommunes(scope.unit.code).map((code) => units.byCode.get(code)!)].filter(sees);
    const recognitions = all.flatMap((u) => ctx.standings.recognitionsOf(era.structure.code, u.code).filter((r) => r.unitLevel === (u.level === 'district' ? 'district' : 'commune')).map((r) => recognitionOut(units, r, period)));
    const counts = { recognitions: recognitions.length, in_force: 0, revoked: 0, official: 0, illustrative: 0 };
    for (const r of recognitions) {
      if (r.in_force) counts.in_force++;
      if (r.revoked_date) counts.revoked++;
      counts[r.provenance]++;
    }
    return c.json({ structure: era.structure.code, scope: scopeOut(scope.unit), period, levels: [...era.set.levels], note: era.hasDistricts ? null : MERGER_NOTE, counts, recognitions }, 200);
  });

  app.openapi(atRiskRoute, async (c) => {
    const q = c.req.valid('query');
    const { period, era } = resolvePeriodAndEra(ctx, q.period);
    const set = era.set;
    const units = ctx.eras.unitsOf(era.structure.code);
    const { scope, sees } = readableScope(ctx, currentUser(c), q, units);
    const codes = units.ruralCommunes(scope.unit.code).filter((code) => sees(units.byCode.get(code)!));
    const criteria = new Map(set.criteria.map((cr) => [cr.number, cr]));
    const communes = (await atRiskCommunes(ctx, codes, period, set)).map((a) => {
      const unit = units.byCode.get(a.code)!;
      const district = unit.district ? units.byCode.get(unit.district) : undefined;
      return {
        code: a.code,
        name: unit.name,
        district: district ? { code: district.code, name: district.name } : null,
        level: a.level,
        recognition: { id: a.recognition.id, decision: a.recognition.decision, decision_date: a.recognition.decisionDate, effective_period: a.recognition.effectivePeriod, provenance: a.recognition.provenance },
        met: a.met,
        criteria_total: set.criteria_count,
        review_period: a.review_period,
        review_provenance: a.review_provenance,
        criteria: a.criteria.map((f) => {
          const cr = criteria.get(f.number)!;
          return { number: f.number, code: cr.code, name_vi: cr.name_vi, name_en: cr.name_en, failing_since: f.failing_since };
        }),
      };
    });
    const note = era.hasDistricts
      ? null
      : `Only recognitions made under the ${set.code} criteria set (${set.decision ?? set.name_en}) are judged against its criteria here: no rule this project could read says whether a commune recognised under an earlier set must qualify again. ${MERGER_NOTE}`;
    return c.json({ structure: era.structure.code, scope: scopeOut(scope.unit), period, criteria_set: set.code, rule: REVOCATION_RULE, note, communes }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const user = currentUser(c);
    const body = c.req.valid('json');
    assertRole(user, RECORDERS, 'record recognitions or revocations (the province decides them)');
    const units = unitsOfDecision(ctx, body);
    const unit = recordableUnit(units, user, body.unit, body.decision_date.slice(0, 7));
    const row = await createRecognition(ctx.ndb.db, actorOf(user), unit, body);
    await ctx.dataChanged({ recognitions: true });
    return c.json(recognitionOut(units, row, ctx.periods.latest()), 201);
  });

  app.openapi(revokeRoute, async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.valid('param').id);
    const body = c.req.valid('json');
    const unitsOfRow = (r: RecognitionRow) => ctx.eras.unitsOf(r.structure as UnitStructure);
    const row = await revokeRecognition(ctx.ndb.db, actorOf(user), id, body, (r) => void recordableUnit(unitsOfRow(r), user, r.unit_code, (r.decision_date ?? body.date).slice(0, 7)));
    await ctx.dataChanged({ recognitions: true });
    return c.json(recognitionOut(unitsOfRow(row), row, ctx.periods.latest()), 200);
  });
}
