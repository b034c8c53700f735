/** @module The planned communes of a scope: where each stands (criteria met, criteria still missing, level, status)
 * and the criterion completions ("lượt tiêu chí") the plan still needs, in total and per due half-year;
 * a "Remove" button per commune for the roles that change plans. */
import { formatPeriod, strings } from '../../i18n/i18n.ts';
import { h } from '../../dom/h.ts';
import { dueName, levelName, provenanceBadge } from '../common/workspace-words.ts';
import type { PlanBoard, PlanBoardCommune, PlanStatus } from '../../api/answers.ts';
import { stackTable } from '../common/stack-table.ts';

const t = strings({
  vi: {
    title: 'Xã trong kế hoạch đạt chuẩn', completionsTitle: 'Lượt tiêu chí kế hoạch cần',
    note: 'Lượt tiêu chí: tổng số tiêu chí còn thiếu của các xã trong kế hoạch chưa đạt đủ tiêu chí, như Kế hoạch 104/KH-BCĐ tỉnh Lào Cai (15/02/2024) tính (11 lượt cho 4 xã đến hạn 6 tháng đầu năm 2024). Ở đây tính theo bộ tiêu chí quốc gia; kế hoạch của tỉnh dùng bộ tiêu chí của tỉnh.', none: 'Chưa có xã nào trong kế hoạch của phạm vi này.',
    completions: 'Còn {total} lượt tiêu chí cần hoàn thành ở {communes} xã (tại {period}).', withoutReview: '{n} xã chưa có kết quả rà soát.',
    byDue: 'Lượt tiêu chí cần hoàn thành theo hạn', due: 'Hạn', communes: 'Số xã', missingCommunes: 'Xã còn thiếu tiêu chí', needed: 'Lượt tiêu chí',
    commune: 'Xã', target: 'Mục tiêu', met: 'Tiêu chí đạt', missing: 'Tiêu chí còn thiếu', level: 'Mức hiện tại', status: 'Tình trạng', plan: 'Kế hoạch',
    reached: 'đã đạt', on_track: 'đang thực hiện', late: 'chậm so với hạn', atRisk: 'nguy cơ thu hồi', noReview: 'chưa rà soát', asOf: 'theo {period}',
    remove: 'Bỏ khỏi kế hoạch', removeLabel: 'Bỏ {commune} khỏi kế hoạch', caption: 'Xã trong kế hoạch, {period}',
  },
  en: {
    title: 'Communes planned to reach the standard', completionsTitle: 'Criterion completions the plan needs',
    note: 'Criterion completions (lượt tiêu chí): the criteria still missing, summed over the planned communes not yet meeting all of them, as Lào Cai\'s Kế hoạch 104/KH-BCĐ (15/02/2024) counts them (11 for the 4 communes due in 2024-H1). Counted here on the national criteria set; the provincial plan used its provincial set.', none: 'No commune is planned in this scope yet.',
    completions: '{total} criterion completions still needed in {communes} communes (at {period}).', withoutReview: '{n} communes have no review yet.',
    byDue: 'Criterion completions needed by due date', due: 'Due', communes: 'Communes', missingCommunes: 'Communes missing criteria', needed: 'Completions',
    commune: 'Commune', target: 'Target', met: 'Criteria met', missing: 'Criteria missing', level: 'Level now', status: 'Status', plan: 'Plan',
    reached: 'reached', on_track: 'on track', late: 'late', atRisk: 'revocation risk', noReview: 'no review', asOf: 'as of {period}',
    remove: 'Remove from the plan', removeLabel: 'Remove {commune} from the plan', caption: 'Planned communes, {period}',
  },
});

const STATUS_CLASS: Record<PlanStatus, string> = { reached: 'official', on_track: '', late: 'missing' };
/** A plan status as a badge (reached, on track, late). */
export const statusBadge = (status: PlanStatus): HTMLElement => h('span', { class: `badge ${STATUS_CLASS[status]}` }, t(status));

/** The criterion completions still needed, in all and by due date. */
export function completionsSummary(board: PlanBoard): HTMLElement {
  const cc = board.criterion_completions;
  if (!board.communes.length) return h('div', { hidden: true });
  const section = h('section', { class: 'card', 'aria-labelledby': 'completions-title' },
    h('h2', { id: 'completions-title' }, t('completionsTitle')),
    h('p', { class: 'big' }, t('completions', { total: cc.total, communes: cc.communes_missing_criteria, period: formatPeriod(board.period) })),
    cc.communes_without_review ? h('p', {}, t('withoutReview', { n: cc.communes_without_review })) : null,
  );
  if (cc.by_due.length) {
    const table = h('table', { class: 'list' }, h('caption', {}, t('byDue')), h('thead', {}, h('tr', {}, ...[t('due'), t('communes'), t('missingCommunes'), t('needed')].map((label, i) => h('th', { scope: 'col', class: i ? 'num' : undefined }, label)))));
    table.append(h('tbody', {}, ...cc.by_due.map((d) => h('tr', {}, h('th', { scope: 'row' }, dueName(d.due)), h('td', { class: 'num' }, String(d.communes)), h('td', { class: 'num' }, String(d.communes_missing_criteria)), h('td', { class: 'num' }, String(d.completions))))));
    section.append(h('div', { class: 'table-wrap' }, table));
  }
  section.append(h('p', { class: 'hint' }, t('note')));
  return section;
}

/** The planned communes table; with `canRemove`, each row has a remove button that calls `onRemove`. */
export function plannedTable(board: PlanBoard, canRemove: boolean, onRemove: (p: PlanBoardCommune, button: HTMLButtonElement) => void): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'planned-title' }, h('h2', { id: 'planned-title' }, t('title')));
  if (!board.communes.length) {
    section.append(h('p', {}, t('none')));
    return section;
  }
  const headers = [t('commune'), t('target'), t('met'), t('missing'), t('level'), t('status')];
  if (canRemove) headers.push('');
  const table = h('table', { class: 'list' }, h('caption', {}, t('caption', { period: formatPeriod(board.period) })), h('thead', {}, h('tr', {}, ...headers.map((label, i) => h('th', { scope: 'col', class: i === 2 ? 'num' : undefined }, label)))));
  const body = h('tbody');
  for (const p of board.communes) {
    const row = h('tr', {},
      h('th', { scope: 'row' }, p.name, p.district ? h('span', { class: 'sub' }, p.district.name) : null),
      h('td', {}, levelName(p.target_level), h('span', { class: 'sub' }, dueName(p.due)), h('span', { class: 'sub' }, p.plan)),
      h('td', { class: 'num' }, p.met === null ? t('noReview') : `${p.met}/${p.criteria_total}`, ' ', provenanceBadge(p.provenance), p.as_of ? h('span', { class: 'sub' }, t('asOf', { period: formatPeriod(p.as_of) })) : null),
      h('td', {}, p.missing === null ? '—' : p.missing.length ? p.missing.join(', ') : '✓'),
      h('td', {}, levelName(p.level), ' ', provenanceBadge(p.level_provenance)),
      h('td', {}, statusBadge(p.status), p.at_risk ? h('span', { class: 'badge missing' }, t('atRisk')) : null),
    );
    if (canRemove) {
      const button = h('button', { type: 'button', class: 'secondary small', 'aria-label': t('removeLabel', { commune: p.name }) }, t('remove'));
      button.addEventListener('click', () => onRemove(p, button));
      row.append(h('td', {}, button));
    }
    body.append(row);
  }
  table.append(body);
  section.append(h('div', { class: 'table-wrap' }, stackTable(table)));
  return section;
}
