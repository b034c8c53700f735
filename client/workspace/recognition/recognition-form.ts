/** @module "Record a recognition decision": unit (a rural commune, or a district for province officers), level,
 * decision number, date, signer, link to the document and a note; POST /admin/recognitions. */
import { strings } from '../../i18n/i18n.ts';
import { workspaceSend } from '../workspace-http.ts';
import { h } from '../../dom/h.ts';
import { field } from '../common/field.ts';
import { recordForm } from '../common/record-form.ts';
import { ALL_RECOGNITION_LEVELS, levelName, todayInVietnam } from '../common/workspace-words.ts';
import { communeOptions, type DistrictCommunes } from '../common/units.ts';
import type { Recognition } from '../../api/answers.ts';

const t = strings({
  vi: {
    levelHint: 'Đến 01/2026: đạt chuẩn, nâng cao, kiểu mẫu (318/QĐ-TTg); từ 02/2026: đạt chuẩn, NTM hiện đại (51/2025/QĐ-TTg). Mức phải thuộc bộ tiêu chí có hiệu lực vào ngày quyết định.',
    title: 'Ghi nhận quyết định công nhận', unit: 'Đơn vị được công nhận', choose: '— chọn xã —', level: 'Mức công nhận', decision: 'Số quyết định', decisionHint: 'Ví dụ: 1234/QĐ-UBND',
    date: 'Ngày quyết định', signer: 'Người ký', signerHint: 'Ví dụ: Chủ tịch UBND tỉnh', url: 'Đường dẫn văn bản (không bắt buộc)', note: 'Ghi chú (không bắt buộc)',
    save: 'Ghi nhận quyết định', saving: 'Đang lưu…', saved: 'Đã ghi nhận: {unit}, {level}, quyết định {decision}.',
  },
  en: {
    levelHint: 'Until 01/2026: standard, advanced, model (318/QĐ-TTg); from 02/2026: standard, modern NTM (51/2025/QĐ-TTg). The level must be one of the criteria set in force on the decision date.',
    title: 'Record a recognition decision', unit: 'Unit recognised', choose: '— choose a commune —', level: 'Level', decision: 'Decision number', decisionHint: 'E.g. 1234/QĐ-UBND',
    date: 'Decision date', signer: 'Signed by', signerHint: 'E.g. Chairman of the provincial People\'s Committee', url: 'Link to the document (optional)', note: 'Note (optional)',
    save: 'Record the decision', saving: 'Saving…', saved: 'Recorded: {unit}, {level}, decision {decision}.',
  },
});

/** `levels`: those offered first (the listed period's set); the others follow, as a decision may be of another date. */
export function recognitionForm(groups: DistrictCommunes[], withDistricts: boolean, onSaved: (r: Recognition) => void, levels: readonly string[] = []): HTMLElement {
  const ordered = [...ALL_RECOGNITION_LEVELS].sort((a, b) => Number(!levels.includes(a)) - Number(!levels.includes(b)));
  const fields = {
    unit: field(t('unit'), h('select', { name: 'unit', required: true }, h('option', { value: '' }, t('choose')), ...communeOptions(groups, null, withDistricts))),
    level: field(t('level'), h('select', { name: 'level', required: true }, ...ordered.map((l) => h('option', { value: l }, levelName(l)))), t('levelHint')),
    decision: field(t('decision'), h('input', { name: 'decision', required: true, maxlength: 120, autocomplete: 'off' }), t('decisionHint')),
    decision_date: field(t('date'), h('input', { name: 'decision_date', type: 'date', required: true, max: todayInVietnam() })),
    signer: field(t('signer'), h('input', { name: 'signer', required: true, maxlength: 200 }), t('signerHint')),
    document_url: field(t('url'), h('input', { name: 'document_url', type: 'url', inputmode: 'url', placeholder: 'https://…' })),
    note: field(t('note'), h('textarea', { name: 'note', rows: 2, maxlength: 2000 })),
  };
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);
  return recordForm({
    id: 'record-title',
    title: t('title'),
    formClass: 'card record-form',
    fields,
    submit: t('save'),
    saving: t('saving'),
    send: (f) => workspaceSend<Recognition>('POST', '/admin/recognitions', {
      unit: f.unit.input.value,
      level: f.level.input.value,
      decision: f.decision.input.value,
      decision_date: f.decision_date.input.value,
      signer: f.signer.input.value,
      document_url: optional(f.document_url.input.value),
      note: optional(f.note.input.value),
    }),
    saved: (saved, status) => {
      status.textContent = t('saved', { unit: saved.unit.name, level: levelName(saved.level), decision: saved.decision ?? '' });
      onSaved(saved);
    },
  }).form;
}
