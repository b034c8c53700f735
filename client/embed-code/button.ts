// The main map's "Nhúng" / "Embed" button: opens the embed-code dialog for the view on screen. The dialog's
// code is loaded only when asked for, so that the map page does not carry it.
import type { App } from '../app.ts';
import { onLangChange, strings } from '../i18n/i18n.ts';
import './button.css';

const t = strings({
  vi: { embed: 'Nhúng', label: 'Nhúng bản đồ này vào trang khác' },
  en: { embed: 'Embed', label: 'Embed this map in another page' },
});

export function mountEmbedButton(container: HTMLElement, app: App): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'open-embed';
  button.className = 'embed-button';
  const label = () => {
    button.textContent = t('embed');
    button.title = t('label');
    button.setAttribute('aria-label', t('label'));
    button.setAttribute('aria-haspopup', 'dialog');
  };
  label();
  onLangChange(label);
  button.addEventListener('click', async () => {
    const { openEmbedDialog } = await import('./dialog.ts');
    const status = app.status();
    openEmbedDialog({ state: app.store.get(), scopeName: status?.scope.name ?? null, period: status?.period ?? null }, button);
  });
  container.append(button);
  return button;
}
