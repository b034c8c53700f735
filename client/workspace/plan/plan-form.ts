/** @module "Add a planned commune": a rural commune of the scope, the level it is to reach, by when (a half-year
 * or a year) and the plan that names it; POST /admin/plans. */
import { strings } from '../../i18n/i18n.ts';
import { workspaceSend } from '../workspace-http.ts';
import { h } from '../../dom/h.ts';
import { field } from '../common/field.ts';
import { recordForm } from '../common/record-form.ts';
import { ALL_RECOGNITION_LEVELS, dueName, levelName } from '../common/workspace-words.ts';
import { communeOptions, type DistrictCommunes } from '../common/units.ts';

const t = strings({
  vi: { levelHint: 'Đến 01/2026: đạt chuẩn, nâng cao, kiểu mẫu; hạn từ 02/2026: đạt chuẩn hoặc NTM hiện đại (51/2025/QĐ-TTg).', title: 'Thêm xã vào kế hoạch', commune: 'Xã', choose: '— chọn xã —', level: 'Mức phấn đấu', due: 'Hạn đạt', plan: 'Tên kế hoạch', planHint: 'Ví dụ: Kế hoạch 104/KH-BCĐ ngày 15/02/2024', add: 'Thêm vào kế hoạch', saving: 'Đang lưu…', saved: 'Đã thêm vào kế hoạch.' },
  en: { levelHint: 'Until 01/2026: standard, advanced, model; due from 02/2026: standard or modern NTM (51/2025/QĐ-TTg).', title: 'Add a planned commune', commune: 'Commune', choose: '— choose a commune —', level: 'Target level', due: 'Due by', plan: 'Plan', planHint: 'E.g. Kế hoạch 104/KH-BCĐ ngày 15/02/2024', add: 'Add to the plan', saving: 'Saving…', saved: 'Added to the plan.' },
});

/** The due half-years and years offered: the end of 2021-2025 and the 2026-2030 programme. */
export const DUES = ['2025-H1', '2025-H2', '2025', '2026-H1', '2026-H2', '2026', '2027', '2028', '2029', '2030'] as const;

/** The form that adds a planned commune of the scope; `onSaved` gets the confirmation to show after the list
 * reloads. */
export function planForm(groups: DistrictCommunes[], onSaved: (message: string) => void): HTMLElement {
  const fields = {
    commune: field(t('commune'), h('select', { name: 'commune', required: true }, h('option', { value: '' }, t('choose')), ...communeOptions(groups))),
    target_level: field(t('level'), h('select', { name: 'target_level' }, ...ALL_RECOGNITION_LEVELS.map((l) => h('option', { value: l }, levelName(l)))), t('levelHint')),
    due: field(t('due'), h('select', { name: 'due' }, ...DUES.map((d) => h('option', { value: d }, dueName(d))))),
    plan: field(t('plan'), h('input', { name: 'plan', required: true, maxlength: 300 }), t('planHint')),
  };
  return recordForm({
    id: 'plan-form-title',
    title: t('title'),
    fields,
    submit: t('add'),
    saving: t('saving'),
    send: (f) => workspaceSend('POST', '/admin/plans', { commune: f.commune.input.value, target_level: f.target_level.input.value, due: f.due.input.value, plan: f.plan.input.value }),
    saved: (_answer, status) => {
      status.textContent = t('saved');
      onSaved(t('saved'));
    },
  }).form;
}
