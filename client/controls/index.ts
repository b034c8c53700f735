// The header's tools beyond the colour mode: search, province and district filter, period, language.
import type { App } from '../app.ts';
import { mountSearch } from '../search/search.ts';
import './controls.css';
import { mountLanguage } from './language.ts';
import { mountPeriod } from './period.ts';
import { mountScopeFilter } from './scope-filter.ts';

export function mountTools(header: { search: HTMLElement; controls: HTMLElement }, app: App): void {
  mountSearch(header.search, app);
  mountScopeFilter(header.controls, app);
  mountPeriod(header.controls, app);
  // The language switch sits at the end of the header's first row (after the status line), where people
  // look for it, rather than among the map controls.
  const row = header.search.parentElement!;
  // The page may have the slot already (index.html: its space kept from the first paint, so nothing moves).
  let slot = row.querySelector<HTMLElement>('.lang-slot');
  if (!slot) {
    slot = document.createElement('div');
    slot.className = 'lang-slot';
    const status = row.querySelector('#status');
    row.insertBefore(slot, status ? status.nextSibling : header.controls);
  }
  mountLanguage(slot, app);
}
