// The legend: one row per class with its colour and the count of communes, always rebuilt from the
// classes the map was just coloured with, so that the two never disagree; plus the special-difficulty
// hatch with its count and the two toggles (show hatch, only special-difficulty).
import { formatNumber, strings } from '../i18n/i18n.ts';
import type { LegendClass } from './choropleth.ts';

const t = strings({
  vi: { specialKv3: 'Xã khu vực III (minh họa)', special: 'Xã đặc biệt khó khăn', hatch: 'Gạch chéo xã đặc biệt khó khăn', only: 'Chỉ xem xã đặc biệt khó khăn', table: 'Xem dạng bảng', png: 'Tải ảnh PNG', options: 'Tùy chọn', noList: 'Tháng này không có danh sách xã đặc biệt khó khăn nào có hiệu lực.' },
  en: { specialKv3: 'Khu vực III commune (illustrative)', special: 'Special-difficulty commune', hatch: 'Hatch special-difficulty communes', only: 'Only special-difficulty communes', table: 'Show as a table', png: 'Download PNG', options: 'Options', noList: 'No special-difficulty list is in force this month.' },
});

/** The legend's label for the special-difficulty hatch (also drawn into PNG exports). */
/** From the 2026-2030 set the hatch shows the communes of khu vực III (illustrative: no list of today's
 * communes by khu vực is published in a readable source yet), before it the special-difficulty lists. */
export const specialLabel = (criteriaSet?: string): string => t(criteriaSet === '2026-2030' ? 'specialKv3' : 'special');

export interface LegendSpecial {
  count: number;
  /** The hatch row's label (specialLabel of the period's set); default: the special-difficulty communes. */
  label?: string;
  hatch: boolean;
  only: boolean;
  onChange(hatch: boolean, only: boolean): void;
}

function checkbox(id: string, label: string, checked: boolean, onChange: (checked: boolean) => void): HTMLElement {
  const wrap = document.createElement('label');
  wrap.className = 'toggle';
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.id = id;
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  wrap.append(input, ` ${label}`);
  return wrap;
}

function row(key: string, swatchClass: string, color: string, label: string, count: number): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.class = key;
  const swatch = document.createElement('span');
  swatch.className = swatchClass;
  if (color) swatch.style.background = color;
  const text = document.createElement('span');
  text.textContent = label;
  const n = document.createElement('span');
  n.className = 'count';
  n.textContent = formatNumber(count);
  item.append(swatch, text, n);
  return item;
}

/** Whether the reader opened or closed the options, or folded the legend (kept across redraws). */
let optionsOpen: boolean | null = null;
let legendOpen = true;

export interface LegendActions { table(): void; png(): void }

/** Keeps the reader's choice as they click a summary (a click or Enter), not from `toggle` events: those come
 * a moment later, also for an `open` set by a redraw, and a redraw in between would lose the choice. */
const remember = (details: HTMLDetailsElement, set: (open: boolean) => void) => (e: Event) => {
  if (!e.defaultPrevented) set(!details.open);
};

export function renderLegend(container: HTMLElement, title: string, classes: readonly LegendClass[], note: string, special: LegendSpecial, actions: LegendActions): void {
  container.replaceChildren();
  // The title folds the legend to one line (a phone's map then has room); open until the reader folds it.
  const fold = document.createElement('details');
  fold.className = 'fold';
  fold.open = legendOpen;
  const summary0 = document.createElement('summary');
  const heading = document.createElement('h2');
  heading.textContent = title;
  summary0.append(heading);
  summary0.addEventListener('click', remember(fold, (open) => { legendOpen = open; }));
  const list = document.createElement('ul');
  for (const c of classes) list.append(row(c.key, 'swatch', c.color, c.label, c.count));
  const specialList = document.createElement('ul');
  specialList.append(row('special', 'swatch hatch', '', special.label ?? t('special'), special.count));
  // None hatched: say why (between two lists, e.g. before the 2021–2025 list took effect), not leave a bare 0.
  const noList = special.count === 0 ? Object.assign(document.createElement('p'), { className: 'no-list', textContent: t('noList') }) : null;
  const toggles = document.createElement('div');
  toggles.className = 'toggles';
  toggles.append(
    checkbox('toggle-hatch', t('hatch'), special.hatch, (on) => special.onChange(on, special.only)),
    checkbox('toggle-only', t('only'), special.only, (on) => special.onChange(special.hatch, on)),
  );
  const small = document.createElement('p');
  small.className = 'note';
  small.textContent = note;
  const buttons = document.createElement('div');
  buttons.className = 'actions';
  for (const [id, label, action] of [['open-table', t('table'), actions.table], ['download-png', t('png'), actions.png]] as const) {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = id;
    button.textContent = label;
    button.addEventListener('click', action);
    buttons.append(button);
  }
  // Toggles and actions fold away on phones so that the legend leaves the map room; open on wider screens.
  const options = document.createElement('details');
  options.className = 'options';
  options.open = optionsOpen ?? !window.matchMedia('(max-width: 640px)').matches;
  const summary = document.createElement('summary');
  summary.addEventListener('click', remember(options, (open) => { optionsOpen = open; }));
  summary.textContent = t('options');
  options.append(summary, toggles, buttons);
  fold.append(summary0, list, specialList, ...(noList ? [noList] : []), small, options);
  container.append(fold);
}
