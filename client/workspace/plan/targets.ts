// The targets of a scope (metric, value, deadline, source) with add, edit and delete for the officials
// allowed to change them (`editable`); GET|POST /admin/targets, PUT|DELETE /admin/targets/{id}.
import { strings } from '../../i18n/i18n.ts';
import { workspaceGet, workspaceSend } from '../workspace-http.ts';
import { el, field, statusLine } from '../dom.ts';
import { clearErrors, showErrors } from '../common/form-errors.ts';
import { dateText } from '../common/workspace-words.ts';
import type { UnitRef } from '../scope-picker.ts';
import type { Target, TargetList } from '../../api/answers.ts';
import { stackTable } from '../common/stack-table.ts';

const t = strings({
  vi: {
    title: 'Chỉ tiêu', none: 'Chưa có chỉ tiêu nào.', caption: 'Chỉ tiêu và số liệu đã công bố của {scope}', unit: 'Đơn vị', metric: 'Mã chỉ tiêu', value: 'Giá trị', deadline: 'Thời hạn', source: 'Nguồn',
    reported: 'số liệu báo cáo', edit: 'Sửa', del: 'Xóa', editLabel: 'Sửa chỉ tiêu {metric}', delLabel: 'Xóa chỉ tiêu {metric}', confirm: 'Xóa chỉ tiêu "{metric}" ({value})? Nhật ký thay đổi vẫn giữ bản ghi.',
    addTitle: 'Thêm chỉ tiêu', editTitle: 'Sửa chỉ tiêu {metric}', scope: 'Chỉ tiêu của', metricHint: 'Ví dụ: target_communes_ntm', valueHint: 'Như văn bản ghi, ví dụ: >=60 hoặc 84/127',
    kind: 'Loại', kindTarget: 'Chỉ tiêu phải đạt', kindReported: 'Số liệu báo cáo tại ngày', sourceUrl: 'Đường dẫn nguồn (không bắt buộc)', note: 'Ghi chú (không bắt buộc)',
    save: 'Lưu chỉ tiêu', cancel: 'Hủy sửa', saving: 'Đang lưu…', saved: 'Đã lưu chỉ tiêu {metric}.', deleted: 'Đã xóa chỉ tiêu {metric}.',
    national: 'Chỉ tiêu quốc gia (để đối chiếu)', nationalCaption: 'Chỉ tiêu quốc gia cùng giai đoạn',
  },
  en: {
    title: 'Targets', none: 'No target yet.', caption: 'Targets and reported figures of {scope}', unit: 'Unit', metric: 'Metric', value: 'Value', deadline: 'Deadline', source: 'Source',
    reported: 'reported figure', edit: 'Edit', del: 'Delete', editLabel: 'Edit target {metric}', delLabel: 'Delete target {metric}', confirm: 'Delete the target "{metric}" ({value})? The audit trail keeps the record.',
    addTitle: 'Add a target', editTitle: 'Edit target {metric}', scope: 'Target of', metricHint: 'E.g. target_communes_ntm', valueHint: 'As the document writes it, e.g. >=60 or 84/127',
    kind: 'Kind', kindTarget: 'A target to reach', kindReported: 'A figure reported at a date', sourceUrl: 'Link to the source (optional)', note: 'Note (optional)',
    save: 'Save the target', cancel: 'Cancel editing', saving: 'Saving…', saved: 'Target {metric} saved.', deleted: 'Target {metric} deleted.',
    national: 'National targets (for comparison)', nationalCaption: 'National targets of the same period',
  },
});

