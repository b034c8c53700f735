// The search box: provinces, districts and communes by name, diacritic-insensitive (the API compares
// without accents: "muong hoong" finds Xã Mường Hoong). Suggestions name the district and province so
// that same-named communes can be told apart. An ARIA combobox: ArrowDown/ArrowUp move, Enter chooses,
// Escape closes (and clears when already closed). Choosing a commune selects it and flies to it; choosing
// a district or province sets the filter.
import type { SearchHit, SearchResults } from '../api/answers.ts';
import type { App } from '../app.ts';
import { rememberUnit, type BBox } from '../controls/units.ts';
import { formatNumber, onLangChange, strings } from '../i18n/i18n.ts';
import { periodOf, structureAt } from '../era/era.ts';

const t = strings({
  vi: {
    label: 'Tìm xã, huyện, tỉnh', placeholder: 'Tìm xã, huyện, tỉnh…', region: 'Tìm kiếm',
    results: '{n} kết quả, dùng mũi tên lên xuống để chọn', none: 'Không tìm thấy “{q}”', failed: 'Không tìm được: lỗi kết nối',
    province: 'tỉnh/thành', district: 'huyện/quận', commune: 'xã/phường',
    became: 'từ 1/7/2025 thuộc {names}',
  },
  en: {
    label: 'Search communes, districts, provinces', placeholder: 'Search commune, district, province…', region: 'Search',
    results: '{n} results, use the up and down arrows to choose', none: 'Nothing found for “{q}”', failed: 'Search failed: connection error',
    province: 'province', district: 'district', commune: 'commune',
    became: 'since 1/7/2025 part of {names}',
  },
});

/** "A, B, C (+2)": the first names of a list. */
const someNames = (units: ReadonlyArray<{ name: string }>): string => units.slice(0, 3).map((u) => u.name).join(', ') + (units.length > 3 ? ` (+${units.length - 3})` : '');

export const SEARCH_LIMIT = 8;
const DEBOUNCE_MS = 150;

/** What a hit sets in the state: a commune with its parents, or a district or province as the filter. */
export function stateOfHit(hit: SearchHit): { province: string | null; district: string | null; commune: string | null } {
  if (hit.level === 'commune') return { province: hit.province?.code ?? null, district: hit.district?.code ?? null, commune: hit.code };
  if (hit.level === 'district') return { province: hit.province?.code ?? null, district: hit.code, commune: null };
  return { province: hit.code, district: null, commune: null };
}

