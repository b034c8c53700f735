// The province and district filter: two selects in the controls bar, a click on a district of the chosen
// province, and the map following the scope: everything outside it greyed out, the camera on it.
import { periodOf, structureAt, structureMonth } from '../era/era.ts';
import type { App } from '../app.ts';
import { onLangChange, strings } from '../i18n/i18n.ts';
import { showScope } from '../map/scope.ts';
import { followScope } from './scope-camera.ts';
import { byName, districtOfCommune, formerDistrictsOf, provinceOfDistrict, unitsOf, type Unit } from './units.ts';

const t = strings({
  vi: { province: 'Tỉnh/thành', district: 'Huyện/quận', formerDistrict: 'Khu vực huyện cũ', country: 'Toàn quốc', allDistricts: 'Cả tỉnh', loading: 'Đang tải…', failed: 'Không tải được danh sách' },
  en: { province: 'Province', district: 'District', formerDistrict: 'Former district', country: 'Whole country', allDistricts: 'Whole province', loading: 'Loading…', failed: 'List could not be loaded' },
});

function labelled(id: string, select: HTMLSelectElement): { wrap: HTMLElement; text: HTMLLabelElement } {
  const wrap = document.createElement('div');
  wrap.className = 'scope-field';
  const text = document.createElement('label');
  text.htmlFor = id;
  select.id = id;
  wrap.append(text, select);
  return { wrap, text };
}

export function mountScopeFilter(parent: HTMLElement, app: App): void {
  const { store, map } = app;
  const root = document.createElement('div');
  root.className = 'scope-filter';
  const provinceSelect = document.createElement('select');
  const districtSelect = document.createElement('select');
  const province = labelled('province-select', provinceSelect);
  const district = labelled('district-select', districtSelect);
  root.append(province.wrap, district.wrap);
  parent.append(root);

  let provinces: Unit[] = [];
  let districts: Unit[] = [];
  let districtsOf: string | null = null;
  // The lists are those of the period's unit structure (named by one of its months: era.ts structureMonth).
  const atOf = (period: string | null) => structureMonth(app.health, period);
  const hasDistricts = () => structureAt(app.health, periodOf(store.get().period, app.health)) === 'pre2025';
  let provincesAt: string | null | undefined; // the structure whose provinces were asked for last
  let provincesLoadedAt: string | null | undefined; // the structure `provinces` holds

  const fill = (select: HTMLSelectElement, first: string, units: Unit[], value: string | null) => {
    select.replaceChildren(new Option(first, ''), ...units.map((u) => new Option(u.name, u.code)));
    select.value = value && units.some((u) => u.code === value) ? value : '';
  };
  const renderProvinces = () => fill(provinceSelect, t('country'), provinces, store.get().province);
  const renderDistricts = () => {
    const s = store.get();
    fill(districtSelect, s.province ? t('allDistricts') : '—', districtsOf === `${atOf(s.period)}|${s.province}` ? districts : [], s.district);
    districtSelect.disabled = !s.province;
  };
  const renderLabels = () => {
    province.text.textContent = t('province');
    // From 1/7/2025 there are no districts: the control then chooses a former district (khu vực huyện cũ),
    // the communes whose predecessors lay in it.
    district.text.textContent = hasDistricts() ? t('district') : t('formerDistrict');
  };
  renderLabels();
  provinceSelect.append(new Option(t('loading'), ''));
  renderDistricts();

  let districtTicket = 0;
  const loadDistricts = async () => {
    const code = store.get().province;
    const at = atOf(store.get().period);
    const ticket = ++districtTicket;
    if (!code) {
      districts = [];
      districtsOf = null;
      renderDistricts();
      return;
    }
    // A code of the other structure (the period just crossed the reform; main.ts maps the scope): wait for
    // this structure's provinces and for the mapped code rather than ask for a unit that is not there.
    if (provincesLoadedAt !== at || !provinces.some((p) => p.code === code)) return;
    if (districtsOf !== `${at}|${code}`) {
      districtSelect.replaceChildren(new Option(t('loading'), ''));
      districtSelect.disabled = true;
    }
    try {
      // From 2025-07 there are no districts: the former districts whose communes make up the province.
      const list = [...(await (hasDistricts() ? unitsOf(code, at) : formerDistrictsOf(code, at)))].sort(byName);
      if (ticket !== districtTicket) return;
      districts = list;
      districtsOf = `${at}|${code}`;
    } catch {
      if (ticket !== districtTicket) return;
      districts = [];
      districtsOf = null;
    }
    renderDistricts();
  };

  const loadProvinces = () => {
    const at = atOf(store.get().period);
    if (at === provincesAt) return;
    provincesAt = at;
    unitsOf(null, at)
      .then((list) => {
        if (at !== provincesAt) return;
        provinces = [...list].sort(byName);
        provincesLoadedAt = at;
        renderProvinces();
        void loadDistricts();
      })
      .catch(() => provinceSelect.replaceChildren(new Option(t('failed'), '')));
  };
  loadProvinces();
  void loadDistricts();

  provinceSelect.addEventListener('change', () => {
    store.set({ province: provinceSelect.value || null, district: null, commune: null, view: null }, 'push');
  });
  districtSelect.addEventListener('change', () => {
    store.set({ district: districtSelect.value || null, commune: null, view: null }, 'push');
  });

  const camera = followScope(app);
  // A click inside a district of the chosen province selects it (when no district is chosen yet), zooms to
  // it and shows its summary: the click stops there (`preventDefault`: the panel opens no commune card), so
  // that province → district → commune is one click each.
  map.on('click', (e) => {
    const s = store.get();
    if (e.defaultPrevented || !s.province || s.district || !map.getLayer('communes-fill')) return; // defaultPrevented: a first tap shows only the tooltip
    const feature = map.queryRenderedFeatures(e.point, { layers: ['communes-fill'] })[0];
    const props = feature?.properties as { province?: string; district?: string } | undefined;
    if (props?.province !== s.province || !props.district) return;
    const district = String(props.district);
    e.preventDefault();
    store.set({ district }, 'push');
    camera.show({ province: s.province, district, commune: null });
  });

  const initial = store.get();
  // The mask and outlines are in the first style, drawn for the scope in the URL; later scopes change their
  // filters (showScope does nothing before the style is in; the style then already has the scope's filters).
  const draw = () => showScope(map, { province: store.get().province, district: store.get().district });
  map.once('style.load', draw); // a scope completed (or changed) before the style was in
  // A hand-written link may name a commune without its district, or a district without its province:
  // complete the state (in place) so that the selects and the grey-out show them.
  if ((initial.commune && !initial.district) || (initial.district && !initial.province)) {
    void (async () => {
      const at = atOf(initial.period);
      const district = initial.district ?? (hasDistricts() ? await districtOfCommune(initial.commune!, at) : null);
      const province = initial.province ?? (district ? await provinceOfDistrict(district, at) : null);
      const now = store.get();
      const unchanged = now.commune === initial.commune && now.district === initial.district && now.province === initial.province;
      if (unchanged && (district || province)) store.set({ district, province }, 'replace');
    })().catch(() => {});
  }

  store.subscribe((s, p) => {
    if (s.period !== p.period) {
      renderLabels();
      loadProvinces();
    }
    if (s.province !== p.province || atOf(s.period) !== atOf(p.period)) void loadDistricts();
    if (s.province !== p.province || s.district !== p.district) {
      provinceSelect.value = s.province ?? '';
      renderDistricts();
      draw();
    }
  });
  onLangChange(() => {
    renderLabels();
    if (provinces.length) renderProvinces();
    renderDistricts();
  });
}
