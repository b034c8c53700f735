// "Add a planned commune": a rural commune of the scope, the level it is to reach, by when (a half-year
// or a year) and the plan that names it; POST /admin/plans.
import { strings } from '../../i18n/i18n.ts';
import { workspaceSend } from '../workspace-http.ts';
import { el, field, statusLine } from '../dom.ts';
import { clearErrors, showErrors } from '../common/form-errors.ts';
import { ALL_RECOGNITION_LEVELS, dueName, levelName } from '../common/workspace-words.ts';
import { communeOptions, type DistrictCommunes } from '../common/units.ts';

const t = strings({
  vi: { levelHint: 'Đến 01/2026: đạt chuẩn, nâng cao, kiểu mẫu; hạn từ 02/2026: đạt chuẩn hoặc NTM hiện đại (51/2025/QĐ-TTg).', title: 'Thêm xã vào kế hoạch', commune: 'Xã', choose: '— chọn xã —', level: 'Mức phấn đấu', due: 'Hạn đạt', plan: 'Tên kế hoạch', planHint: 'Ví dụ: Kế hoạch 104/KH-BCĐ ngày 15/02/2024', add: 'Thêm vào kế hoạch', saving: 'Đang lưu…', saved: 'Đã thêm vào kế hoạch.' },
  en: { levelHint: 'Until 01/2026: standard, advanced, model; due from 02/2026: standard or modern NTM (51/2025/QĐ-TTg).', title: 'Add a planned commune', commune: 'Commune', choose: '— choose a commune —', level: 'Target level', due: 'Due by', plan: 'Plan', planHint: 'E.g. Kế hoạch 104/KH-BCĐ ngày 15/02/2024', add: 'Add to the plan', saving: 'Saving…', saved: 'Added to the plan.' },
});

/** The due half-years and years offered: the end of 2021-2025 and the 2026-2030 programme. */
export const DUES = ['2025-H1', '2025-H2', '2025', '2026-H1', '2026-H2', '2026', '2027', '2028', '2029', '2030'] as const;

export function planForm(groups: DistrictCommunes[], onSaved: (message: string) => void): HTMLElement {
  const fields = {
    commune: field(t('commune'), el('select', { name: 'commune', required: true }, el('option', { value: '', text: t('choose') }), ...communeOptions(groups))),
    target_level: field(t('level'), el('select', { name: 'target_level' }, ...ALL_RECOGNITION_LEVELS.map((l) => el('option', { value: l, text: levelName(l) }))), t('levelHint')),
    due: field(t('due'), el('select', { name: 'due' }, ...DUES.map((d) => el('option', { value: d, text: dueName(d) })))),
    plan: field(t('plan'), el('input', { name: 'plan', required: true, maxlength: 300 }), t('planHint')),
  };
  const status = statusLine();
  const add = el('button', { type: 'submit', class: 'primary', text: t('add') });
  const form = el('form', { class: 'card', novalidate: true, 'aria-labelledby': 'plan-form-title' },
    el('h2', { id: 'plan-form-title', text: t('title') }),
    el('div', { class: 'form-grid' }, ...Object.values(fields).map((f) => f.wrap)),
    el('div', { class: 'row' }, add, status),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(fields);
    add.disabled = true;
    status.textContent = t('saving');
    try {
      await workspaceSend('POST', '/admin/plans', { commune: fields.commune.input.value, target_level: fields.target_level.input.value, due: fields.due.input.value, plan: fields.plan.input.value });
      status.textContent = t('saved');
      onSaved(t('saved'));
    } catch (error) {
      showErrors(error, fields, status);
    } finally {
      add.disabled = false;
    }
  });
  return form;
}
