// Workspace routes of recognitions: record a recognition decision (commune or district) and its revocation,
// list the recognitions of a province or district, and the recognised communes now failing a criterion
// (revocation risk, Quyết định 18/2022/QĐ-TTg). Admin and province officers record within their scope; a
// district officer records the (provincial) decisions about communes of their district; commune officers
// read only. Every write is audited and shows on the public map at once.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../api/context.ts';
import { DistrictParam, PeriodParam, ProvinceParam } from '../api/schemas.ts';
import { resolvePeriodAndSet, resolvePeriod } from '../api/scope.ts';
import { actorOf } from '../audit/audit.ts';
import { type AuthEnv, currentUser } from '../auth/middleware.ts';
import { SESSION_SECURITY, WRITE_SECURITY, workspaceErrors } from '../auth/schemas.ts';
import { writableUnit } from '../auth/scope.ts';
import type { SessionUser } from '../auth/session.ts';
import { assertRole, readableScope, roleGuard } from '../auth/workspace-scope.ts';
import { ErrorSchema } from '../api/schemas.ts';
import { ApiError } from '../http/errors.ts';
import type { Unit } from '../unit/unit-store.ts';
import { atRiskCommunes, REVOCATION_RULE } from './at-risk.ts';
import { RecordIdParam } from './fields.ts';
import { createRecognition, recognitionOut, revokeRecognition } from './recognition-store.ts';
import { AtRiskSchema, RecognitionBody, RecognitionListSchema, RecognitionOutSchema, RevocationBody } from './schemas.ts';
import { WORKSPACE_STRUCTURE } from '../era/workspace-structure.ts';

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

/** The commune or district a user may record a recognition (or revocation) for. */
function recordableUnit(ctx: ApiContext, user: SessionUser, code: string): Unit {
  assertRole(user, RECORDERS, 'record recognitions or revocations (the province decides them)');
  const unit = writableUnit(ctx.units, user, code);
  if (unit.level === 'province' || (unit.level === 'commune' && !unit.rural)) {
    throw new ApiError(400, 'invalid_parameter', `Parameter 'unit' (json): ${unit.name} (${code}) is not a rural commune (xã) or a district: NTM recognitions are of those`, { parameter: 'unit' });
  }
  if (user.role === 'district' && unit.level !== 'commune') throw new ApiError(403, 'forbidden', `A district officer records recognitions of communes only, not of ${unit.name}`);
  return unit;
}

const scopeOut = (unit: Unit) => ({ level: unit.level === 'district' ? ('district' as const) : ('province' as const), code: unit.code, name: unit.name });

export function recognitionAdminRoutes(ctx: ApiContext, app: OpenAPIHono<AuthEnv>): void {
  app.openapi(listRoute, (c) => {
    const q = c.req.valid('query');
    const { scope, sees } = readableScope(ctx, currentUser(c), q);
    const period = resolvePeriod(ctx, q.period);
    const districts = scope.level === 'district' ? [scope.unit] : ctx.units.children(scope.unit.code).filter((u) => u.level === 'district');
    const units = [...districts, ...ctx.units.ruralCommunes(scope.unit.code).map((code) => ctx.units.byCode.get(code)!)].filter(sees);
    const recognitions = units.flatMap((u) => ctx.standings.recognitionsOf(WORKSPACE_STRUCTURE, u.code).filter((r) => r.unitLevel === (u.level === 'district' ? 'district' : 'commune')).map((r) => recognitionOut(ctx.units, r, period)));
    const counts = { recognitions: recognitions.length, in_force: 0, revoked: 0, official: 0, illustrative: 0 };
    for (const r of recognitions) {
      if (r.in_force) counts.in_force++;
      if (r.revoked_date) counts.revoked++;
      counts[r.provenance]++;
    }
    return c.json({ scope: scopeOut(scope.unit), period, counts, recognitions }, 200);
  });

  app.openapi(atRiskRoute, async (c) => {
    const q = c.req.valid('query');
    const { scope, sees } = readableScope(ctx, currentUser(c), q);
    const { period, set } = resolvePeriodAndSet(ctx, q.period);
    const codes = ctx.units.ruralCommunes(scope.unit.code).filter((code) => sees(ctx.units.byCode.get(code)!));
    const criteria = new Map(set.criteria.map((cr) => [cr.number, cr]));
    const communes = (await atRiskCommunes(ctx, codes, period, set)).map((a) => {
      const unit = ctx.units.byCode.get(a.code)!;
      const district = unit.district ? ctx.units.byCode.get(unit.district) : undefined;
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
    return c.json({ scope: scopeOut(scope.unit), period, criteria_set: set.code, rule: REVOCATION_RULE, communes }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const user = currentUser(c);
    const body = c.req.valid('json');
    const unit = recordableUnit(ctx, user, body.unit);
    const row = await createRecognition(ctx.ndb.db, actorOf(user), unit, body);
    await ctx.dataChanged({ recognitions: true });
    return c.json(recognitionOut(ctx.units, row, ctx.periods.latest()), 201);
  });

  app.openapi(revokeRoute, async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.valid('param').id);
    const body = c.req.valid('json');
    const row = await revokeRecognition(ctx.ndb.db, actorOf(user), id, body, (r) => void recordableUnit(ctx, user, r.unit_code));
    await ctx.dataChanged({ recognitions: true });
    return c.json(recognitionOut(ctx.units, row, ctx.periods.latest()), 200);
  });
}