/** The targets section; `scopes` are the province/districts a new target may be set for (empty: read only). */
export async function targetsSection(query: string, scopes: UnitRef[]): Promise<HTMLElement> {
  const section = el('section', { 'aria-labelledby': 'targets-title' });
  const status = statusLine();
  let editing: Target | null = null;

  const fields = {
    scope: field(t('scope'), el('select', { name: 'scope' }, ...scopes.map((u) => el('option', { value: u.code, text: u.name })))),
    metric: field(t('metric'), el('input', { name: 'metric', required: true, maxlength: 160, autocomplete: 'off' }), t('metricHint')),
    value: field(t('value'), el('input', { name: 'value', required: true, maxlength: 300 }), t('valueHint')),
    kind: field(t('kind'), el('select', { name: 'kind' }, el('option', { value: 'target', text: t('kindTarget') }), el('option', { value: 'reported', text: t('kindReported') }))),
    deadline: field(t('deadline'), el('input', { name: 'deadline', type: 'date', required: true })),
    source: field(t('source'), el('input', { name: 'source', required: true, maxlength: 500 })),
    source_url: field(t('sourceUrl'), el('input', { name: 'source_url', type: 'url', inputmode: 'url', placeholder: 'https://…' })),
    note: field(t('note'), el('textarea', { name: 'note', rows: 2, maxlength: 2000 })),
  };
  const formTitle = el('h2', { id: 'target-form-title', text: t('addTitle') });
  const save = el('button', { type: 'submit', class: 'primary', text: t('save') });
  const cancel = el('button', { type: 'button', class: 'secondary', text: t('cancel'), hidden: true });
  const form = el('form', { class: 'card', novalidate: true, 'aria-labelledby': 'target-form-title' }, formTitle, el('div', { class: 'form-grid' }, ...Object.values(fields).map((f) => f.wrap)), el('div', { class: 'row' }, save, cancel, status));

  const fill = (target: Target | null) => {
    editing = target;
    clearErrors(fields);
    formTitle.textContent = target ? t('editTitle', { metric: target.metric }) : t('addTitle');
    fields.scope.wrap.hidden = target !== null;
    cancel.hidden = target === null;
    fields.metric.input.value = target?.metric ?? '';
    fields.value.input.value = target?.value ?? '';
    fields.kind.input.value = target?.kind ?? 'target';
    fields.deadline.input.value = target?.deadline ?? '';
    fields.source.input.value = target?.source ?? '';
    fields.source_url.input.value = target?.source_url ?? '';
    fields.note.input.value = target?.note ?? '';
  };
  cancel.addEventListener('click', () => {
    fill(null);
    fields.metric.input.focus();
  });

  const tableHolder = el('div');
  const render = async () => {
    const list = await workspaceGet<TargetList>(`/admin/targets?${query}`);
    tableHolder.replaceChildren(nationalTable(list), targetTable(list, {
      edit(target) {
        fill(target);
        form.scrollIntoView({ block: 'start' });
        fields.metric.input.focus();
      },
      async remove(target) {
        if (!window.confirm(t('confirm', { metric: target.metric, value: target.value }))) return;
        try {
          await workspaceSend('DELETE', `/admin/targets/${target.id}`);
          status.textContent = t('deleted', { metric: target.metric });
          await render();
          if (editing?.id === target.id) fill(null);
          section.querySelector<HTMLElement>('#targets-title')?.focus();
        } catch (error) {
          showErrors(error, {}, status);
        }
      },
    }));
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(fields);
    save.disabled = true;
    status.textContent = t('saving');
    const optional = (v: string) => (v.trim() ? v.trim() : undefined);
    const body = {
      metric: fields.metric.input.value,
      value: fields.value.input.value,
      kind: fields.kind.input.value,
      deadline: fields.deadline.input.value,
      source: fields.source.input.value,
      source_url: optional(fields.source_url.input.value),
      note: optional(fields.note.input.value),
    };
    try {
      const saved = editing
        ? await workspaceSend<Target>('PUT', `/admin/targets/${editing.id}`, body)
        : await workspaceSend<Target>('POST', '/admin/targets', { scope: fields.scope.input.value, ...body });
      fill(null);
      await render();
      status.textContent = t('saved', { metric: saved.metric });
    } catch (error) {
      showErrors(error, fields, status);
    } finally {
      save.disabled = false;
    }
  });

  section.append(el('h2', { id: 'targets-title', tabindex: -1, text: t('title') }), tableHolder);
  await render();
  if (scopes.length) section.append(form);
  else section.append(status);
  return section;
}

/** The national targets beside the scope's own (read only): what the province's targets answer to. */
function nationalTable(list: TargetList): HTMLElement | string {
  if (!list.national?.length) return '';
  const table = el('table', { class: 'list' }, el('caption', { text: t('nationalCaption') }),
    el('thead', {}, el('tr', {}, ...[t('metric'), t('value'), t('deadline'), t('source')].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...list.national.map((n) => el('tr', {},
      el('th', { scope: 'row' }, el('code', { text: n.metric }), n.note ? el('span', { class: 'sub', text: n.note }) : null),
      el('td', { text: n.value }),
      el('td', { class: 'nowrap', text: dateText(n.deadline) }),
      el('td', { class: 'source' }, n.source_url ? el('a', { href: n.source_url, rel: 'noopener', target: '_blank', text: n.source }) : n.source),
    ))),
  );
  return el('section', { class: 'national-targets', 'aria-label': t('national') }, el('h3', { text: t('national') }), el('div', { class: 'table-wrap' }, stackTable(table)));
}

function targetTable(list: TargetList, actions: { edit(t: Target): void; remove(t: Target): void }): HTMLElement {
  if (!list.targets.length) return el('p', { text: t('none') });
  const anyEditable = list.targets.some((x) => x.editable);
  const headers = [t('unit'), t('metric'), t('value'), t('deadline'), t('source')];
  if (anyEditable) headers.push('');
  const table = el('table', { class: 'list' }, el('caption', { text: t('caption', { scope: list.scope.name }) }), el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col', text: h })))));
  const body = el('tbody');
  for (const target of list.targets) {
    const row = el('tr', {},
      el('td', { text: target.scope_name }),
      el('th', { scope: 'row' }, el('code', { text: target.metric }), target.kind === 'reported' ? el('span', { class: 'badge', text: t('reported') }) : null, target.note ? el('span', { class: 'sub', text: target.note }) : null),
      el('td', { text: target.value }),
      el('td', { class: 'nowrap', text: dateText(target.deadline) }),
      el('td', { class: 'source' }, target.source_url ? el('a', { href: target.source_url, rel: 'noopener', target: '_blank', text: target.source }) : target.source),
    );
    if (anyEditable) {
      const cell = el('td', { class: 'actions' });
      if (target.editable) {
        const edit = el('button', { type: 'button', class: 'secondary small', text: t('edit'), 'aria-label': t('editLabel', { metric: target.metric }) });
        const del = el('button', { type: 'button', class: 'secondary small danger', text: t('del'), 'aria-label': t('delLabel', { metric: target.metric }) });
        edit.addEventListener('click', () => actions.edit(target));
        del.addEventListener('click', () => actions.remove(target));
        cell.append(edit, del);
      }
      row.append(cell);
    }
    body.append(row);
  }
  table.append(body);
  return el('div', { class: 'table-wrap' }, stackTable(table));
}
