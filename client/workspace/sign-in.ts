/** @module The sign-in form: e-mail and password, errors next to the field, the wait after too many failures. */
import { strings } from '../i18n/i18n.ts';
import { ApiFailure } from '../api/http.ts';
import type { SignedIn } from '../api/answers.ts';
import { signIn } from './session.ts';
import { h } from '../dom/h.ts';
import { errorText, field, statusLine } from './common/field.ts';

const t = strings({
  vi: {
    title: 'Đăng nhập dành cho cán bộ', intro: 'Cán bộ cấp tỉnh, huyện, xã đăng nhập để nhập kết quả rà soát hằng tháng, công nhận và báo cáo. Tài khoản do quản trị viên cấp.',
    email: 'Thư điện tử', password: 'Mật khẩu', submit: 'Đăng nhập', wrong: 'Thư điện tử hoặc mật khẩu không đúng.', wait: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {min} phút.',
    needEmail: 'Nhập địa chỉ thư điện tử.', needPassword: 'Nhập mật khẩu.', busy: 'Đang đăng nhập…', back: '← Quay lại bản đồ công khai',
  },
  en: {
    title: 'Sign in for officials', intro: 'Province, district and commune officials sign in to enter monthly reviews, recognitions and reports. Accounts are issued by an administrator.',
    email: 'E-mail', password: 'Password', submit: 'Sign in', wrong: 'E-mail or password is wrong.', wait: 'Too many failed sign-ins. Please try again in {min} min.',
    needEmail: 'Enter your e-mail address.', needPassword: 'Enter your password.', busy: 'Signing in…', back: '← Back to the public map',
  },
});

/** Renders the sign-in form; `onSignedIn` gets the session. */
export function renderSignIn(main: HTMLElement, onSignedIn: (s: SignedIn) => void): void {
  const email = field(t('email'), h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true }));
  const password = field(t('password'), h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true }));
  const status = statusLine();
  const submit = h('button', { type: 'submit', class: 'primary' }, t('submit'));
  const form = h('form', { class: 'sign-in', novalidate: true }, h('h1', {}, t('title')), h('p', {}, t('intro')), email.wrap, password.wrap, submit, status, h('p', {}, h('a', { href: '/' }, t('back'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    email.setError(email.input.value.trim() ? null : t('needEmail'));
    password.setError(password.input.value ? null : t('needPassword'));
    if (!email.input.value.trim()) return email.input.focus();
    if (!password.input.value) return password.input.focus();
    submit.disabled = true;
    status.textContent = t('busy');
    try {
      const session = await signIn(email.input.value.trim(), password.input.value);
      status.textContent = '';
      onSignedIn(session);
    } catch (error) {
      status.textContent = '';
      if (error instanceof ApiFailure && error.code === 'invalid_credentials') {
        password.setError(t('wrong'));
        password.input.value = '';
        password.input.focus();
      } else if (error instanceof ApiFailure && error.status === 429) {
        password.setError(t('wait', { min: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)) }));
      } else {
        status.textContent = errorText(error);
      }
    } finally {
      submit.disabled = false;
    }
  });
  main.replaceChildren(form);
  email.input.focus();
}
