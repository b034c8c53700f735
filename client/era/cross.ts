// A chosen area across the reform: when the period moves into another unit structure, the province,
// district or commune chosen in the old one becomes its successor(s) in the new one (or its predecessor(s)
// going back), read from the crosswalk (/api/v1/units/{code}/relatives), never by code — codes collide across
// structures (00004 was Phường Trúc Bạch and is Phường Ba Đình). Returns the new scope and the notice to show.
import type { Relatives } from '../api/answers.ts';
import { apiPath, cachedJson } from '../api/http.ts';
import type { AppState } from '../state/app-state.ts';
import { provinceOfDistrict } from '../controls/units.ts';
import type { MovedUnit } from './notice.ts';

type Scope = Pick<AppState, 'province' | 'district' | 'commune'>;

const relativesOf = (code: string, from: string, to: string) => cachedJson<Relatives>(apiPath(`/api/v1/units/${encodeURIComponent(code)}/relatives`, { from, to }));

/** One crossing: the scope before, the scope it became, and the structures' months. */
export interface Crossing { from: Scope; to: Scope; fromMonth: string; toMonth: string }

const sameScope = (a: Scope, b: Scope) => a.province === b.province && a.district === b.district && a.commune === b.commune;

/**
 * The scope of `fromMonth`'s structure as a scope of `toMonth`'s. `last` is the previous crossing: going back
 * over it with the scope it made, the reader gets back what they had chosen (Kon Tum, not the Quảng Ngãi of
 * old that shares the new province's code).
 */
export async function crossScope(scope: Scope, fromMonth: string, toMonth: string, last: Crossing | null): Promise<{ scope: Scope; moved: MovedUnit | null }> {
  if (last && last.toMonth === fromMonth && last.fromMonth === toMonth && sameScope(last.to, scope)) return { scope: last.from, moved: null };
  const forward = toMonth > fromMonth;
  let province = scope.province;
  let district = scope.district;
  let commune = scope.commune;
  let moved: MovedUnit | null = null;
  const notice = (r: Relatives) => ({ from: r.unit, to: r.relatives, period: toMonth, forward });
  if (scope.province) {
    const r = await relativesOf(scope.province, fromMonth, toMonth);
    // Forward a province went whole into one; back, the one with its code if it is among them (the new
    // province kept a predecessor's code), else the first.
    const one = r.relatives.find((u) => u.code === scope.province) ?? r.relatives[0];
    province = one?.code ?? null;
    if (r.relatives.length !== 1 || r.relatives[0]!.name !== r.unit.name) moved = notice(r);
  }
  if (scope.district) {
    if (forward) {
      // An old district is, after the reform, a former district (khu vực huyện cũ) of the same code: the
      // communes that came from it. The notice names them.
      const r = await relativesOf(scope.district, fromMonth, toMonth).catch(() => null);
      if (r && r.relatives.length) {
        moved = notice(r);
        province = r.relatives[0]!.province;
      } else district = null;
    } else {
      // A former district going back is the district itself, in its old province.
      province = (await provinceOfDistrict(scope.district, toMonth)) ?? province;
    }
  }
  if (scope.commune) {
    const r = await relativesOf(scope.commune, fromMonth, toMonth).catch(() => null);
    const one = r?.relatives.length === 1 ? r.relatives[0]! : null;
    commune = one?.code ?? null;
    if (one) {
      province = one.province;
      if (!forward) district = one.district;
    }
    if (r && (r.relatives.length !== 1 || one?.name !== r.unit.name || one.code !== r.unit.code)) moved = notice(r);
  }
  return { scope: { province, district, commune }, moved };
}
