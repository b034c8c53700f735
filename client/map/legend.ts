// The legend: one row per class with its colour and the count of communes, always rebuilt from the
// classes the map was just coloured with, so that the two never disagree.
import { formatNumber } from '../i18n/i18n.ts';
import type { LegendClass } from './choropleth.ts';

export function renderLegend(container: HTMLElement, title: string, classes: readonly LegendClass[], note: string): void {
  container.replaceChildren();
  const heading = document.createElement('h2');
  heading.textContent = title;
  const list = document.createElement('ul');
  for (const c of classes) {
    const item = document.createElement('li');
    item.dataset.class = c.key;
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = c.color;
    const label = document.createElement('span');
    label.textContent = c.label;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = formatNumber(c.count);
    item.append(swatch, label, count);
    list.append(item);
  }
  const small = document.createElement('p');
  small.className = 'note';
  small.textContent = note;
  container.append(heading, list, small);
}
