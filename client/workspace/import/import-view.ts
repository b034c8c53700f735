// "Import a file": download the template (CSV or XLSX, one row per criterion or one column per
// criterion, pre-filled with the district's communes), upload the filled file, see every error with its
// line and column or a preview of what would change, then apply the whole file at once.
import { formatNumber, formatPeriod, strings } from '../../i18n/i18n.ts';
import { ApiFailure } from '../../api/http.ts';
import { workspaceUpload } from '../workspace-http.ts';
import { el, errorText, field, statusLine } from '../dom.ts';
import { periodPicker } from '../period-picker.ts';
import { homeScope, scopePicker, scopeQuery, type Scope } from '../scope-picker.ts';
import type { ViewContext } from '../views.ts';
import type { ImportErrors, ImportResult } from '../../api/answers.ts';

const t = strings({
  vi: {
    title: 'Nhập kết quả rà soát từ tệp', step1: '1. Tải mẫu', step2: '2. Tải lên tệp đã điền', step3: '3. Áp dụng',
    templateHint: 'Mẫu có tiêu đề tiếng Việt, điền sẵn các xã và kết quả tháng trước. Dạng dọc: mỗi dòng một xã và một tiêu chí; dạng ngang: mỗi dòng một xã, mỗi cột một tiêu chí.',
    long: 'Mẫu dạng dọc', wide: 'Mẫu dạng ngang', file: 'Tệp CSV hoặc XLSX', check: 'Kiểm tra (chưa ghi)', apply: 'Áp dụng toàn bộ tệp', checking: 'Đang kiểm tra…', applying: 'Đang ghi…',
    errors: 'Tệp có {n} lỗi; chưa có gì được ghi. Sửa các dòng dưới đây rồi tải lên lại.', truncated: 'Chỉ hiện {shown} lỗi đầu tiên.', line: 'Dòng', column: 'Cột', value: 'Giá trị', problem: 'Lỗi',
    preview: 'Tệp hợp lệ: {reviews} kết quả rà soát ({rows} dòng). Sẽ thêm mới {new}, thay đổi {changed}, xác nhận {confirmed}, giữ nguyên {unchanged}; {gained} lượt tiêu chí đạt thêm, {lost} lượt không còn đạt.',
    applied: 'Đã ghi toàn bộ tệp (mã lần nhập {id}). Bản đồ công khai đã cập nhật.', commune: 'Xã', period: 'Kỳ', state: 'Thay đổi', gained: 'Đạt thêm', lost: 'Không còn đạt', kept: 'Giữ theo {period}',
    new: 'mới', changed: 'thay đổi', confirmed: 'xác nhận', unchanged: 'giữ nguyên', pickFirst: 'Chọn tệp trước.', forbidden: 'Tệp có xã ngoài phạm vi của bạn: không ghi gì.', scope: 'Xã trong mẫu',
  },
  en: {
    title: 'Import reviews from a file', step1: '1. Download the template', step2: '2. Upload the filled file', step3: '3. Apply',
    templateHint: 'The template has Vietnamese headers and is pre-filled with the communes and last month\'s results. Long: one row per commune and criterion; wide: one row per commune, one column per criterion.',
    long: 'Long template', wide: 'Wide template', file: 'CSV or XLSX file', check: 'Check (nothing written)', apply: 'Apply the whole file', checking: 'Checking…', applying: 'Writing…',
    errors: 'The file has {n} errors; nothing was written. Fix the rows below and upload again.', truncated: 'Only the first {shown} errors are shown.', line: 'Line', column: 'Column', value: 'Value', problem: 'Problem',
    preview: 'The file is valid: {reviews} reviews ({rows} rows). It would add {new}, change {changed}, confirm {confirmed} and leave {unchanged}; {gained} criteria gained, {lost} lost.',
    applied: 'The whole file is written (import {id}). The public map is updated.', commune: 'Commune', period: 'Month', state: 'Change', gained: 'Gained', lost: 'Lost', kept: 'Kept from {period}',
    new: 'new', changed: 'changed', confirmed: 'confirmed', unchanged: 'unchanged', pickFirst: 'Choose a file first.', forbidden: 'The file has communes outside your scope: nothing written.', scope: 'Communes in the template',
  },
});

