// The signal that a page's first choropleth is drawn: `data-ready="true"` on <html> (tests and embedders
// wait for it) and a User Timing mark, whose time from the navigation's start is what bench/ reports.
export const FIRST_CHOROPLETH = 'ntm:first-choropleth';

export function signalReady(): void {
  if (document.documentElement.dataset.ready) return;
  document.documentElement.dataset.ready = 'true';
  performance.mark(FIRST_CHOROPLETH);
}
