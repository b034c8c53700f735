// The controls bar: colour mode (recognition level, criteria met, one criterion, one group) with the
// criterion or group it uses. Every control reads and writes the URL state.
import type { App } from '../app.ts';
import { strings } from '../i18n/i18n.ts';
import type { CriteriaSet } from '../api/answers.ts';
import type { AppState, Mode } from '../state/app-state.ts';

const t = strings({
  vi: { mode: 'Tô màu theo', level: 'mức đạt chuẩn', met: 'số tiêu chí đạt', criterion: 'một tiêu chí', group: 'một nhóm tiêu chí', which: 'Tiêu chí', whichGroup: 'Nhóm' },
  en: { mode: 'Colour by', level: 'recognition level', met: 'criteria met', criterion: 'one criterion', group: 'one criteria group', which: 'Criterion', whichGroup: 'Group' },
});

function select(label: string, id: string, options: Array<[string, string]>, value: string, onChange: (v: string) => void): HTMLLabelElement {
  const wrap = document.createElement('label');
  wrap.htmlFor = id;
  wrap.textContent = label;
  const el = document.createElement('select');
  el.id = id;
  for (const [v, text] of options) el.append(new Option(text, v, false, v === value));
  el.addEventListener('change', () => onChange(el.value));
  wrap.append(el);
  return wrap;
}

/** Mounts the mode controls; `setOf` gives the criteria set of a state's period (its criteria and groups:
 * the list and the group mode follow the period's era, no group mode in a set without groups). */
export function mountControls(parent: HTMLElement, app: App, setOf: (s: AppState) => CriteriaSet): void {
  const root = document.createElement('div');
  root.className = 'mode-controls';
  parent.append(root);
  const render = () => {
    const s = app.store.get();
    const name = (x: { name_vi: string; name_en: string }) => (s.lang === 'en' ? x.name_en : x.name_vi);
    const { criteria, groups } = setOf(s);
    const modes = (['level', 'met', 'criterion', 'group'] as const).filter((m) => m !== 'group' || groups.length > 0);
    const parts = [
      select(t('mode'), 'mode', modes.map((m) => [m, t(m)]), s.mode, (v) => app.store.set({ mode: v as Mode })),
    ];
    if (s.mode === 'criterion') parts.push(select(t('which'), 'criterion', criteria.map((c) => [String(c.number), `${c.number}. ${name(c)}`]), String(s.criterion), (v) => app.store.set({ criterion: Number(v) })));
    if (s.mode === 'group') parts.push(select(t('whichGroup'), 'group', groups.map((g) => [String(g.number), `${g.number}. ${name(g)}`]), String(s.group), (v) => app.store.set({ group: Number(v) })));
    root.replaceChildren(...parts);
  };
  render();
  app.store.subscribe((s, p) => {
    if (s.mode !== p.mode || s.lang !== p.lang || s.criterion !== p.criterion || s.group !== p.group || s.period !== p.period) render();
  });
}
