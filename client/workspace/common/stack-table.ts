/** @module Makes a list table readable on a phone: each cell gets its column's header as `data-label`, and the CSS
 * (workspace.css, table.list.stack) shows every row as a small card of "label: value" lines below 640 px,
 * headed by the row's own header cell. */

/** Labels every cell of a list table with its column's header, so that the table stacks on a phone; returns the
 * table. */
export function stackTable<T extends HTMLTableElement>(table: T): T {
  table.classList.add('stack');
  const labels = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
  for (const row of table.querySelectorAll('tbody tr')) {
    [...row.children].forEach((cell, i) => {
      if (labels[i] && cell.tagName !== 'TH' && !cell.hasAttribute('data-label') && !cell.hasAttribute('colspan')) cell.setAttribute('data-label', labels[i]!);
    });
  }
  return table;
}
