// A link to the map or the widget read against what this server knows: the parameters parsed exactly as
// the browser parses them (client/embed/params.ts), then unknown provinces, districts, communes and periods
// dropped, so that the share card, the oEmbed answer and the widget all show the view the page will draw.
import { embedParamsFromSearch, type EmbedParams } from '../../client/embed/params.ts';
import type { ApiContext } from '../api/context.ts';
import type { Period } from '../period/period.ts';
import type { Unit } from '../unit/unit-store.ts';

export interface ResolvedView {
  params: EmbedParams;
  /** The period shown: the one asked for when it has data, else the latest (null: no data at all). */
  period: Period | null;
  province: Unit | null;
  district: Unit | null;
  commune: Unit | null;
}

function unitOf(ctx: ApiContext, code: string | null, level: Unit['level']): Unit | null {
  const unit = code ? ctx.units.byCode.get(code) : undefined;
  return unit?.level === level ? unit : null;
}

export function resolveView(ctx: ApiContext, search: string): ResolvedView {
  const params = embedParamsFromSearch(search);
  const m = params.map;
  let province = unitOf(ctx, m.province, 'province');
  let district = unitOf(ctx, m.district, 'district');
  const commune = unitOf(ctx, m.commune, 'commune');
  // A commune alone is shown in its district (its figures beside its neighbours', not the whole country's).
  if (commune && !province && !district) {
    district = unitOf(ctx, commune.district, 'district');
    province = unitOf(ctx, commune.province, 'province');
  }
  // A district names its province: a district of another province wins over the province given with it.
  if (district && province?.code !== district.province) province = unitOf(ctx, district.province, 'province');
  const period = m.period && ctx.periods.has(m.period) ? m.period : ctx.periods.latest();
  params.map = {
    ...m,
    province: province?.code ?? null,
    district: district?.code ?? null,
    commune: commune?.code ?? null,
    period: m.period && ctx.periods.has(m.period) ? m.period : null,
  };
  return { params, period, province, district, commune };
}
