/** @module Picks the district (or commune) a view works on, within the signed-in user's scope: a province
 * officer chooses among the province's districts; a district officer has theirs; admin chooses a
 * province then a district. */
import { strings } from '../i18n/i18n.ts';
import { workspaceGet } from './workspace-http.ts';
import type { SignedIn, Unit, Units } from '../api/answers.ts';
import { h } from '../dom/h.ts';
import { field } from './common/field.ts';

const t = strings({
  vi: { province: 'Tỉnh', district: 'Huyện', choose: '— chọn —', all: '— cả tỉnh —' },
  en: { province: 'Province', district: 'District', choose: '— choose —', all: '— whole province —' },
});

/** What a picker keeps of a unit of /api/v1/units. */
export type UnitRef = Pick<Unit, 'code' | 'name' | 'level' | 'province' | 'district'>;

const lists = new Map<string, Promise<Unit[]>>();
/** The units under a unit (or the provinces), kept for the session. */
export function unitsUnder(parent: string | null): Promise<Unit[]> {
  const key = parent ?? '';
  let list = lists.get(key);
  if (!list) {
    list = workspaceGet<Units>(`/units${parent ? `?parent=${encodeURIComponent(parent)}` : ''}`).then((b) => b.units);
    list.catch(() => lists.delete(key));
    lists.set(key, list);
  }
  return list;
}

/** The province and district a view lists (null: all). */
export interface Scope { province: string | null; district: string | null }

/** The scope a user starts with: their own unit's province/district. */
export function homeScope(session: SignedIn): Scope {
  const unit = session.user.unit;
  if (!unit) return { province: null, district: null };
  if (unit.level === 'province') return { province: unit.code, district: null };
  return { province: null, district: unit.level === 'district' ? unit.code : null };
}

/** Selects for province and district as the role allows; calls onChange with the chosen scope. */
export async function scopePicker(session: SignedIn, initial: Scope, onChange: (s: Scope) => void, options: { provinceLevel: boolean } = { provinceLevel: true }): Promise<HTMLElement> {
  const wrap = h('div', { class: 'scope-picker' });
  const role = session.user.role;
  if (role === 'district' || role === 'commune') return wrap; // fixed scope
  // Today's units have no districts: a province is listed whole (its children are communes).
  const hasDistricts = session.user.structure.has_districts;
  let province = role === 'province' ? session.user.unit!.code : initial.province;
  const districtSelect = h('select', { name: 'district' });
  const fillDistricts = async () => {
    districtSelect.replaceChildren(h('option', { value: '' }, options.provinceLevel ? t('all') : t('choose')));
    if (!province) return;
    for (const d of await unitsUnder(province)) districtSelect.append(h('option', { value: d.code, selected: d.code === initial.district }, d.name));
  };
  if (role === 'admin') {
    const provinceSelect = h('select', { name: 'province' }, h('option', { value: '' }, t('choose')));
    for (const p of await unitsUnder(null)) provinceSelect.append(h('option', { value: p.code, selected: p.code === province }, p.name));
    provinceSelect.addEventListener('change', async () => {
      province = provinceSelect.value || null;
      initial = { province, district: null };
      await fillDistricts();
      onChange({ province, district: null });
    });
    wrap.append(field(t('province'), provinceSelect).wrap);
  }
  if (!hasDistricts) return wrap;
  await fillDistricts();
  districtSelect.addEventListener('change', () => onChange({ province, district: districtSelect.value || null }));
  wrap.append(field(t('district'), districtSelect).wrap);
  return wrap;
}

/** The query string of a scope: district wins, else province; empty for none. */
export function scopeQuery(s: Scope): string {
  if (s.district) return `district=${s.district}`;
  if (s.province) return `province=${s.province}`;
  return '';
}
