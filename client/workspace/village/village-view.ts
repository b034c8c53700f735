/** @module "Villages": for a commune of the user's scope, the number of villages (thôn), of NTM villages and of
 * model villages (GET|PUT /admin/villages/{commune}), the shares they make, and each village target of the
 * commune's province, district or the country, met or not. */
import type { VillageCounts } from '../../api/answers.ts';
import { formatNumber, strings } from '../../i18n/i18n.ts';
import { workspaceGet, workspaceSend } from '../workspace-http.ts';
import { h } from '../../dom/h.ts';
import { field } from '../common/field.ts';
import { recordForm } from '../common/record-form.ts';
import { dateText, timeText } from '../common/workspace-words.ts';
import { communeOptions, communesByDistrict } from '../common/units.ts';
import { hashFor, listingScope, queryOf, scopeOf } from '../common/view-state.ts';
import { scopePicker } from '../scope-picker.ts';
import type { ViewContext } from '../views.ts';

const t = strings({
  vi: {
    title: 'Thôn nông thôn mới', commune: 'Xã', choose: '— chọn xã —', pickDistrict: 'Chọn một huyện, rồi một xã.', pickCommune: 'Chọn một xã để nhập số thôn.',
    villages: 'Số thôn', ntm: 'Số thôn đạt chuẩn NTM', model: 'Số thôn kiểu mẫu', modelHint: 'Thôn kiểu mẫu cũng là thôn NTM: kiểu mẫu ≤ NTM ≤ số thôn.',
    save: 'Lưu số thôn', saving: 'Đang lưu…', saved: 'Đã lưu lúc {time}.', unchanged: 'Không có thay đổi.', countsTitle: 'Số thôn của {commune}',
    never: 'Chưa nhập số thôn của xã này.', updated: 'Cập nhật bởi {by} lúc {at}.', ntmShare: 'Tỷ lệ thôn NTM: {share}', modelShare: 'Tỷ lệ thôn kiểu mẫu: {share}',
    targets: 'Chỉ tiêu về thôn', noTargets: 'Không có chỉ tiêu về thôn áp dụng cho xã này.', met: 'đạt', notMet: 'chưa đạt', notApplicable: 'không áp dụng cho xã này', unknown: 'chưa đánh giá được',
    deadline: 'hạn {date}', noVillage: 'xã không có thôn',
  },
  en: {
    title: 'NTM villages', commune: 'Commune', choose: '— choose a commune —', pickDistrict: 'Choose a district, then a commune.', pickCommune: 'Choose a commune to enter its village counts.',
    villages: 'Villages (thôn)', ntm: 'NTM villages', model: 'Model villages', modelHint: 'A model village is an NTM village too: model ≤ NTM ≤ villages.',
    save: 'Save the counts', saving: 'Saving…', saved: 'Saved at {time}.', unchanged: 'Nothing changed.', countsTitle: 'Villages of {commune}',
    never: 'No village counts entered for this commune yet.', updated: 'Updated by {by} at {at}.', ntmShare: 'NTM villages: {share}', modelShare: 'Model villages: {share}',
    targets: 'Village targets', noTargets: 'No village target applies to this commune.', met: 'met', notMet: 'not met', notApplicable: 'does not apply to this commune', unknown: 'cannot be judged yet',
    deadline: 'due {date}', noVillage: 'no village',
  },
});

