// The embed-code dialog of the main map ("Nhúng" / "Embed"): the current view as an <iframe> snippet for a
// newsroom's page (lazy-loaded, titled for screen readers, a default size), with the optional auto-resize
// script, a live preview of the widget and a copy button. A native modal <dialog>: focus stays inside,
// Escape closes it, and focus returns to the button that opened it.
import { formatPeriod, strings } from '../i18n/i18n.ts';
import type { AppState } from '../state/app-state.ts';
import { DEFAULT_EMBED, MAX_HEIGHT, MIN_HEIGHT, searchFromEmbedParams, type EmbedParams } from '../embed/params.ts';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, iframeSnippet } from './snippet.ts';
import './dialog.css';

const t = strings({
  vi: {
    heading: 'Nhúng bản đồ vào trang của bạn', intro: 'Dán đoạn mã dưới đây vào bài viết. Bản đồ nhúng hiển thị khu vực, chế độ màu và kỳ số liệu đang xem.',
    title: 'Tiêu đề (để trống: tên khu vực)', width: 'Rộng (px)', height: 'Cao (px)', legend: 'Chú giải', interactive: 'Cho phép kéo, phóng to', special: 'Gạch chéo xã đặc biệt khó khăn',
    resize: 'Tự điều chỉnh chiều cao (thêm một đoạn script nhỏ)', code: 'Mã nhúng', copy: 'Chép mã', copied: 'Đã chép mã vào bộ nhớ tạm.', copyFailed: 'Không chép được: hãy chọn và chép đoạn mã.',
    preview: 'Xem trước', close: 'Đóng', frameTitle: 'Bản đồ nông thôn mới: {scope}, {period}', country: 'Việt Nam',
  },
  en: {
    heading: 'Embed this map in your page', intro: 'Paste the code below into your article. The embedded map shows the area, colour mode and period you are viewing.',
    title: 'Title (empty: the area’s name)', width: 'Width (px)', height: 'Height (px)', legend: 'Legend', interactive: 'Allow panning and zooming', special: 'Hatch special-difficulty communes',
    resize: 'Resize the height automatically (adds a small script)', code: 'Embed code', copy: 'Copy code', copied: 'Code copied to the clipboard.', copyFailed: 'Could not copy: select the code and copy it.',
    preview: 'Preview', close: 'Close', frameTitle: 'New rural development map: {scope}, {period}', country: 'Viet Nam',
  },
});

export interface EmbedDialogContext {
  state: AppState;
  /** Name of the area shown (province or district), null for the country. */
  scopeName: string | null;
  /** The period drawn (YYYY-MM). */
  period: string | null;
}

function field(label: string, input: HTMLInputElement): HTMLLabelElement {
  const wrap = document.createElement('label');
  if (input.type === 'checkbox') wrap.append(input, ` ${label}`);
  else wrap.append(`${label} `, input);
  return wrap;
}

function input(type: string, id: string, value: string | boolean, extra: Partial<HTMLInputElement> = {}): HTMLInputElement {
  const el = document.createElement('input');
  el.type = type;
  el.id = id;
  if (typeof value === 'boolean') el.checked = value;
  else el.value = value;
  Object.assign(el, extra);
  return el;
}

const clamp = (value: string, min: number, max: number, fallback: number) => {
  const n = Math.round(Number(value));
  return Number.isFinite(n) && n >= min && n <= max ? n : fallback;
};

/** Opens the dialog (made once, refilled each time); `opener` gets the focus back when it closes. */
export function openEmbedDialog(context: EmbedDialogContext, opener: HTMLElement | null): HTMLDialogElement {
  document.getElementById('embed-dialog')?.remove();
  const dialog = document.createElement('dialog');
  dialog.id = 'embed-dialog';
  dialog.setAttribute('aria-labelledby', 'embed-dialog-title');
  const heading = document.createElement('h2');
  heading.id = 'embed-dialog-title';
  heading.textContent = t('heading');
  const intro = document.createElement('p');
  intro.textContent = t('intro');

  const title = input('text', 'embed-title-input', '', { maxLength: 140 });
  const width = input('number', 'embed-width', String(DEFAULT_WIDTH), { min: '240', max: '1600', step: '10' });
  const height = input('number', 'embed-height', String(DEFAULT_HEIGHT), { min: String(MIN_HEIGHT), max: String(MAX_HEIGHT), step: '10' });
  const legend = input('checkbox', 'embed-legend-input', DEFAULT_EMBED.legend);
  const interactive = input('checkbox', 'embed-interactive', DEFAULT_EMBED.interactive);
  const special = input('checkbox', 'embed-special', context.state.special);
  const resize = input('checkbox', 'embed-resize', true);
  const options = document.createElement('div');
  options.className = 'embed-options';
  options.append(field(t('title'), title), field(t('width'), width), field(t('height'), height), field(t('legend'), legend), field(t('interactive'), interactive), field(t('special'), special), field(t('resize'), resize));

  const codeLabel = document.createElement('label');
  codeLabel.htmlFor = 'embed-code';
  codeLabel.textContent = t('code');
  const code = document.createElement('textarea');
  code.id = 'embed-code';
  code.readOnly = true;
  code.rows = 5;
  code.spellcheck = false;
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.id = 'embed-copy';
  copy.textContent = t('copy');
  const said = document.createElement('p');
  said.className = 'embed-said';
  said.setAttribute('role', 'status');

  const previewHeading = document.createElement('h3');
  previewHeading.textContent = t('preview');
  const preview = document.createElement('div');
  preview.className = 'embed-preview';

  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'embed-close';
  close.textContent = t('close');
  close.addEventListener('click', () => dialog.close());

  dialog.append(close, heading, intro, options, codeLabel, code, copy, said, previewHeading, preview);
  document.body.append(dialog);

  let previewSrc = '';
  const update = () => {
    const params: EmbedParams = {
      map: { ...context.state, special: special.checked, view: null },
      title: title.value.replace(/\s+/g, ' ').trim() || null,
      legend: legend.checked,
      interactive: interactive.checked,
      height: null,
    };
    const src = `${location.origin}/embed${searchFromEmbedParams(params)}`;
    const w = clamp(width.value, 240, 1600, DEFAULT_WIDTH);
    const h = clamp(height.value, MIN_HEIGHT, MAX_HEIGHT, DEFAULT_HEIGHT);
    const frameTitle = params.title ?? t('frameTitle', { scope: context.scopeName ?? t('country'), period: context.period ? formatPeriod(context.period) : '' });
    code.value = iframeSnippet({ src, width: w, height: h, title: frameTitle, ...(resize.checked ? { resizeScriptOrigin: location.origin } : {}) });
    said.textContent = '';
    // The preview frame is replaced only when what it shows changes (not for its size).
    let frame = preview.querySelector('iframe');
    if (!frame || src !== previewSrc) {
      frame = document.createElement('iframe');
      frame.src = previewSrc = src;
      frame.title = frameTitle;
      preview.replaceChildren(frame);
    }
    frame.title = frameTitle;
    frame.style.width = `${w}px`;
    frame.style.height = `${h}px`;
  };
  for (const el of [title, width, height, legend, interactive, special, resize]) el.addEventListener('input', update);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.value);
      said.textContent = t('copied');
    } catch {
      code.focus();
      code.select();
      said.textContent = document.execCommand('copy') ? t('copied') : t('copyFailed');
    }
  });
  code.addEventListener('focus', () => code.select());
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener?.focus();
  });
  update();
  dialog.showModal();
  title.focus();
  return dialog;
}
