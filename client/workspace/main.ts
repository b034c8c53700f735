/** @module The officials' workspace page: sign-in, then the sections a role works in (monthly reviews, import,
 * recognitions, plans and targets, villages, the monthly report, the audit trail), one view per URL hash
 * (#reviews, #review/<commune>/<period>, #import, …) so that back/forward and links work. */
import { setLang, strings } from '../i18n/i18n.ts';
import { h } from '../dom/h.ts';
import { errorText } from './common/field.ts';
import { chooseLang, initialLang } from './lang.ts';
import type { SignedIn } from '../api/answers.ts';
import { loadSession, signOut, signedIn } from './session.ts';
import { renderSignIn } from './sign-in.ts';
import { type View, VIEWS, type ViewName } from './views.ts';

const t = strings({
  vi: {
    nav: 'Các mục làm việc', signOut: 'Đăng xuất', signOutAll: 'Đăng xuất mọi thiết bị', map: 'Bản đồ công khai', roles: 'quản trị|cán bộ tỉnh|cán bộ huyện|cán bộ xã', country: 'cả nước', expired: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    reviews: 'Rà soát hằng tháng', import: 'Nhập tệp', recognitions: 'Công nhận', plans: 'Kế hoạch, chỉ tiêu', villages: 'Thôn', classifications: 'Nhóm, khu vực', board: 'Báo cáo tháng', audit: 'Nhật ký thay đổi',
  },
  en: {
    nav: 'Workspace sections', signOut: 'Sign out', signOutAll: 'Sign out everywhere', map: 'Public map', roles: 'admin|province officer|district officer|commune officer', country: 'whole country', expired: 'Your session has expired. Please sign in again.',
    reviews: 'Monthly reviews', import: 'Import a file', recognitions: 'Recognitions', plans: 'Plans and targets', villages: 'Villages', classifications: 'Groups, khu vực', board: 'Monthly report', audit: 'Audit trail',
  },
});

const ROLE_INDEX = { admin: 0, province: 1, district: 2, commune: 3 } as const;
const header = { user: document.getElementById('ws-user')!, tools: document.getElementById('ws-tools')! };
const nav = document.getElementById('ws-nav')!;
const main = document.getElementById('ws-main')!;

setLang(initialLang());

function route(): { name: ViewName; params: string[] } {
  const [name, ...params] = location.hash.replace(/^#/, '').split('/').map(decodeURIComponent);
  return { name: (name && name in VIEWS ? name : 'reviews') as ViewName, params };
}

function renderHeader(session: SignedIn | null): void {
  const langButton = h('button', { type: 'button', class: 'link', lang: initialLang() === 'vi' ? 'en' : 'vi' }, initialLang() === 'vi' ? 'English' : 'Tiếng Việt');
  langButton.addEventListener('click', () => {
    chooseLang(initialLang() === 'vi' ? 'en' : 'vi');
    void show();
  });
  const tools: Node[] = [h('a', { href: '/' }, t('map')), langButton];
  if (session) {
    const out = h('button', { type: 'button', class: 'link' }, t('signOut'));
    const outAll = h('button', { type: 'button', class: 'link' }, t('signOutAll'));
    for (const [button, everywhere] of [[out, false], [outAll, true]] as const) {
      button.addEventListener('click', async () => {
        await signOut(everywhere).catch(() => undefined);
        location.hash = '';
        void show();
      });
    }
    tools.push(out, outAll);
    const u = session.user;
    header.user.textContent = `${u.name ?? u.email} · ${t('roles').split('|')[ROLE_INDEX[u.role]]} · ${u.unit?.name ?? t('country')}`;
  } else {
    header.user.textContent = '';
  }
  header.tools.replaceChildren(...tools);
  const name = route().name;
  document.title = `${session ? t(name === 'review' ? 'reviews' : name) : 'Đăng nhập'} · NTM Map`;
}

function renderNav(current: ViewName): void {
  nav.hidden = false;
  nav.setAttribute('aria-label', t('nav'));
  const list = h('ul');
  for (const name of Object.keys(VIEWS) as ViewName[]) {
    if ((VIEWS[name] as View).hidden) continue;
    const link = h('a', { href: `#${name}`, 'aria-current': name === current || (current === 'review' && name === 'reviews') ? 'page' : undefined }, t(name as Parameters<typeof t>[0]));
    list.append(h('li', {}, link));
  }
  nav.replaceChildren(list);
}

let rendering = 0;
async function show(): Promise<void> {
  const ticket = ++rendering;
  let session = signedIn();
  try {
    session = session ?? (await loadSession());
  } catch (error) {
    main.replaceChildren(h('p', { class: 'error' }, errorText(error)));
    return;
  }
  if (ticket !== rendering) return;
  renderHeader(session);
  if (!session) {
    nav.hidden = true;
    renderSignIn(main, () => void show());
    return;
  }
  const { name, params } = route();
  renderNav(name);
  main.replaceChildren(h('p', {}, '…'));
  try {
    const view: View = VIEWS[name];
    await view.render(main, { session, params, go: (hash: string) => (location.hash = hash) });
  } catch (error) {
    if ((error as { status?: number }).status === 401) {
      main.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('expired')));
      await signOut(false).catch(() => undefined);
      return void show();
    }
    main.replaceChildren(h('p', { class: 'error', role: 'alert' }, errorText(error)));
  }
  main.focus({ preventScroll: true });
}

window.addEventListener('hashchange', () => void show());
void show();
