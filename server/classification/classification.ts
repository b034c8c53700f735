/** @module A commune's group (nhóm 1-3 of 51/2025/QĐ-TTg, which sets its thresholds) and khu vực (I-III of the
 * ethnic-minority and mountainous area, QĐ 60/QĐ-BDTTG; khu vực III are the special-difficulty communes of
 * 2026-2030) at a period, each a record with its provenance: an official record (with its decision) wins over
 * the project's illustrative one. */
import type { ApiContext } from '../api/context.ts';
import type { UnitStructure } from '../db/schema.ts';
import type { Period } from '../period/period.ts';
import type { CommuneCard } from '../commune/schema.ts';

type Classification = NonNullable<CommuneCard['classification']>;

/** The group and khu vực in force at `period` (null parts when none is recorded then). */
export async function classificationOf(ctx: ApiContext, structure: UnitStructure, code: string, period: Period): Promise<Classification | null> {
  const rows = await ctx.ndb.db
    .selectFrom('commune_classification')
    .selectAll()
    .where('structure', '=', structure)
    .where('commune_code', '=', code)
    .where('period_from', '<=', period)
    .where((eb) => eb.or([eb('period_to', 'is', null), eb('period_to', '>=', period)]))
    .orderBy('id')
    .execute();
  if (rows.length === 0) return null;
  const pick = (kind: 'group' | 'khu_vuc') => {
    const ofKind = rows.filter((r) => r.kind === kind);
    const row = ofKind.filter((r) => r.provenance === 'official').at(-1) ?? ofKind.at(-1);
    return row
      ? { value: row.value, decision: row.decision, decision_date: row.decision_date, period_from: row.period_from, period_to: row.period_to, provenance: row.provenance, source_url: row.source_url, note: row.note }
      : null;
  };
  return { group: pick('group'), khu_vuc: pick('khu_vuc') };
}
