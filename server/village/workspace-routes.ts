/** @module Workspace routes GET|PUT /admin/villages/{commune}: a commune's villages (thôn) and how many are NTM and
 * model villages, with the village targets that apply to it. Any role may write the communes of its scope;
 * each change is audited (`village.update`) and shows on the public commune card. The commune is one of
 * today's units unless `period` names a month of an earlier structure (a correction of history). */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { actorOf, appendAudit } from '../audit/audit.ts';
import { type AuthEnv, currentUser } from '../auth/middleware.ts';
import { SESSION_SECURITY, WRITE_SECURITY, workspaceErrors } from '../auth/schemas.ts';
import { writableUnit } from '../auth/scope.ts';
import type { SessionUser } from '../auth/session.ts';
import { ApiError } from '../http/errors.ts';
import type { Unit } from '../unit/unit-store.ts';
import { VillageCountsBody, VillageCountsSchema } from './schema.ts';
import { judge, villageRequirement, villageTargetsFor } from './targets.ts';
import { saveVillageCount, sameCounts, sharesOf, villageCountOf, type VillageCountRow } from './village-store.ts';
import { PeriodParam } from '../http/schemas.ts';
import { currentStructure } from '../classification/classification.ts';
import { writeEraOf } from '../era/write-era.ts';
import type { UnitStructure } from '../db/schema.ts';

const CommuneParam = z
  .string()
  .regex(/^\d{5}$/, 'expected a 5-digit GSO commune code, e.g. 23362')
  .openapi({ param: { name: 'commune', in: 'path' }, example: '23362', description: 'GSO code of a rural commune (xã)' });

const json = { 'application/json': { schema: VillageCountsSchema } };

const StructureQuery = z.object({
  period: PeriodParam.optional().openapi({ description: "A month whose unit structure the commune code is read in (default: today's units)" }),
});

/** The structure a request's commune code is meant in: the period's, else today's. */
const structureOf = (ctx: ApiContext, period: string | undefined): UnitStructure => (period ? writeEraOf(ctx, period).structure : currentStructure(ctx)).code;

const getRoute = createRoute({
  method: 'get',
  path: '/admin/villages/{commune}',
  tags: ['Workspace'],
  summary: "A commune's village counts (thôn, NTM and model villages) and the village targets",
  security: SESSION_SECURITY,
  request: { params: z.object({ commune: CommuneParam }), query: StructureQuery },
  responses: { 200: { description: 'The counts (null when never entered) and the targets', content: json }, ...workspaceErrors },
});

const putRoute = createRoute({
  method: 'put',
  path: '/admin/villages/{commune}',
  tags: ['Workspace'],
  summary: "Enter a commune's village counts",
  description:
    'Integers with model_villages ≤ ntm_villages ≤ villages: a model village (thôn kiểu mẫu) is an NTM village that meets the model-village ' +
    'criteria besides. Audited as `village.update` (nothing is written or audited when the counts are unchanged); the public commune card shows them.',
  security: WRITE_SECURITY,
  request: { params: z.object({ commune: CommuneParam }), query: StructureQuery, body: { content: { 'application/json': { schema: VillageCountsBody } }, required: true } },
  responses: { 200: { description: 'The counts as stored and the targets', content: json }, ...workspaceErrors },
});

/** A rural commune of the user's scope (404 unknown, 403 outside the scope, 400 not a rural commune). */
function communeFor(ctx: ApiContext, user: SessionUser, code: string, structure: UnitStructure): Unit {
  const unit = writableUnit(ctx.eras.unitsOf(structure), user, code);
  if (unit.level !== 'commune' || !unit.rural) {
    throw new ApiError(400, 'invalid_parameter', `Parameter 'commune' (path): ${unit.name} (${code}) is not a rural commune (xã): NTM village counts apply to xã only`, { parameter: 'commune' });
  }
  return unit;
}

async function answer(ctx: ApiContext, unit: Unit, row: VillageCountRow | null, changed?: boolean): Promise<z.infer<typeof VillageCountsSchema>> {
  const targets = await villageTargetsFor(ctx.ndb.db, unit);
  const latest = ctx.periods.latest();
  // The standing at the latest month of the commune's own structure (an old commune: its last month).
  const last = ctx.eras.structure(unit.structure).validTo;
  const month = latest && last && last < latest ? last : latest;
  const standing = month ? ctx.standings.at(unit.structure, unit.code, month) : null;
  const situation = { recognised: standing !== null && standing.level !== 'chua_dat', special: standing?.special ?? false };
  return {
    structure: unit.structure,
    commune: { code: unit.code, name: unit.name, district: unit.district, province: unit.province },
    counts: row
      ? { villages: row.villages, ntm_villages: row.ntm_villages, model_villages: row.model_villages, ...sharesOf(row), provenance: 'official', updated_by: row.updated_by, updated_at: row.updated_at }
      : null,
    ...(changed === undefined ? {} : { changed }),
    targets: targets.map((t) => {
      const requirement = villageRequirement(t);
      return {
        id: t.id,
        scope: t.scope,
        scope_code: t.scope_code,
        metric: t.metric,
        value: t.value,
        deadline: t.deadline,
        source: t.source,
        source_url: t.source_url,
        note: t.note,
        requirement,
        ...judge(requirement, row, situation),
      };
    }),
  };
}

/** Registers GET and PUT /admin/villages/{commune} on the workspace app. */
export function villageRoutes(ctx: ApiContext, app: OpenAPIHono<AuthEnv>): void {
  app.openapi(getRoute, async (c) => {
    const unit = communeFor(ctx, currentUser(c), c.req.valid('param').commune, structureOf(ctx, c.req.valid('query').period));
    return c.json(await answer(ctx, unit, await villageCountOf(ctx.ndb.db, unit.structure, unit.code)), 200);
  });

  app.openapi(putRoute, async (c) => {
    const user = currentUser(c);
    const unit = communeFor(ctx, user, c.req.valid('param').commune, structureOf(ctx, c.req.valid('query').period));
    const counts = c.req.valid('json');
    const result = await ctx.ndb.db.transaction().execute(async (trx) => {
      const before = await villageCountOf(trx, unit.structure, unit.code);
      if (sameCounts(before, counts)) return { row: before!, changed: false };
      const saved = await saveVillageCount(trx, unit.structure, unit.code, counts, user.email, new Date().toISOString());
      await appendAudit(trx, actorOf(user), { action: 'village.update', unit: unit.code, entity: 'village_count', entityId: unit.code, before: saved.before, after: saved.after });
      return { row: saved.after, changed: true };
    });
    if (result.changed) await ctx.dataChanged();
    return c.json(await answer(ctx, unit, result.row, result.changed), 200);
  });
}
