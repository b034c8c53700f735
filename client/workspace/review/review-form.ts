/** @module One commune's review for one month: the criteria of the month's set (19 to 2026-01, 10 since) by group, each met or not with its indicators and
 * a note, pre-filled from the previous month, showing what changed; saved with the version it was read
 * at, so that a save over someone else's newer one is refused (409) and nothing is lost. */
import { formatPeriod, getLang, strings } from '../../i18n/i18n.ts';
import { ApiFailure } from '../../api/http.ts';
import { workspaceGet, workspaceSend } from '../workspace-http.ts';
import { h } from '../../dom/h.ts';
import { errorText, statusLine } from '../common/field.ts';
import type { ViewContext } from '../views.ts';
import type { Review, ReviewCriterion } from '../../api/answers.ts';

const t = strings({
  vi: {
    title: 'Rà soát {commune} · {period}', met: 'Đạt', notMet: 'Chưa đạt', note: 'Ghi chú tiêu chí {n}', save: 'Lưu kết quả rà soát', saving: 'Đang lưu…', saved: 'Đã lưu lúc {time} (phiên bản {version}). Bản đồ công khai đã cập nhật.',
    prefilled: 'Chưa có kết quả tháng này: biểu mẫu điền sẵn theo {period}. Kiểm tra từng tiêu chí rồi lưu.', fresh: 'Chưa có kết quả rà soát nào của xã: chọn Đạt / Chưa đạt cho từng tiêu chí.',
    official: 'Kết quả chính thức do {by} nhập lúc {at}.', illustrative: 'Số liệu hiện có là số liệu minh họa (không chính thức); lưu để thay bằng kết quả rà soát chính thức.',
    conflict: 'Người khác ({by}) vừa lưu kết quả này. Tải lại để xem bản mới nhất; thay đổi của bạn chưa được lưu.', reload: 'Tải lại', count: '{met}/{total} tiêu chí đạt', changedUp: 'mới đạt so với tháng trước', changedDown: 'không còn đạt so với tháng trước',
    back: '← Danh sách xã', indicators: 'Chỉ tiêu', unsaved: 'Có thay đổi chưa lưu.',
  },
  en: {
    title: 'Review of {commune} · {period}', met: 'Met', notMet: 'Not met', note: 'Note on criterion {n}', save: 'Save the review', saving: 'Saving…', saved: 'Saved at {time} (version {version}). The public map is updated.',
    prefilled: 'No review for this month yet: the form starts from {period}. Check each criterion, then save.', fresh: 'This commune has no review yet: choose Met / Not met for each criterion.',
    official: 'Official review entered by {by} at {at}.', illustrative: 'The figures shown are illustrative (not official); saving replaces them with an official review.',
    conflict: 'Someone else ({by}) has just saved this review. Reload to see the latest; your changes are not saved.', reload: 'Reload', count: '{met} of {total} criteria met', changedUp: 'newly met since last month', changedDown: 'no longer met since last month',
    back: '← List of communes', indicators: 'Indicators', unsaved: 'Unsaved changes.',
  },
});

const name = (x: { name_vi: string; name_en: string | null }) => (getLang() === 'en' && x.name_en ? x.name_en : x.name_vi);
const timeText = (iso: string) => new Intl.DateTimeFormat(getLang() === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));

/** Renders the review form of a commune and month: criteria by group, notes and indicators, saved at the version
 * read. */
