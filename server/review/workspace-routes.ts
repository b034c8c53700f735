/** @module Workspace routes of the monthly review: GET|PUT /admin/reviews/{commune}/{period} (the form of a
 * commune's month, and saving it with optimistic concurrency) and GET /admin/reviews (a district's or
 * province's communes with the month's review done or missing, and the deadline). Reads are scope-checked
 * like writes: an official sees only the communes of their unit. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ApiContext } from '../context/context.ts';
import { DistrictParam, PeriodParam, ProvinceParam } from '../http/schemas.ts';
import { type AuthEnv, currentUser } from '../auth/middleware.ts';
import { inScope, otherStructureReason, writableUnit } from '../auth/scope.ts';
import { SESSION_SECURITY, WRITE_SECURITY, workspaceErrors } from '../auth/schemas.ts';
import type { SessionUser } from '../auth/session.ts';
import { ApiError } from '../http/errors.ts';
import type { Unit, UnitStore } from '../unit/unit-store.ts';
import { resolveScope as resolveIn, unknownUnit } from '../scope/scope.ts';
import { defaultReviewMonth, FAR_FUTURE, reviewableEra } from './calendar.ts';
import { reviewForm } from './form.ts';
import { reviewList } from './list.ts';
import { saveReview } from './save.ts';
import { CommuneParam, ConflictSchema, ReviewFormSchema, ReviewListSchema, ReviewPeriodParam, SaveReviewSchema } from './schemas.ts';

const params = z.object({ commune: CommuneParam, period: ReviewPeriodParam });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const getRoute = createRoute({
  method: 'get',
  path: '/admin/reviews/{commune}/{period}',
  tags: ['Workspace'],
  summary: "A commune's monthly review form",
  description:
    'Every criterion of the set that applies at the period, by group, met or not, with indicators and notes; the version (also the ETag) to send back on save; ' +
    'who saved it and when. A month without a review is pre-filled from the latest earlier review (`prefilled_from`). `changes`: criteria gained and lost versus the previous review.',
  security: SESSION_SECURITY,
  request: { params },
  responses: { 200: json(ReviewFormSchema, 'The review form'), ...workspaceErrors },
});

const putRoute = createRoute({
  method: 'put',
  path: '/admin/reviews/{commune}/{period}',
  tags: ['Workspace'],
  summary: "Save a commune's monthly review",
  description:
    'Every criterion of the set exactly once. When the month already has a review, send the version you read (`version`, or the ETag in If-Match): ' +
    'a different version gets 409 with the current one. The saved review is official and names who saved it. ' +
    "Each criterion's note is the one sent (absent or empty: none); indicator values and the review's `note` keep their stored value unless sent (null clears an indicator, \"\" the note).",
  security: WRITE_SECURITY,
  request: {
    params,
    headers: z.object({ 'if-match': z.string().max(100).optional().openapi({ description: 'The ETag of the review read (instead of `version`)', example: '"v1"' }) }),
    body: { content: { 'application/json': { schema: SaveReviewSchema } }, required: true },
  },
  responses: { 200: json(ReviewFormSchema, 'Saved: the review as stored now'), ...workspaceErrors, 409: json(ConflictSchema, 'Someone saved the review since you read it: details give the current version') },
});

const listRoute = createRoute({
  method: 'get',
  path: '/admin/reviews',
  tags: ['Workspace'],
  summary: 'Monthly reviews done and missing, with the deadline',
  description:
    "The rural communes of a district (or province) with the month's official review done (by whom, when) or missing, and the reporting deadline (before the 20th of the month). " +
    "Default scope: the official's own unit; default period: the current month (or the last month a criteria set covers).",
  security: SESSION_SECURITY,
  request: { query: z.object({ district: DistrictParam.optional(), province: ProvinceParam.optional(), period: PeriodParam.optional() }) },
  responses: { 200: json(ReviewListSchema, 'The review list'), ...workspaceErrors },
});

/** The commune, read among the units of the month's structure, when it exists (404 naming what the code means
 * in the other structure), is in the user's scope (403, saying when the scope is of another structure) and is
 * a rural commune (400). */
function reviewableCommune(ctx: ApiContext, units: UnitStore, user: SessionUser, code: string): Unit {
  if (units.byCode.get(code)?.level !== 'commune') throw unknownUnit(ctx, units, 'commune', code);
  const unit = writableUnit(units, user, code);
  if (unit.level !== 'commune' || !unit.rural) {
    throw new ApiError(400, 'invalid_parameter', `Parameter 'commune' (path): ${unit.name} (${code}) is not a rural commune (xã): the NTM criteria apply to xã only`, { parameter: 'commune' });
  }
  return unit;
}

