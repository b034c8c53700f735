// The language switch: one button naming the other language in that language ("English" on the
// Vietnamese page, "Tiếng Việt" on the English one, marked with its `lang`); it sets `lang` in the state.
import type { App } from '../app.ts';
import { onLangChange } from '../i18n/i18n.ts';

export function mountLanguage(parent: HTMLElement, app: App): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'lang-switch';
  button.className = 'lang-switch';
  const render = () => {
    const other = app.store.get().lang === 'vi' ? 'en' : 'vi';
    button.textContent = other === 'en' ? 'English' : 'Tiếng Việt';
    button.lang = other;
  };
  button.addEventListener('click', () => app.store.set({ lang: app.store.get().lang === 'vi' ? 'en' : 'vi' }, 'push'));
  parent.append(button);
  render();
  onLangChange(render);
}
