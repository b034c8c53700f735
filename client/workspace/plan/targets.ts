/** @module The targets of a scope (metric, value, deadline, source) with add, edit and delete for the officials
 * allowed to change them (`editable`); GET|POST /admin/targets, PUT|DELETE /admin/targets/{id}. */
import { strings } from '../../i18n/i18n.ts';
import { workspaceGet, workspaceSend } from '../workspace-http.ts';
import { h } from '../../dom/h.ts';
import { field } from '../common/field.ts';
import { clearErrors, showErrors } from '../common/form-errors.ts';
import { recordForm } from '../common/record-form.ts';
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
  const section = h('section', { 'aria-labelledby': 'targets-title' });
  let editing: Target | null = null;

  const fields = {
    scope: field(t('scope'), h('select', { name: 'scope' }, ...scopes.map((u) => h('option', { value: u.code }, u.name)))),
    metric: field(t('metric'), h('input', { name: 'metric', required: true, maxlength: 160, autocomplete: 'off' }), t('metricHint')),
    value: field(t('value'), h('input', { name: 'value', required: true, maxlength: 300 }), t('valueHint')),
    kind: field(t('kind'), h('select', { name: 'kind' }, h('option', { value: 'target' }, t('kindTarget')), h('option', { value: 'reported' }, t('kindReported')))),
    deadline: field(t('deadline'), h('input', { name: 'deadline', type: 'date', required: true })),
    source: field(t('source'), h('input', { name: 'source', required: true, maxlength: 500 })),
    source_url: field(t('sourceUrl'), h('input', { name: 'source_url', type: 'url', inputmode: 'url', placeholder: 'https://…' })),
    note: field(t('note'), h('textarea', { name: 'note', rows: 2, maxlength: 2000 })),
  };
  const cancel = h('button', { type: 'button', class: 'secondary', hidden: true }, t('cancel'));
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);
  const { form, heading: formTitle, status } = recordForm({
    id: 'target-form-title',
    title: t('addTitle'),
    fields,
    submit: t('save'),
    saving: t('saving'),
    actions: [cancel],
    send: (f) => {
      const body = {
        metric: f.metric.input.value,
        value: f.value.input.value,
        kind: f.kind.input.value,
        deadline: f.deadline.input.value,
        source: f.source.input.value,
        source_url: optional(f.source_url.input.value),
        note: optional(f.note.input.value),
      };
      return editing
        ? workspaceSend<Target>('PUT', `/admin/targets/${editing.id}`, body)
        : workspaceSend<Target>('POST', '/admin/targets', { scope: f.scope.input.value, ...body });
    },
    saved: async (saved, line) => {
      fill(null);
      await render();
      line.textContent = t('saved', { metric: saved.metric });
    },
  });

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

  const tableHolder = h('div');
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

  section.append(h('h2', { id: 'targets-title', tabindex: -1 }, t('title')), tableHolder);
  await render();
  if (scopes.length) section.append(form);
  else section.append(status);
  return section;
}

/** The national targets beside the scope's own (read only): what the province's targets answer to. */
function nationalTable(list: TargetList): HTMLElement | string {
  if (!list.national?.length) return '';
  const table = h('table', { class: 'list' }, h('caption', {}, t('nationalCaption')),
    h('thead', {}, h('tr', {}, ...[t('metric'), t('value'), t('deadline'), t('source')].map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, ...list.national.map((n) => h('tr', {},
      h('th', { scope: 'row' }, h('code', {}, n.metric), n.note ? h('span', { class: 'sub' }, n.note) : null),
      h('td', {}, n.value),
      h('td', { class: 'nowrap' }, dateText(n.deadline)),
      h('td', { class: 'source' }, n.source_url ? h('a', { href: n.source_url, rel: 'noopener', target: '_blank' }, n.source) : n.source),
    ))),
  );
  return h('section', { class: 'national-targets', 'aria-label': t('national') }, h('h3', {}, t('national')), h('div', { class: 'table-wrap' }, stackTable(table)));
}

function targetTable(list: TargetList, actions: { edit(t: Target): void; remove(t: Target): void }): HTMLElement {
  if (!list.targets.length) return h('p', {}, t('none'));
  const anyEditable = list.targets.some((x) => x.editable);
  const headers = [t('unit'), t('metric'), t('value'), t('deadline'), t('source')];
  if (anyEditable) headers.push('');
  const table = h('table', { class: 'list' }, h('caption', {}, t('caption', { scope: list.scope.name })), h('thead', {}, h('tr', {}, ...headers.map((label) => h('th', { scope: 'col' }, label)))));
  const body = h('tbody');
  for (const target of list.targets) {
    const row = h('tr', {},
      h('td', {}, target.scope_name),
      h('th', { scope: 'row' }, h('code', {}, target.metric), target.kind === 'reported' ? h('span', { class: 'badge' }, t('reported')) : null, target.note ? h('span', { class: 'sub' }, target.note) : null),
      h('td', {}, target.value),
      h('td', { class: 'nowrap' }, dateText(target.deadline)),
      h('td', { class: 'source' }, target.source_url ? h('a', { href: target.source_url, rel: 'noopener', target: '_blank' }, target.source) : target.source),
    );
    if (anyEditable) {
      const cell = h('td', { class: 'actions' });
      if (target.editable) {
        const edit = h('button', { type: 'button', class: 'secondary small', 'aria-label': t('editLabel', { metric: target.metric }) }, t('edit'));
        const del = h('button', { type: 'button', class: 'secondary small danger', 'aria-label': t('delLabel', { metric: target.metric }) }, t('del'));
        edit.addEventListener('click', () => actions.edit(target));
        del.addEventListener('click', () => actions.remove(target));
        cell.append(edit, del);
      }
      row.append(cell);
    }
    body.append(row);
  }
  table.append(body);
  return h('div', { class: 'table-wrap' }, stackTable(table));
}
