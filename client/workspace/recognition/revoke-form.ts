// The small form under a recognition's row that records its revocation (decision, date, reason);
// POST /admin/recognitions/{id}/revocation. Escape or "Cancel" closes it and returns focus to the button.
import { strings } from '../../i18n/i18n.ts';
import { workspaceSend } from '../workspace-http.ts';
import { el, field, statusLine } from '../dom.ts';
import { clearErrors, showErrors } from '../common/form-errors.ts';
import { todayInVietnam } from '../common/workspace-words.ts';
import type { Recognition } from '../../api/answers.ts';

const t = strings({
  vi: { legend: 'Thu hồi công nhận: {unit}', decision: 'Số quyết định thu hồi', date: 'Ngày quyết định thu hồi', reason: 'Lý do', reasonHint: 'Ví dụ: Không còn đạt tiêu chí 17 (Môi trường)', save: 'Ghi nhận thu hồi', cancel: 'Hủy', saving: 'Đang lưu…' },
  en: { legend: 'Revoke the recognition of {unit}', decision: 'Revocation decision number', date: 'Revocation date', reason: 'Reason', reasonHint: 'E.g. No longer meets criterion 17 (Environment)', save: 'Record the revocation', cancel: 'Cancel', saving: 'Saving…' },
});

export function revokeForm(r: Recognition, onDone: (saved: Recognition | null) => void): HTMLFormElement {
  const fields = {
    decision: field(t('decision'), el('input', { name: 'decision', required: true, maxlength: 120, autocomplete: 'off' })),
    date: field(t('date'), el('input', { name: 'date', type: 'date', required: true, min: r.decision_date ?? undefined, max: todayInVietnam() })),
    reason: field(t('reason'), el('textarea', { name: 'reason', required: true, rows: 2, maxlength: 2000 }), t('reasonHint')),
  };
  const status = statusLine();
  const save = el('button', { type: 'submit', class: 'primary', text: t('save') });
  const cancel = el('button', { type: 'button', class: 'secondary', text: t('cancel') });
  const form = el('form', { class: 'revoke-form', novalidate: true },
    el('fieldset', {}, el('legend', { text: t('legend', { unit: r.unit.name }) }), el('div', { class: 'form-grid' }, ...Object.values(fields).map((f) => f.wrap)), el('div', { class: 'row' }, save, cancel, status)),
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