export async function renderReviewForm(main: HTMLElement, ctx: ViewContext): Promise<void> {
  const [commune, period] = ctx.params;
  if (!commune || !period) return ctx.go('reviews');
  const review = await workspaceGet<Review>(`/admin/reviews/${encodeURIComponent(commune)}/${encodeURIComponent(period)}`);
  let version = review.version;
  const status = statusLine();
  const count = h('p', { class: 'count', 'aria-live': 'polite' });
  const criteria: ReviewCriterion[] = review.groups.flatMap((g) => g.criteria);
  const state = new Map(criteria.map((c) => [c.number, { met: c.met, note: c.note ?? '' }]));
  const renderCount = () => {
    count.textContent = t('count', { met: [...state.values()].filter((s) => s.met).length, total: criteria.length });
  };

  const form = h('form', { class: 'review-form', novalidate: true });
  for (const group of review.groups) {
    const fieldset = h('fieldset', { class: 'group' }, h('legend', {}, `${group.number}. ${name(group)}`));
    for (const c of group.criteria) {
      const id = `c${c.number}`;
      const radio = (met: boolean) => {
        const input = h('input', { type: 'radio', name: id, value: met ? '1' : '0', checked: c.met === met });
        input.addEventListener('change', () => {
          state.get(c.number)!.met = met;
          renderCount();
          status.textContent = t('unsaved');
        });
        return h('label', {}, input, met ? t('met') : t('notMet'));
      };
      const note = h('textarea', { name: `${id}-note`, maxlength: 2000, rows: 1, 'aria-label': t('note', { n: c.number }) });
      note.value = c.note ?? '';
      note.addEventListener('input', () => {
        state.get(c.number)!.note = note.value;
        status.textContent = t('unsaved');
      });
      const changed = c.change === null ? null : h('span', { class: 'changed' }, c.change === 'gained' ? `▲ ${t('changedUp')}` : `▼ ${t('changedDown')}`);
      const indicators = c.indicators.length
        ? h('ul', { class: 'indicators', 'aria-label': t('indicators') }, ...c.indicators.map((i) => h('li', {}, `${i.code} ${name(i)}${i.value !== null ? `: ${String(i.value)}${i.unit && i.unit !== 'count' ? ` ${i.unit}` : ''}` : ''}`)))
        : null;
      fieldset.append(
        h('div', { class: 'criterion', role: 'radiogroup', 'aria-labelledby': `${id}-name` },
          h('div', {}, h('span', { class: 'name', id: `${id}-name` }, `${c.number}. ${name(c)}`), changed ? h('br') : null, changed),
          h('div', { class: 'choice' }, radio(true), radio(false)),
          indicators,
          h('div', { class: 'note' }, note),
        ),
      );
    }
    form.append(fieldset);
  }
  const save = h('button', { type: 'submit', class: 'primary' }, t('save'));
  form.append(h('div', { class: 'sticky-actions' }, save, count, status));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    status.textContent = t('saving');
    try {
      const body = { criteria: criteria.map((c) => ({ number: c.number, met: state.get(c.number)!.met, ...(state.get(c.number)!.note.trim() ? { note: state.get(c.number)!.note.trim() } : {}) })), ...(version !== null ? { version } : {}) };
      const saved = await workspaceSend<Review>('PUT', `/admin/reviews/${encodeURIComponent(commune)}/${encodeURIComponent(period)}`, body);
      version = saved.version;
      status.textContent = t('saved', { time: timeText(saved.reviewed_at ?? new Date().toISOString()), version: saved.version ?? '' });
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 409) {
        const by = (error.details as { reviewed_by?: string | null } | undefined)?.reviewed_by ?? '?';
        const reload = h('button', { type: 'button', class: 'secondary' }, t('reload'));
        reload.addEventListener('click', () => void renderReviewForm(main, ctx));
        status.replaceChildren(h('span', { class: 'error' }, `${t('conflict', { by })} `), reload);
      } else {
        status.replaceChildren(h('span', { class: 'error' }, errorText(error)));
      }
    } finally {
      save.disabled = false;
    }
  });

  const intro = review.exists
    ? review.provenance === 'official'
      ? t('official', { by: review.reviewed_by ?? '?', at: review.reviewed_at ? timeText(review.reviewed_at) : '?' })
      : t('illustrative')
    : review.prefilled_from
      ? t('prefilled', { period: formatPeriod(review.prefilled_from) })
      : t('fresh');
  renderCount();
  main.replaceChildren(
    h('p', {}, h('a', { href: '#reviews' }, t('back'))),
    h('h1', {}, t('title', { commune: review.commune.name, period: formatPeriod(review.period) })),
    h('p', { class: review.provenance === 'official' ? '' : 'hint' }, intro),
    form,
  );
}