export function mountSearch(root: HTMLElement, app: App): void {
  const listId = 'search-results';
  root.classList.add('search');
  const label = document.createElement('label');
  label.htmlFor = 'search-input';
  label.className = 'visually-hidden';
  const input = document.createElement('input');
  input.id = 'search-input';
  input.type = 'search';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  const list = document.createElement('ul');
  list.id = listId;
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  const message = document.createElement('p');
  message.className = 'search-message';
  message.hidden = true;
  const live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  root.append(label, input, list, message, live);

  const renderStrings = () => {
    root.setAttribute('aria-label', t('region'));
    label.textContent = t('label');
    input.placeholder = t('placeholder');
    list.setAttribute('aria-label', t('label'));
  };
  renderStrings();

  let hits: SearchHit[] = [];
  let active = -1;
  let shownFor = '';

  const close = () => {
    list.hidden = true;
    message.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i: number) => {
    active = i;
    for (const [j, li] of [...list.children].entries()) li.setAttribute('aria-selected', String(j === i));
    if (i >= 0) {
      const li = list.children[i] as HTMLElement;
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const where = (hit: SearchHit) =>
    [[hit.level === 'commune' ? hit.district?.name : null, hit.province?.name].filter(Boolean).join(', ') || t('province'),
      hit.successors?.length ? t('became', { names: someNames(hit.successors) }) : null].filter(Boolean).join(' · ');
  const render = (query: string) => {
    shownFor = query;
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const li = document.createElement('li');
        li.id = `search-option-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset.code = hit.code;
        const name = document.createElement('span');
        name.className = 'hit-name';
        name.textContent = hit.name;
        const place = document.createElement('span');
        place.className = 'hit-place';
        place.textContent = where(hit);
        li.append(name, place);
        li.addEventListener('mousedown', (e) => e.preventDefault()); // keep the focus in the input
        li.addEventListener('click', () => choose(hit));
        li.addEventListener('mousemove', () => active !== i && setActive(i));
        return li;
      }),
    );
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    message.hidden = hits.length > 0;
    message.textContent = hits.length ? '' : t('none', { q: query });
    live.textContent = hits.length ? t('results', { n: formatNumber(hits.length) }) : t('none', { q: query });
  };

  const choose = (hit: SearchHit) => {
    input.value = hit.name;
    close();
    const s = app.store.get();
    const structure = structureAt(app.health, periodOf(s.period, app.health));
    if (hit.structure && hit.structure !== structure) {
      // An old commune while today's units are drawn: its code may be another commune today, so what it became
      // is shown, with the notice; an old district is today's "former district"; an old province's successor
      // comes with the map's own notice (its status answers 404 with the successor).
      if (hit.level === 'commune' && hit.successors?.length && hit.structure === 'pre2025') {
        const next = hit.successors[0]!;
        app.store.set({ province: null, district: null, commune: next.code, view: null }, 'push');
        app.notifyMoved({ from: { code: hit.code, name: hit.name }, to: hit.successors, period: periodOf(s.period, app.health) ?? '', forward: true });
        return;
      }
      if (hit.level === 'district' && hit.structure === 'pre2025') {
        app.store.set({ province: null, district: hit.code, commune: null, view: null }, 'push');
        return;
      }
      // A unit of today's structure while an older month is drawn: it is shown in the latest month.
      if (hit.structure !== 'pre2025') {
        app.store.set({ ...stateOfHit(hit), period: null, view: null }, 'push');
        return;
      }
    }
    // The camera finds the unit without asking again (only a unit of the structure drawn: codes collide across them).
    if (hit.bbox && (!hit.structure || hit.structure === structure)) rememberUnit({ code: hit.code, name: hit.name, type: hit.type, level: hit.level, province: hit.province?.code ?? hit.code, district: hit.level === 'commune' ? (hit.district?.code ?? null) : hit.level === 'district' ? hit.code : null, bbox: hit.bbox, label: hit.label });
    app.store.set({ ...stateOfHit(hit), view: null }, 'push');
  };

  // Typing: ask the API after a short pause; only the latest question's answer is shown.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  let inFlight: AbortController | null = null;
  const ask = async (query: string) => {
    const ticket = ++asked;
    inFlight?.abort();
    const controller = (inFlight = new AbortController());
    try {
      const res = await fetch(`/api/v1/search?q=${encodeURIComponent(query)}&limit=${SEARCH_LIMIT}`, { signal: controller.signal });
      // A 400 means the query has no letter or digit: nothing to find.
      const body = res.ok ? ((await res.json()) as SearchResults) : res.status === 400 ? { results: [] } : null;
      if (ticket !== asked) return;
      if (!body) throw new Error(`HTTP ${res.status}`);
      hits = body.results;
      render(query);
    } catch (error) {
      if (ticket !== asked || (error as Error).name === 'AbortError') return;
      hits = [];
      render(query);
      message.textContent = t('failed');
      live.textContent = t('failed');
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (!query) {
      ++asked;
      inFlight?.abort();
      hits = [];
      close();
      return;
    }
    timer = setTimeout(() => void ask(query), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (e) => {
    const open = !list.hidden;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open && hits.length && shownFor === input.value.trim()) {
          list.hidden = false;
          input.setAttribute('aria-expanded', 'true');
        }
        if (hits.length) setActive(active + 1 >= hits.length ? 0 : active + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (open && hits.length) setActive(active <= 0 ? hits.length - 1 : active - 1);
        break;
      case 'Enter': {
        const query = input.value.trim();
        if (hits.length && (open || shownFor === query)) {
          e.preventDefault();
          choose(hits[active >= 0 ? active : 0]!);
        } else if (query && shownFor !== query) {
          // Enter before the answer came: ask now, and choose the first hit when it comes.
          e.preventDefault();
          clearTimeout(timer);
          void ask(query).then(() => {
            if (input.value.trim() === query && hits[0]) choose(hits[0]);
          });
        }
        break;
      }
      case 'Escape':
        // Handled here only (not by a card or dialog listening on the page) when there is something to close or clear.
        if (open || !message.hidden) {
          e.preventDefault();
          e.stopPropagation();
          close();
        } else if (input.value) {
          e.preventDefault();
          e.stopPropagation();
          input.value = '';
          hits = [];
        }
        break;
    }
  });
  input.addEventListener('blur', () => close());
  input.addEventListener('focus', () => {
    if (hits.length && shownFor === input.value.trim()) {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  });
  onLangChange(() => {
    renderStrings();
    if (hits.length) {
      for (const [i, li] of [...list.children].entries()) (li.querySelector('.hit-place') as HTMLElement).textContent = where(hits[i]!);
    }
  });
}
