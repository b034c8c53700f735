// Before and after: the comparison view (`?compare=2025-06..2026-11`). A second map draws the month before
// (2025-06, the last of the old units) over the left of the page's map, which keeps drawing the month after
// on today's units; @maplibre/maplibre-gl-compare syncs the two cameras and clips the left map at a swipe
// handle, which is given here a slider's role, a label and arrow keys. Both sides share the area (one camera)
// and the colour mode where the mode means the same on both (one criterion or group only within one set).
// A button in the header opens and closes the view; the state is in the URL like every other choice.
// The view itself (view.ts) is loaded the first time it is opened.
import type { App } from '../app.ts';
import type { Criteria } from '../api/answers.ts';
import { periodOf, structureAt } from '../era/era.ts';
import { onLangChange } from '../i18n/i18n.ts';
import { beforePeriod } from './sides.ts';
import { t } from './texts.ts';
import type { CompareView } from './view.ts';
import './compare.css';

/** Mounts the way in (a header button) and the view itself while the state asks for it. */
export function mountCompare(app: App, button: HTMLElement, catalogue: Criteria): void {
  const { store, health } = app;
  // Only a server with both structures has a before and an after.
  if ((health.structures?.length ?? 0) < 2) return;
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.id = 'compare-toggle';
  toggle.className = 'compare-toggle';
  button.append(toggle);
  toggle.addEventListener('click', () => {
    const s = store.get();
    if (s.compare) store.set({ compare: null }, 'push');
    else {
      // The month after: the page's when it is on today's units, else the latest.
      const after = structureAt(health, periodOf(s.period, health)) === health.structures![0]!.code ? null : s.period;
      store.set({ compare: beforePeriod(app, s), period: after }, 'push');
    }
  });
  let view: CompareView | null = null;
  let opening: Promise<void> | null = null;
  // The button says what it does (open or leave), so it is no toggle button with aria-pressed.
  const label = () => {
    const on = store.get().compare !== null;
    toggle.textContent = on ? t('close') : t('open');
    toggle.title = on ? '' : t('openTitle');
  };
  const sync = async () => {
    const s = store.get();
    label();
    if (s.compare && !view) {
      // The view, its plugin and its second map load when first asked for: the map page does not carry them.
      opening ??= import('./view.ts').then(({ openView }) => {
        opening = null;
        if (store.get().compare && !view) view = openView(app, catalogue); // not if left while loading
      });
      await opening;
    } else if (!s.compare && view) {
      view.close();
      view = null;
    }
    await view?.draw();
  };
  store.subscribe((s, p) => {
    if (s.compare !== p.compare || s.period !== p.period || s.province !== p.province || s.district !== p.district || s.mode !== p.mode || s.criterion !== p.criterion || s.group !== p.group || s.lang !== p.lang || s.special !== p.special || s.onlySpecial !== p.onlySpecial) void sync();
  });
  onLangChange(() => void sync());
  // After the first choropleth: the second map's tiles never compete with the first map's.
  void app.ready.then(sync);
  label();
}
