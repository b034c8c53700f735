/** @module Unit choices for the views' forms: the rural communes (xã) of a scope, grouped by district, and the
 * districts of a province, from GET /units (cached by the scope picker's unitsUnder). */
import { strings } from '../../i18n/i18n.ts';
import { h } from '../../dom/h.ts';
import { type Scope, type UnitRef, unitsUnder } from '../scope-picker.ts';

const t = strings({ vi: { wholeDistrict: '{name} (cấp huyện)' }, en: { wholeDistrict: '{name} (the district)' } });

/** A district and its communes, as the forms' grouped selects list them. */
export interface DistrictCommunes { district: UnitRef; communes: UnitRef[] }

/** The districts of the scope, each with its rural communes. */
export async function communesByDistrict(scope: Scope, districtName?: string): Promise<DistrictCommunes[]> {
  let districts: UnitRef[];
  if (scope.district) {
    const province = scope.province;
    const siblings = province ? await unitsUnder(province) : [];
    districts = [siblings.find((d) => d.code === scope.district) ?? { code: scope.district, name: districtName ?? scope.district, level: 'district', province: province ?? '', district: scope.district }];
  } else if (scope.province) {
    const under = await unitsUnder(scope.province);
    // Today's structure (from 1/7/2025) has no districts: the province's children are its communes, one group.
    if (under.some((u) => u.level === 'commune')) {
      return [{ district: { code: scope.province, name: '', level: 'province', province: scope.province, district: null }, communes: under.filter((c) => c.level === 'commune' && c.rural) }];
    }
    districts = under;
  } else return [];
  return Promise.all(districts.map(async (district) => ({ district, communes: (await unitsUnder(district.code)).filter((c) => c.rural) })));
}

/** <option>s of the rural communes, in an <optgroup> per district when there are several. */
export function communeOptions(groups: DistrictCommunes[], selected?: string | null, withDistricts = false): Node[] {
  const option = (u: UnitRef, text = u.name) => h('option', { value: u.code, selected: u.code === selected }, text);
  if (groups.length === 1 && (!withDistricts || groups[0]!.district.level === 'province')) return groups[0]!.communes.map((c) => option(c));
  return groups.map((g) => h('optgroup', { label: g.district.name }, withDistricts ? option(g.district, t('wholeDistrict', { name: g.district.name })) : null, ...g.communes.map((c) => option(c))));
}
