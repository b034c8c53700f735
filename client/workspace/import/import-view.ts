/** @module "Import a file": download the template (CSV or XLSX, one row per criterion or one column per
 * criterion, pre-filled with the district's communes), upload the filled file, see every error with its
 * line and column or a preview of what would change, then apply the whole file at once. */
import { formatNumber, formatPeriod, strings } from '../../i18n/i18n.ts';
import { ApiFailure } from '../../api/http.ts';
import { workspaceUpload } from '../workspace-http.ts';
import { h } from '../../dom/h.ts';
import { errorText, field, statusLine } from '../common/field.ts';
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

/** Renders the import view: template downloads, the upload, its preview and the apply. */
export async function renderImport(main: HTMLElement, ctx: ViewContext): Promise<void> {
  let scope: Scope = homeScope(ctx.session);
  const picker = await periodPicker(null, () => renderLinks());
  const scopeEl = await scopePicker(ctx.session, scope, (s) => {
    scope = s;
    renderLinks();
  });
  const links = h('p', { class: 'row' });
  const renderLinks = () => {
    const select = picker.wrap.querySelector('select');
    const q = [scopeQuery(scope), `period=${select?.value ?? picker.value}`].filter(Boolean).join('&');
    links.replaceChildren(
      ...(['long', 'wide'] as const).flatMap((layout) => (['xlsx', 'csv'] as const).map((format) => h('a', { href: `/api/v1/admin/imports/template?format=${format}&layout=${layout}&${q}`, download: true }, `${t(layout)} (${format.toUpperCase()})`))),
    );
  };
  renderLinks();

  const file = field(t('file'), h('input', { type: 'file', name: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const check = h('button', { type: 'button', class: 'secondary' }, t('check'));
  const apply = h('button', { type: 'button', class: 'primary', disabled: true }, t('apply'));
  const status = statusLine();
  const result = h('div');
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
    h('h1', {}, t('title')),
    h('section', { class: 'card' }, h('h2', {}, t('step1')), h('p', { class: 'hint' }, t('templateHint')), h('div', { class: 'row' }, scopeEl, picker.wrap), links),
    h('section', { class: 'card' }, h('h2', {}, t('step2')), file.wrap, h('div', { class: 'row' }, check, apply), status, result),
  );
}

function preview(r: ImportResult): HTMLElement {
  const c = r.counts;
  const wrap = h('div', {}, h('p', {}, t('preview', { reviews: c.reviews, rows: r.file.rows, new: c.new, changed: c.changed, confirmed: c.confirmed, unchanged: c.unchanged, gained: c.criteria_gained, lost: c.criteria_lost })));
  const shown = r.reviews.filter((x) => x.status !== 'unchanged').slice(0, 200);
  if (shown.length === 0) return wrap;
  const table = h('table', { class: 'list' }, h('thead', {}, h('tr', {}, ...[t('commune'), t('period'), t('state'), t('gained'), t('lost'), ''].map((label) => h('th', { scope: 'col' }, label)))));
  const body = h('tbody');
  for (const x of shown) {
    body.append(h('tr', {},
      h('th', { scope: 'row' }, x.name),
      h('td', {}, formatPeriod(x.period)),
      h('td', {}, `${t(x.status)} · ${x.met_before === null ? '—' : formatNumber(x.met_before)} → ${formatNumber(x.met_after)}`),
      h('td', { class: 'diff-gained' }, x.gained.join(', ')),
      h('td', { class: 'diff-lost' }, x.lost.join(', ')),
      h('td', { class: 'hint' }, x.kept.length && x.kept_from ? t('kept', { period: formatPeriod(x.kept_from) }) : ''),
    ));
  }
  table.append(body);
  wrap.append(h('div', { class: 'table-wrap' }, table));
  return wrap;
}

function errorsOf(error: unknown): HTMLElement {
  if (!(error instanceof ApiFailure)) return h('p', { class: 'error', role: 'alert' }, errorText(error));
  const details = error.details as ImportErrors | undefined;
  if (!details?.errors?.length) return h('p', { class: 'error', role: 'alert' }, error.status === 403 ? `${t('forbidden')} ${error.message}` : error.message);
  const table = h('table', { class: 'list' }, h('thead', {}, h('tr', {}, ...[t('line'), t('column'), t('value'), t('problem')].map((label) => h('th', { scope: 'col' }, label)))));
  const body = h('tbody');
  for (const e of details.errors) body.append(h('tr', {}, h('td', { class: 'num' }, String(e.line)), h('td', {}, [e.column, e.header].filter(Boolean).join(' · ')), h('td', {}, e.value), h('td', {}, e.message)));
  table.append(body);
  return h('div', { role: 'alert' },
    h('p', { class: 'error' }, t('errors', { n: details.error_count })),
    details.truncated ? h('p', { class: 'hint' }, t('truncated', { shown: details.errors.length })) : null,
    h('div', { class: 'table-wrap' }, table),
  );
}
