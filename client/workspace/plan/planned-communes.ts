// The planned communes of a scope: where each stands (criteria met, criteria still missing, level, status)
// and the criterion completions ("lượt tiêu chí") the plan still needs, in total and per due half-year;
// a "Remove" button per commune for the roles that change plans.
import { formatPeriod, strings } from '../../i18n/i18n.ts';
import { el } from '../dom.ts';
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
export const statusBadge = (status: PlanStatus): HTMLElement => el('span', { class: `badge ${STATUS_CLASS[status]}`, text: t(status) });

export function completionsSummary(board: PlanBoard): HTMLElement {
  const cc = board.criterion_completions;
  if (!board.communes.length) return el('div', { hidden: true });
  const section = el('section', { class: 'card', 'aria-labelledby': 'completions-title' },
    el('h2', { id: 'completions-title', text: t('completionsTitle') }),
    el('p', { class: 'big', text: t('completions', { total: cc.total, communes: cc.communes_missing_criteria, period: formatPeriod(board.period) }) }),
    cc.communes_without_review ? el('p', { text: t('withoutReview', { n: cc.communes_without_review }) }) : null,
  );
  if (cc.by_due.length) {
    const table = el('table', { class: 'list' }, el('caption', { text: t('byDue') }), el('thead', {}, el('tr', {}, ...[t('due'), t('communes'), t('missingCommunes'), t('needed')].map((h, i) => el('th', { scope: 'col', class: i ? 'num' : undefined, text: h })))));
    table.append(el('tbody', {}, ...cc.by_due.map((d) => el('tr', {}, el('th', { scope: 'row', text: dueName(d.due) }), el('td', { class: 'num', text: String(d.communes) }), el('td', { class: 'num', text: String(d.communes_missing_criteria) }), el('td', { class: 'num', text: String(d.completions) })))));
    section.append(el('div', { class: 'table-wrap' }, table));
  }
  section.append(el('p', { class: 'hint', text: t('note') }));
  return section;
}

export function plannedTable(board: PlanBoard, canRemove: boolean, onRemove: (p: PlanBoardCommune, button: HTMLButtonElement) => void): HTMLElement {
  const section = el('section', { 'aria-labelledby': 'planned-title' }, el('h2', { id: 'planned-title', text: t('title') }));
  if (!board.communes.length) {
    section.append(el('p', { text: t('none') }));
    return section;
  }
  const headers = [t('commune'), t('target'), t('met'), t('missing'), t('level'), t('status')];
  if (canRemove) headers.push('');
  const table = el('table', { class: 'list' }, el('caption', { text: t('caption', { period: formatPeriod(board.period) }) }), el('thead', {}, el('tr', {}, ...headers.map((h, i) => el('th', { scope: 'col', class: i === 2 ? 'num' : undefined, text: h })))));
  const body = el('tbody');
  for (const p of board.communes) {
    const row = el('tr', {},
      el('th', { scope: 'row' }, p.name, p.district ? el('span', { class: 'sub', text: p.district.name }) : null),
      el('td', {}, levelName(p.target_level), el('span', { class: 'sub', text: dueName(p.due) }), el('span', { class: 'sub', text: p.plan })),
      el('td', { class: 'num' }, p.met === null ? t('noReview') : `${p.met}/${p.criteria_total}`, ' ', provenanceBadge(p.provenance), p.as_of ? el('span', { class: 'sub', text: t('asOf', { period: formatPeriod(p.as_of) }) }) : null),
      el('td', { text: p.missing === null ? '—' : p.missing.length ? p.missing.join(', ') : '✓' }),
      el('td', {}, levelName(p.level), ' ', provenanceBadge(p.level_provenance)),
      el('td', {}, statusBadge(p.status), p.at_risk ? el('span', { class: 'badge missing', text: t('atRisk') }) : null),
    );
    if (canRemove) {
      const button = el('button', { type: 'button', class: 'secondary small', text: t('remove'), 'aria-label': t('removeLabel', { commune: p.name }) });
      button.addEventListener('click', () => onRemove(p, button));
      row.append(el('td', {}, button));
    }
    body.append(row);
  }
  table.append(body);
  section.append(el('div', { class: 'table-wrap' }, stackTable(table)));
  return section;
}
