/** @module The small form under a recognition's row that records its revocation (decision, date, reason);
 * POST /admin/recognitions/{id}/revocation. Escape or "Cancel" closes it and returns focus to the button. */
import { strings } from '../../i18n/i18n.ts';
import { workspaceSend } from '../workspace-http.ts';
import { h } from '../../dom/h.ts';
import { field, statusLine } from '../common/field.ts';
import { clearErrors, showErrors } from '../common/form-errors.ts';
import { todayInVietnam } from '../common/workspace-words.ts';
import type { Recognition } from '../../api/answers.ts';

const t = strings({
  vi: { legend: 'Thu hồi công nhận: {unit}', decision: 'Số quyết định thu hồi', date: 'Ngày quyết định thu hồi', reason: 'Lý do', reasonHint: 'Ví dụ: Không còn đạt tiêu chí 17 (Môi trường)', save: 'Ghi nhận thu hồi', cancel: 'Hủy', saving: 'Đang lưu…' },
  en: { legend: 'Revoke the recognition of {unit}', decision: 'Revocation decision number', date: 'Revocation date', reason: 'Reason', reasonHint: 'E.g. No longer meets criterion 17 (Environment)', save: 'Record the revocation', cancel: 'Cancel', saving: 'Saving…' },
});

/** The form that revokes a recognition; `onDone` gets the revoked record, or null when cancelled (Escape or
 * Cancel). */
export function revokeForm(r: Recognition, onDone: (saved: Recognition | null) => void): HTMLFormElement {
  const fields = {
    decision: field(t('decision'), h('input', { name: 'decision', required: true, maxlength: 120, autocomplete: 'off' })),
    date: field(t('date'), h('input', { name: 'date', type: 'date', required: true, min: r.decision_date ?? undefined, max: todayInVietnam() })),
    reason: field(t('reason'), h('textarea', { name: 'reason', required: true, rows: 2, maxlength: 2000 }), t('reasonHint')),
  };
  const status = statusLine();
  const save = h('button', { type: 'submit', class: 'primary' }, t('save'));
  const cancel = h('button', { type: 'button', class: 'secondary' }, t('cancel'));
  const form = h('form', { class: 'revoke-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, t('legend', { unit: r.unit.name })), h('div', { class: 'form-grid' }, ...Object.values(fields).map((f) => f.wrap)), h('div', { class: 'row' }, save, cancel, status)),
  );
  cancel.addEventListener('click', () => onDone(null));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') onDone(null);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(fields);
    save.disabled = true;
    status.textContent = t('saving');
    try {
      const body = { decision: fields.decision.input.value, date: fields.date.input.value, reason: fields.reason.input.value };
      onDone(await workspaceSend<Recognition>('POST', `/admin/recognitions/${r.id}/revocation`, body));
    } catch (error) {
      showErrors(error, fields, status);
      save.disabled = false;
    }
  });
  return form;
}