/** The form's ETag: "v<version>", or "v0" while the month has no review (If-Match "v0": save only if still none). */
const etag = (version: number | null) => `"v${version ?? 0}"`;

/** The version an If-Match header names ("v3", W/"v3" or 3); 400 when it names none. */
function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?v?(\d{1,9})"?\s*$/.exec(header);
  if (!m) throw new ApiError(400, 'invalid_parameter', `Header 'If-Match': expected the review's ETag, e.g. "v3"`, { parameter: 'If-Match' });
  return Number(m[1]);
}

function withEtag(c: Context, version: number | null): void {
  c.header('ETag', etag(version));
}

/** 403 for a listing outside the user's scope, saying when the scope is of another structure. */
function forbidden(user: SessionUser, unit: Unit, what: string): ApiError {
  if (user.role !== 'admin' && user.structure !== unit.structure) return new ApiError(403, 'forbidden', otherStructureReason(user, unit), { reason: 'other_structure', structure: unit.structure, your_structure: user.structure });
  return new ApiError(403, 'forbidden', `Your role (${user.role}${user.unit ? ` of ${user.unit}` : ''}) cannot see ${what}`);
}

/** Registers the review routes (list, form, save) on the workspace app. */
export function reviewAdminRoutes(ctx: ApiContext, app: OpenAPIHono<AuthEnv>): void {
  app.openapi(getRoute, async (c) => {
    const user = currentUser(c);
    const { commune, period } = c.req.valid('param');
    const era = reviewableEra(ctx, period);
    const unit = reviewableCommune(ctx, era.units, user, commune);
    const form = await reviewForm(ctx, unit, period, era.set);
    withEtag(c, form.version);
    return c.json(form, 200);
  });

  app.openapi(putRoute, async (c) => {
    const user = currentUser(c);
    const { commune, period } = c.req.valid('param');
    const body = c.req.valid('json');
    const era = reviewableEra(ctx, period);
    const unit = reviewableCommune(ctx, era.units, user, commune);
    const set = era.set;
    const header = ifMatchVersion(c.req.header('If-Match'));
    if (header !== undefined && body.version !== undefined && header !== body.version) {
      throw new ApiError(400, 'invalid_parameter', `Parameter 'version' (json): ${body.version} differs from the If-Match header (${header}): send one`, { parameter: 'version' });
    }
    await saveReview(ctx, user, unit, period, set, body, body.version ?? header);
    const form = await reviewForm(ctx, unit, period, set);
    withEtag(c, form.version);
    return c.json(form, 200);
  });

  app.openapi(listRoute, async (c) => {
    const user = currentUser(c);
    const q = c.req.valid('query');
    // The month first: its era says which units the scope's codes are read in.
    const period = q.period ?? defaultReviewMonth(ctx, new Date(), user.structure);
    const era = reviewableEra(ctx, period, 'period', FAR_FUTURE);
    const units = era.units;
    if (q.district || q.province) {
      const scope = resolveIn(ctx, q, units);
      if (scope.level === 'former_district') {
        // A former district (pre-2025 code) read in today's units: its communes, those the user may see.
        const communes = units.communesOfFormerDistrict(scope.code).filter((u) => inScope(user, u));
        if (!communes.length) throw forbidden(user, units.communesOfFormerDistrict(scope.code)[0] ?? scope.unit!, `the reviews of the former district ${scope.unit!.name} (${scope.code})`);
        return c.json(await reviewList(ctx, units, { level: 'district', code: scope.code, name: scope.unit!.name }, period, communes.map((u) => u.code)), 200);
      }
      const unit = scope.unit!;
      if (!inScope(user, unit)) throw forbidden(user, unit, `the reviews of ${unit.name} (${unit.code})`);
      return c.json(await reviewList(ctx, units, unit, period), 200);
    }
    const own = user.unit ? units.byCode.get(user.unit) : undefined;
    if (user.role !== 'admin' && user.structure !== units.structure) {
      throw new ApiError(403, 'forbidden', `${period} is a month of ${units.structure === 'pre2025' ? 'the pre-2025 units' : `today's units (since ${units.structure})`}. ${otherStructureReason(user, { structure: units.structure, name: `your ${user.role} ${user.unit ?? ''}`.trim(), code: user.unit ?? '' })}`, { reason: 'other_structure', structure: units.structure, your_structure: user.structure });
    }
    if (!own) throw new ApiError(400, 'invalid_parameter', "Parameter 'district' (query): give district= or province= (your role covers the whole country)", { parameter: 'district' });
    return c.json(await reviewList(ctx, units, own, period), 200);
  });
}
