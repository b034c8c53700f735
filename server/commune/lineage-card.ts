/** @module What a commune was and became, as its card shows it: a new commune's predecessors, each with its
 * last status of the structure before (criteria met, level, recognitions at that structure's last month), and
 * an old commune's successor(s) with the date it became part of them. No status is carried across: whether a
 * merged commune keeps its predecessors' recognition is not established by any rule found, so the card shows
 * the predecessors' records and infers nothing. */
import type { ApiContext } from '../context/context.ts';
import type { Era } from '../era/era.ts';
import { recognitionJson } from '../recognition/recognition-json.ts';
import type { Unit } from '../unit/unit-store.ts';
import type { CommuneCard } from './schema.ts';

/** The note under a card's lineage: where the crosswalk comes from and what "partial" means. */
export const LINEAGE_NOTE =
  'Lineage from the July-2025 reform (crosswalk of the 34 resolutions, with corrections; "partial": only part of the old commune went in). ' +
  'No national rule was found on whether a merged commune keeps its predecessors\' recognition: the predecessors\' own records are shown and nothing is inferred from them.';

/** The card's `predecessors` and `successors`. */
export async function lineageOnCard(ctx: Pick<ApiContext, 'catalogue' | 'eras' | 'lineage' | 'standings' | 'status'>, era: Era, unit: Unit): Promise<Pick<CommuneCard, 'predecessors' | 'successors'>> {
  const structure = era.structure.code;
  const predecessors: CommuneCard['predecessors'] = [];
  for (const link of ctx.lineage.predecessors(structure, unit.code)) {
    const before = ctx.eras.structure(link.oldStructure);
    const units = ctx.eras.unitsOf(link.oldStructure);
    const old = units.byCode.get(link.oldCode);
    if (!old) continue;
    const last = before.validTo;
    const status = last && old.rural ? (await ctx.status.at(last)).get(old.code) : undefined;
    const district = old.district ? units.byCode.get(old.district) : undefined;
    const province = units.byCode.get(old.province);
    predecessors.push({
      structure: link.oldStructure,
      code: old.code,
      name: old.name,
      type: old.type,
      district: district ? { code: district.code, name: district.name, type: district.type } : null,
      province: province ? { code: province.code, name: province.name, type: province.type } : null,
      link: link.link,
      source: link.source,
      last_period: last,
      last_status: status ? { met: status.met, total: ctx.catalogue.setFor(last!)?.criteria_count ?? null, level: status.level, provenance: status.provenance, as_of: status.asOf } : null,
      recognitions: ctx.standings.recognitionsOf(link.oldStructure, old.code).filter((r) => r.unitLevel === 'commune').map((r) => recognitionJson(r, last)),
    });
  }
  const successors: CommuneCard['successors'] = [];
  for (const link of ctx.lineage.successors(structure, unit.code)) {
    const after = ctx.eras.structure(link.newStructure);
    const units = ctx.eras.unitsOf(link.newStructure);
    const next = units.byCode.get(link.newCode);
    if (!next) continue;
    const province = units.byCode.get(next.province);
    successors.push({
      structure: link.newStructure,
      code: next.code,
      name: next.name,
      type: next.type,
      province: province ? { code: province.code, name: province.name, type: province.type } : null,
      link: link.link,
      source: link.source,
      since: after.inForceDate,
      first_period: after.validFrom,
    });
  }
  return { predecessors, successors };
}