export async function renderImport(main: HTMLElement, ctx: ViewContext): Promise<void> {
  let scope: Scope = homeScope(ctx.session);
  const picker = await periodPicker(null, () => renderLinks());
  const scopeEl = await scopePicker(ctx.session, scope, (s) => {
    scope = s;
    renderLinks();
  });
  const links = el('p', { class: 'row' });
  const renderLinks = () => {
    const select = picker.wrap.querySelector('select');
    const q = [scopeQuery(scope), `period=${select?.value ?? picker.value}`].filter(Boolean).join('&');
    links.replaceChildren(
      ...(['long', 'wide'] as const).flatMap((layout) => (['xlsx', 'csv'] as const).map((format) => el('a', { href: `/api/v1/admin/imports/template?format=${format}&layout=${layout}&${q}`, download: true, text: `${t(layout)} (${format.toUpperCase()})` }))),
    );
  };
  renderLinks();

  const file = field(t('file'), el('input', { type: 'file', name: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const check = el('button', { type: 'button', class: 'secondary', text: t('check') });
  const apply = el('button', { type: 'button', class: 'primary', text: t('apply'), disabled: true });
  const status = statusLine();
  const result = el('div');
  let checkedFile: File | null = null;

  const upload = async (dryRun: boolean) => {
    const chosen = file.input instanceof HTMLInputElement ? file.input.files?.[0] : undefined;
    if (!chosen) return file.setError(t('pickFirst'));
    file.setError(null);
    check.disabled = apply.disabled = true;
    status.textContent = dryRun ? t('checking') : t('applying');
    result.replaceChildren();
    const form = new FormData();
    form.append('file', chosen);
    try {
      const answer = await workspaceUpload<ImportResult>(`/admin/imports?dryRun=${dryRun ? 1 : 0}`, form);
      status.textContent = answer.applied ? t('applied', { id: answer.import_id ?? '' }) : '';
      result.replaceChildren(preview(answer));
      checkedFile = answer.applied ? null : chosen;
      apply.disabled = answer.applied;
    } catch (error) {
      status.textContent = '';
      checkedFile = null;
      result.replaceChildren(errorsOf(error));
    } finally {
      check.disabled = false;
      if (!checkedFile) apply.disabled = true;
    }
  };
  check.addEventListener('click', () => void upload(true));
  apply.addEventListener('click', () => void upload(false));
  file.input.addEventListener('change', () => {
    checkedFile = null;
    apply.disabled = true;
    result.replaceChildren();
    status.textContent = '';
  });

  main.replaceChildren(
    el('h1', { text: t('title') }),
    el('section', { class: 'card' }, el('h2', { text: t('step1') }), el('p', { class: 'hint', text: t('templateHint') }), el('div', { class: 'row' }, scopeEl, picker.wrap), links),
    el('section', { class: 'card' }, el('h2', { text: t('step2') }), file.wrap, el('div', { class: 'row' }, check, apply), status, result),
  );
}

function preview(r: ImportResult): HTMLElement {
  const c = r.counts;
  const wrap = el('div', {}, el('p', { text: t('preview', { reviews: c.reviews, rows: r.file.rows, new: c.new, changed: c.changed, confirmed: c.confirmed, unchanged: c.unchanged, gained: c.criteria_gained, lost: c.criteria_lost }) }));
  const shown = r.reviews.filter((x) => x.status !== 'unchanged').slice(0, 200);
  if (shown.length === 0) return wrap;
  const table = el('table', { class: 'list' }, el('thead', {}, el('tr', {}, ...[t('commune'), t('period'), t('state'), t('gained'), t('lost'), ''].map((h) => el('th', { scope: 'col', text: h })))));
  const body = el('tbody');
  for (const x of shown) {
    body.append(el('tr', {},
      el('th', { scope: 'row', text: x.name }),
      el('td', { text: formatPeriod(x.period) }),
      el('td', { text: `${t(x.status)} · ${x.met_before === null ? '—' : formatNumber(x.met_before)} → ${formatNumber(x.met_after)}` }),
      el('td', { class: 'diff-gained', text: x.gained.join(', ') }),
      el('td', { class: 'diff-lost', text: x.lost.join(', ') }),
      el('td', { class: 'hint', text: x.kept.length && x.kept_from ? t('kept', { period: formatPeriod(x.kept_from) }) : '' }),
    ));
  }
  table.append(body);
  wrap.append(el('div', { class: 'table-wrap' }, table));
  return wrap;
}

function errorsOf(error: unknown): HTMLElement {
  if (!(error instanceof ApiFailure)) return el('p', { class: 'error', role: 'alert', text: errorText(error) });
  const details = error.details as ImportErrors | undefined;
  if (!details?.errors?.length) return el('p', { class: 'error', role: 'alert', text: error.status === 403 ? `${t('forbidden')} ${error.message}` : error.message });
  const table = el('table', { class: 'list' }, el('thead', {}, el('tr', {}, ...[t('line'), t('column'), t('value'), t('problem')].map((h) => el('th', { scope: 'col', text: h })))));
  const body = el('tbody');
  for (const e of details.errors) body.append(el('tr', {}, el('td', { class: 'num', text: String(e.line) }), el('td', { text: [e.column, e.header].filter(Boolean).join(' · ') }), el('td', { text: e.value }), el('td', { text: e.message })));
  table.append(body);
  return el('div', { role: 'alert' },
    el('p', { class: 'error', text: t('errors', { n: details.error_count }) }),
    details.truncated ? el('p', { class: 'hint', text: t('truncated', { shown: details.errors.length }) }) : null,
    el('div', { class: 'table-wrap' }, table),
  );
}
