// The table view: the communes in view (inside the chosen scope) with the same figures as the map (and,
// when the map shows one criterion or one group, that figure too), sortable, for screen-reader users and for
// officials who prefer rows. A commune's name opens its card.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CommuneStatus } from '../api/answers.ts';
import { formatNumber, strings } from '../i18n/i18n.ts';
import { levelLabel } from '../map/choropleth.ts';
import { unitNames } from '../map/unit-names.ts';

const t = strings({
  vi: { title: 'Các xã trong khung nhìn', caption: '{n} xã, phường, thị trấn trong khung nhìn', more: 'Hiển thị {shown} trên {n}; phóng to để xem ít hơn.', close: 'Đóng bảng', name: 'Tên', district: 'Huyện', code: 'Mã', open: 'Mở thẻ của {name}', met: 'Tiêu chí đạt', level: 'Mức', special: 'ĐBKK', source: 'Nguồn số liệu', yes: 'Có', no: '', notScored: 'không xét', illustrative: 'minh họa', official: 'chính thức' },
  en: { title: 'Communes in view', caption: '{n} communes, wards and towns in view', more: 'Showing {shown} of {n}; zoom in to see fewer.', close: 'Close table', name: 'Name', district: 'District', code: 'Code', open: 'Open the card of {name}', met: 'Criteria met', level: 'Level', special: 'Special difficulty', source: 'Data', yes: 'Yes', no: '', notScored: 'not scored', illustrative: 'illustrative', official: 'official' },
});

type Key = 'name' | 'district' | 'code' | 'met' | 'figure' | 'level' | 'special' | 'source';
const LIMIT = 500;
const LEVEL_ORDER = ['chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau'];

interface Row { code: string; name: string; district: string; scored: boolean; status: CommuneStatus | undefined }

/** The figure the map is coloured by when it is not one of the table's own columns (one criterion, one
 * group): its heading and its text for a commune's status. */
export interface TableFigure { label: string; text(status: CommuneStatus): string }

export interface TableViewOptions {
  statusOf(code: string): CommuneStatus | undefined;
  inScope?(props: Record<string, unknown>): boolean;
  figure(): TableFigure | null;
  /** A commune's name was chosen: open its card. */
  choose(code: string): void;
}

export function mountTableView(root: HTMLElement, map: MapLibreMap, options: TableViewOptions): { open(): void; close(refocus?: boolean): void } {
  const { statusOf, inScope = () => true } = options;
  const districtName = unitNames(map);
  let sortKey: Key = 'name';
  let ascending = true;
  let opener: HTMLElement | null = null;
  const rows = (): Row[] => {
    const seen = new Map<string, Row>();
    for (const f of map.queryRenderedFeatures({ layers: ['communes-fill'] })) {
      const code = String(f.properties.code);
      if (!inScope(f.properties)) continue; // greyed out: outside the chosen province or district
      if (!seen.has(code)) seen.set(code, { code, name: String(f.properties.name), district: districtName('districts', String(f.properties.district ?? '')) ?? '', scored: f.properties.type === 'Xã', status: statusOf(code) });
    }
    return [...seen.values()];
  };
  const value = (r: Row, key: Key): string | number => {
    switch (key) {
      case 'name': return r.name.replace(/^(Xã|Phường|Thị trấn) /i, ''); // by the name itself, not its type
      case 'district': return r.district.replace(/^(Huyện|Quận|Thị xã|Thành phố) /i, '');
      case 'code': return r.code;
      case 'met': return r.status?.met ?? -1;
      case 'figure': return r.status?.value ?? -1;
      case 'level': return r.status ? LEVEL_ORDER.indexOf(r.status.level) : -1;
      case 'special': return r.status?.special ? 1 : 0;
      case 'source': return r.status?.provenance ?? '';
    }
  };
  const render = () => {
    const figure = options.figure();
    if (sortKey === 'figure' && !figure) sortKey = 'name';
    const keys: Key[] = ['name', 'district', 'code', 'met', ...(figure ? ['figure' as const] : []), 'level', 'special', 'source'];
    const all = rows().sort((a, b) => {
      const [x, y] = [value(a, sortKey), value(b, sortKey)];
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
      return ascending ? c : -c;
    });
    const shown = all.slice(0, LIMIT);
    const heading = document.createElement('h2');
    heading.id = 'table-title';
    heading.textContent = t('title');
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = t('close');
    close.addEventListener('click', () => api.close());
    const table = document.createElement('table');
    const caption = document.createElement('caption');
    caption.textContent = t('caption', { n: all.length });
    const head = document.createElement('tr');
    for (const key of keys) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.setAttribute('aria-sort', key === sortKey ? (ascending ? 'ascending' : 'descending') : 'none');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = (key === 'figure' ? figure!.label : t(key)) + (key === sortKey ? (ascending ? ' ▲' : ' ▼') : '');
      button.addEventListener('click', () => {
        ascending = key === sortKey ? !ascending : true;
        sortKey = key;
        render();
        root.querySelector<HTMLButtonElement>(`th[aria-sort]:not([aria-sort="none"]) button`)?.focus();
      });
      th.append(button);
      head.append(th);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    for (const r of shown) {
      const tr = document.createElement('tr');
      tr.dataset.code = r.code;
      const s = r.status;
      const cells: Record<Key, string> = {
        name: r.name, district: r.district, code: r.code,
        met: s ? formatNumber(s.met) : r.scored ? '—' : t('notScored'),
        figure: s && figure ? figure.text(s) : '',
        level: s ? levelLabel(s.level) : '', special: s?.special ? t('yes') : t('no'), source: s ? t(s.provenance) : '',
      };
      for (const key of keys) {
        const cell = document.createElement(key === 'name' ? 'th' : 'td');
        if (key === 'name') {
          (cell as HTMLTableCellElement).scope = 'row';
          // The name opens the commune's card (for keyboard and screen-reader users, as a click on the map does).
          const open = document.createElement('button');
          open.type = 'button';
          open.className = 'open-card';
          open.textContent = r.name;
          open.setAttribute('aria-label', t('open', { name: r.name }));
          open.addEventListener('click', () => {
            api.close(false);
            options.choose(r.code);
          });
          cell.append(open);
        } else cell.textContent = cells[key];
        tr.append(cell);
      }
      tbody.append(tr);
    }
    table.append(caption, thead, tbody);
    const parts: HTMLElement[] = [heading, close, table];
    if (all.length > LIMIT) {
      const more = document.createElement('p');
      more.textContent = t('more', { shown: LIMIT, n: all.length });
      parts.splice(2, 0, more);
    }
    root.replaceChildren(...parts);
  };
  const onMove = () => render();
  const api = {
    open() {
      opener = document.activeElement as HTMLElement | null;
      root.hidden = false;
      render();
      map.on('moveend', onMove);
      root.querySelector<HTMLButtonElement>('button.close')?.focus();
    },
    /** Hides the table; focus goes back to what opened it, unless something else takes it (a card). */
    close(refocus = true) {
      root.hidden = true;
      map.off('moveend', onMove);
      if (refocus) opener?.focus();
    },
  };
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') api.close();
  });
  return api;
}
