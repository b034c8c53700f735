/** @module The official figures published for a scope (national_counts.csv: communes recognised at each level,
 * khu vực counts of QĐ 60/QĐ-BDTTG …), each beside the map's own figure at the same month, so that a reader sees
 * how the (illustrative) map compares with what was officially reported, and from which source. */
import type { ApiContext } from '../context/context.ts';
import type { Scope } from '../scope/scope.ts';
import type { Era } from '../era/era.ts';
import type { Period } from '../period/period.ts';
import { tallyOf } from './tally.ts';
import type { OfficialFigure } from './schemas.ts';

/** What the map counts for a metric, from the statuses of a month. */
const LEVEL_METRICS: Record<string, (levels: Record<string, number>) => number> = {
  communes_ntm: (l) => (l.dat_chuan ?? 0) + (l.nang_cao ?? 0) + (l.kieu_mau ?? 0) + (l.hien_dai ?? 0),
  communes_nang_cao: (l) => (l.nang_cao ?? 0) + (l.kieu_mau ?? 0),
  communes_kieu_mau: (l) => l.kieu_mau ?? 0,
};
const KHU_VUC: Record<string, string> = { communes_khu_vuc_i: 'I', communes_khu_vuc_ii: 'II', communes_khu_vuc_iii: 'III' };

/** Official figures for the scope (the country, or a province of the era's structure) published at or before `period`. */
export async function officialFigures(ctx: Pick<ApiContext, 'eras' | 'ndb' | 'periods' | 'status'>, era: Era, scope: Scope, period: Period): Promise<OfficialFigure[]> {
  if (scope.level !== 'country' && scope.level !== 'province') return [];
  const rows = await ctx.ndb.db
    .selectFrom('official_count')
    .selectAll()
    .where('structure', '=', era.structure.code)
    .where('scope', '=', scope.level === 'country' ? 'national' : 'province')
    .where('code', '=', scope.level === 'country' ? 'VN' : scope.code)
    .where('as_of', '<=', period)
    .orderBy('as_of')
    .orderBy('id')
    .execute();
  const out: OfficialFigure[] = [];
  for (const r of rows) {
    const ntmDenominator = rows.find((o) => o.as_of === r.as_of && o.metric === 'communes_ntm')?.denominator ?? null;
    const denominator = r.denominator ?? (LEVEL_METRICS[r.metric] && r.metric !== 'communes_ntm' ? ntmDenominator : null);
    out.push({
      metric: r.metric,
      as_of: r.as_of,
      value: r.value,
      value_text: r.value_text,
      denominator: r.denominator,
      share: r.value !== null && denominator ? round(r.value / denominator) : null,
      source_url: r.source_url,
      verified: r.verified,
      note: r.note,
      map: await mapFigure(ctx, era, scope, r.metric, r.as_of),
    });
  }
  return out;
}

async function mapFigure(ctx: Pick<ApiContext, 'eras' | 'ndb' | 'periods' | 'status'>, era: Era, scope: Scope, metric: string, asOf: Period): Promise<OfficialFigure['map']> {
  if (!ctx.periods.has(asOf) || ctx.eras.at(asOf).structure.code !== era.structure.code) return null;
  const tally = tallyOf(era.units, await ctx.status.at(asOf), asOf, scope.code);
  const level = LEVEL_METRICS[metric];
  if (level) {
    const value = level(tally.levels);
    return { period: asOf, value, denominator: tally.communes, share: tally.communes ? round(value / tally.communes) : null };
  }
  if (metric === 'mean_criteria_met') return { period: asOf, value: tally.communes ? round(tally.metSum / tally.communes, 2) : 0, denominator: tally.communes, share: null };
  const kv = KHU_VUC[metric];
  if (kv) {
    const codes = new Set(era.units.ruralCommunes(scope.code, asOf));
    const rows = await ctx.ndb.db
      .selectFrom('commune_classification')
      .select(['commune_code', 'provenance'])
      .where('structure', '=', era.structure.code)
      .where('kind', '=', 'khu_vuc')
      .where('value', '=', kv)
      .where('period_from', '<=', asOf)
      .where((eb) => eb.or([eb('period_to', 'is', null), eb('period_to', '>=', asOf)]))
      .execute();
    const value = new Set(rows.filter((r) => codes.has(r.commune_code)).map((r) => r.commune_code)).size;
    return { period: asOf, value, denominator: codes.size, share: codes.size ? round(value / codes.size) : null };
  }
  return null;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
