/** @module A link to the map or the widget read against what this server knows: the parameters parsed exactly as
 * the browser parses them (client/embed/params.ts), the codes read in the structure the link means
 * (docs/eras.md, "Links": `units=`, else the period's, else — a link naming a unit without either — the
 * pre-2025 units), a unit of another structure than the period's shown as what it became (or came from) with
 * a notice, and unknown provinces, districts, communes and periods dropped, so that the share card, the
 * oEmbed answer and the widget all show the view the page will draw, never another unit in silence. */
import { embedParamsFromSearch, type EmbedParams } from '../../client/embed/params.ts';
import type { ApiContext } from '../context/context.ts';
import { relatives } from '../scope/scope.ts';
import type { UnitStructure } from '../db/schema.ts';
import type { Era } from '../era/era.ts';
import type { Period } from '../period/period.ts';
import type { Unit, UnitStore } from '../unit/unit-store.ts';

/** A unit the link named in another structure, and what it is in the period's: for the notice. */
export interface MovedView {
  from: { code: string; name: string };
  to: Array<{ code: string; name: string }>;
  /** true: an old unit after the reform; false: a new one before it. */
  forward: boolean;
}

/** A link's view as this server reads it: the era, the unit and period it shows, and any notice about a unit of the
 * other structure. */
export interface ResolvedView {
  params: EmbedParams;
  /** The period shown: the one asked for when it has data, else the latest (null: no data at all). */
  period: Period | null;
  /** The era of that period (null: no data). */
  era: Era | null;
  province: Unit | null;
  /** A district; from 2025-07 a former district (a unit of the pre-2025 structure). */
  district: Unit | null;
  commune: Unit | null;
  moved: MovedView | null;
}

function unitOf(units: UnitStore, code: string | null, level: Unit['level']): Unit | null {
  const unit = code ? units.byCode.get(code) : undefined;
  return unit?.level === level ? unit : null;
}

/** Reads a link's query as the page would, against the units and periods this server knows. */
export function resolveView(ctx: Pick<ApiContext, 'eras' | 'lineage' | 'periods' | 'units'>, search: string): ResolvedView {
  const params = embedParamsFromSearch(search);
  const m = params.map;
  const period = m.period && ctx.periods.has(m.period) ? m.period : ctx.periods.latest();
  let era: Era | null = null;
  try {
    era = period ? ctx.eras.at(period) : null;
  } catch {
    era = null;
  }
  const shown = era?.units ?? ctx.units;
  const structures = ctx.eras.structures;
  const named = m.province || m.district || m.commune;
  // The structure the codes are meant in.
  const meant: UnitStructure =
    m.units && structures.some((s) => s.code === m.units) ? m.units : m.period || !named || structures.length < 2 ? shown.structure : structures[0]!.code;
  const asked = meant === shown.structure ? shown : ctx.eras.unitsOf(meant);
  let province = unitOf(asked, m.province, 'province');
  let district = unitOf(asked, m.district, 'district');
  let commune = unitOf(asked, m.commune, 'commune');
  // A commune alone is shown in its district (its figures beside its neighbours', not the whole country's).
  if (commune && !province && !district) {
    district = unitOf(asked, commune.district, 'district');
    province = unitOf(asked, commune.province, 'province');
  }
  // A district names its province: a district of another province wins over the province given with it.
  if (district && province?.code !== district.province) province = unitOf(asked, district.province, 'province');
  let moved: MovedView | null = null;
  if (asked !== shown) {
    const forward = (ctx.eras.structure(meant).validFrom ?? '') < (ctx.eras.structure(shown.structure).validFrom ?? '');
    const across = (unit: Unit) => relatives(ctx, unit, shown);
    const note = (unit: Unit, to: ReturnType<typeof across>) => {
      if (to.length !== 1 || to[0]!.name !== unit.name || to[0]!.code !== unit.code) moved = { from: { code: unit.code, name: unit.name }, to: to.map((u) => ({ code: u.code, name: u.name })), forward };
    };
    if (province) {
      const to = across(province);
      note(province, to);
      province = unitOf(shown, (to.find((u) => u.code === province!.code) ?? to[0])?.code ?? null, 'province');
    }
    if (district) {
      if (shown.structure === '2025-07') {
        // An old district is, after the reform, the former district of the same code (its communes).
        const to = across(district);
        if (to.length) {
          note(district, to);
          province = unitOf(shown, shown.byCode.get(to[0]!.code)?.province ?? null, 'province') ?? province;
        } else district = null;
      } else district = unitOf(shown, district.code, 'district');
    }
    if (commune) {
      const to = across(commune);
      note(commune, to);
      commune = to.length === 1 ? unitOf(shown, to[0]!.code, 'commune') : null;
    }
  }
  params.map = {
    ...m,
    province: province?.code ?? null,
    district: district?.code ?? null,
    commune: commune?.code ?? null,
    period: m.period && ctx.periods.has(m.period) ? m.period : null,
    // The codes now mean the shown structure's units: a link made from this view says so.
    units: !(m.period && ctx.periods.has(m.period)) && (province || district || commune) && structures.length > 1 ? shown.structure : null,
  };
  return { params, period, era, province, district, commune, moved };
}