/** Renders the village view: the commune to choose, its village counts form, the shares and the village targets. */
export async function renderVillages(main: HTMLElement, ctx: ViewContext): Promise<void> {
  const query = queryOf(ctx);
  const scope = scopeOf(ctx, query);
  const own = ctx.session.user.unit?.level === 'commune' ? ctx.session.user.unit.code : null;
  const chosen = own ?? query.get('commune');
  const go = (district: string | null, commune: string | null) => ctx.go(hashFor('villages', { province: scope.province, district, commune }));
  const picker = await scopePicker(ctx.session, scope, (s) => ctx.go(hashFor('villages', { province: s.province, district: s.district })), { provinceLevel: false });
  const controls = h('div', { class: 'row card' }, picker);
  const body = h('div');
  main.replaceChildren(h('h1', {}, t('title')), controls, body);
  if (!own) {
    const listing = await listingScope(ctx.session, scope);
    // Today's provinces have no districts: their communes are chosen from the province directly.
    const flat = !listing.district && listing.province ? await communesByDistrict({ province: listing.province, district: null }) : [];
    const today = flat.length === 1 && flat[0]!.district.level === 'province';
    if (!listing.district && !today) {
      body.append(h('p', {}, t('pickDistrict')));
      return;
    }
    const groups = today ? flat : await communesByDistrict(listing, ctx.session.user.unit?.level === 'district' ? ctx.session.user.unit.name : undefined);
    const select = h('select', { name: 'commune' }, h('option', { value: '' }, t('choose')), ...communeOptions(groups, chosen));
    select.addEventListener('change', () => go(listing.district, select.value || null));
    controls.append(field(t('commune'), select).wrap);
  } else controls.remove();
  if (!chosen) {
    body.append(h('p', {}, t('pickCommune')));
    return;
  }
  const data = await workspaceGet<VillageCounts>(`/admin/villages/${encodeURIComponent(chosen)}`);
  const result = h('div');
  const number = (name: string, value: number | undefined) => h('input', { name, type: 'number', inputmode: 'numeric', min: 0, max: 2000, step: 1, required: true, value: value ?? '' });
  const fields = {
    villages: field(t('villages'), number('villages', data.counts?.villages)),
    ntm_villages: field(t('ntm'), number('ntm_villages', data.counts?.ntm_villages)),
    model_villages: field(t('model'), number('model_villages', data.counts?.model_villages), t('modelHint')),
  };
  const value = (f: { input: HTMLInputElement }) => (f.input.value.trim() === '' ? null : Number(f.input.value));
  const { form } = recordForm({
    id: 'villages-title',
    title: t('countsTitle', { commune: data.commune.name }),
    gridClass: 'form-grid narrow',
    fields,
    submit: t('save'),
    saving: t('saving'),
    send: (f) => workspaceSend<VillageCounts>('PUT', `/admin/villages/${encodeURIComponent(chosen)}`, { villages: value(f.villages), ntm_villages: value(f.ntm_villages), model_villages: value(f.model_villages) }),
    saved: (saved, status) => {
      result.replaceChildren(...outcome(saved));
      status.textContent = saved.changed === false ? t('unchanged') : t('saved', { time: timeText(saved.counts?.updated_at ?? new Date().toISOString()) });
    },
  });
  result.append(...outcome(data));
  body.append(form, result);
}

const percent = (share: number | null) => (share === null ? t('noVillage') : `${formatNumber(share, { maximumFractionDigits: 1 })} %`);

function outcome(data: VillageCounts): HTMLElement[] {
  const c = data.counts;
  const shares = h('section', { class: 'card', 'aria-live': 'polite' },
    c
      ? h('div', {},
          h('p', { class: 'big' }, h('span', {}, t('ntmShare', { share: percent(c.ntm_share) })), ' · ', h('span', {}, t('modelShare', { share: percent(c.model_share) }))),
          h('p', { class: 'hint' }, t('updated', { by: c.updated_by, at: timeText(c.updated_at) })),
        )
      : h('p', {}, t('never')),
  );
  const targets = h('section', { 'aria-labelledby': 'village-targets-title' }, h('h2', { id: 'village-targets-title' }, t('targets')));
  if (!data.targets.length) targets.append(h('p', {}, t('noTargets')));
  else {
    targets.append(h('ul', { class: 'target-list' }, ...data.targets.map((target) => {
      const verdict = !target.applies
        ? h('span', { class: 'badge' }, t('notApplicable'))
        : target.met === null
          ? h('span', { class: 'badge' }, t('unknown'))
          : h('span', { class: `badge ${target.met ? 'official' : 'missing'}` }, target.met ? `✓ ${t('met')}` : `✗ ${t('notMet')}`);
      const source = target.source_url ? h('a', { href: target.source_url, rel: 'noopener', target: '_blank' }, target.source) : target.source;
      return h('li', {},
        h('strong', {}, target.value), ' ', verdict,
        h('span', { class: 'sub' }, target.note ?? target.metric, target.deadline ? ` · ${t('deadline', { date: dateText(target.deadline) })}` : ''),
        h('span', { class: 'sub' }, source),
      );
    })));
  }
  return [shares, targets];
}
