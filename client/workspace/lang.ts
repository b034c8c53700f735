/** @module The workspace's language: `?lang=en` or the last choice (kept in this browser), Vietnamese by default. */
import type { Lang } from '../state/app-state.ts';
import { setLang } from '../i18n/i18n.ts';

const KEY = 'ntm-workspace-lang';

/** The language to start in: `?lang=` first, then the choice kept in this browser, else Vietnamese. */
export function initialLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'vi') return fromUrl;
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Keeps a language choice (in this browser and in the URL), so that a reload and a shared link keep it. */
export function chooseLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(history.state, '', url);
  setLang(lang);
}
