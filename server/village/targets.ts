/** @module The village (thôn) targets that apply to a commune — the published targets of its province, district or
 * the country whose metric is about villages — read into what they ask of one commune, and whether the
 * commune's counts meet it. Examples in the data: Lào Cai "≥30% of villages NTM and ≥20% model villages in
 * every commune" (Kế hoạch 104/KH-BCĐ, 15/02/2024); Kon Tum "at least one model village in every NTM commune"
 * (Chương trình hành động 3299/CTr-UBND, 04/10/2022); national "60% of villages NTM in special-difficulty
 * communes" (Nghị quyết 25/2021/QH15: a share over those communes taken together, shown per commune as a guide). */
import type { Kysely, Selectable } from 'kysely';
import type { Database, TargetTable } from '../db/schema.ts';
import type { Unit } from '../unit/unit-store.ts';
import { sharesOf, type VillageCounts } from './village-store.ts';

/** What a village target asks: minimum shares or counts of NTM and model villages, and which communes it applies
 * to. */
export interface VillageRequirement {
  ntm_share_min: number | null;
  model_share_min: number | null;
  model_villages_min: number | null;
  applies_to: 'every_commune' | 'recognised_commune' | 'special_difficulty_commune';
}

const VILLAGE_METRIC = /thon|village/;

/** What a village target asks of one commune, or null when it is not a per-commune requirement. */
export function villageRequirement(t: Pick<Selectable<TargetTable>, 'metric' | 'value' | 'value_num'>): VillageRequirement | null {
  const metric = t.metric.toLowerCase();
  if (!VILLAGE_METRIC.test(metric)) return null;
  const number = (pattern: RegExp) => {
    const m = pattern.exec(t.value);
    return m ? Number(m[1]!.replace(',', '.')) : null;
  };
  if (/model_village_per_ntm_commune|kieu_mau_per_ntm_commune/.test(metric)) {
    return t.value_num === null ? null : { ntm_share_min: null, model_share_min: null, model_villages_min: t.value_num, applies_to: 'recognised_commune' };
  }
  if (/^target_share_thon/.test(metric)) {
    const ntm = number(/(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%\s*(?:(?:of villages|số thôn)\s*)?(?:ntm|nông thôn mới)/i) ?? (/%\s*$/.test(t.value.trim()) ? t.value_num : null);
    const model = number(/(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%\s*(?:(?:of villages|số thôn)\s*)?(?:model|kiểu mẫu)/i);
    if (ntm === null && model === null) return null;
    const appliesTo = /dbkk|special|dac_biet/.test(metric) ? 'special_difficulty_commune' : 'every_commune';
    return { ntm_share_min: ntm, model_share_min: model, model_villages_min: null, applies_to: appliesTo };
  }
  return null;
}

/** Targets (kind `target`) about villages for the commune's country, province, district and the commune. */
export async function villageTargetsFor(db: Kysely<Database>, commune: Unit): Promise<Array<Selectable<TargetTable>>> {
  const rows = await db
    .selectFrom('target')
    .selectAll()
    .where('kind', '=', 'target')
    // The targets of the commune's own structure: the codes below mean other units in another one.
    .where('scope_structure', '=', commune.structure)
    .where((eb) =>
      eb.or([
        eb('scope', '=', 'national'),
        eb.and([eb('scope', '=', 'province'), eb('scope_code', '=', commune.province)]),
        eb.and([eb('scope', '=', 'district'), eb('scope_code', '=', commune.district ?? '')]),
        eb.and([eb('scope', '=', 'commune'), eb('scope_code', '=', commune.code)]),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.filter((r) => VILLAGE_METRIC.test(r.metric.toLowerCase()));
}

/** Whether the requirement applies to the commune, and whether the counts meet it (null: cannot say). */
export function judge(req: VillageRequirement | null, counts: VillageCounts | null, standing: { recognised: boolean; special: boolean }): { applies: boolean; met: boolean | null } {
  if (!req) return { applies: false, met: null };
  const applies = req.applies_to === 'every_commune' || (req.applies_to === 'recognised_commune' ? standing.recognised : standing.special);
  if (!applies || !counts) return { applies, met: null };
  const { ntm_share, model_share } = sharesOf(counts);
  const atLeast = (value: number | null, min: number | null) => min === null || (value ?? 0) >= min;
  return { applies, met: atLeast(ntm_share, req.ntm_share_min) && atLeast(model_share, req.model_share_min) && atLeast(counts.model_villages, req.model_villages_min) };
}
