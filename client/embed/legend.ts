// The widget's compact legend: one line of swatches with labels and counts (the classes the map was just
// coloured with), and the special-difficulty hatch when shown. Empty classes are left out to save room.
import { formatNumber } from '../i18n/i18n.ts';
import type { LegendClass } from '../map/choropleth.ts';

/** The classes worth a row: every class of the mode, "no data" and "not scored" only when some commune is. */
export const shownClasses = (classes: readonly LegendClass[]): LegendClass[] => classes.filter((c) => c.count > 0 || !['no_data', 'not_scored'].includes(c.key));

export function renderCompactLegend(container: HTMLElement, classes: readonly LegendClass[], special: { label: string; count: number } | null): void {
  const list = document.createElement('ul');
  const rows = [...shownClasses(classes).map((c) => ({ ...c, hatch: false })), ...(special && special.count > 0 ? [{ key: 'special', label: special.label, color: '', count: special.count, hatch: true }] : [])];
  for (const c of rows) {
    const item = document.createElement('li');
    item.dataset.class = c.key;
    const swatch = document.createElement('span');
    swatch.className = c.hatch ? 'swatch hatch' : 'swatch';
    if (c.color) swatch.style.background = c.color;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = formatNumber(c.count);
    item.append(swatch, `${c.label} `, count);
    list.append(item);
  }
  container.replaceChildren(list);
}
