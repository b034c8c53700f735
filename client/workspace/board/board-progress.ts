/** @module The board's later sections: communes at revocation risk, progress against the targets that apply
 * (value now against the target, on track or not) and the planned communes due this half-year. */
import { formatNumber, formatPeriod, getLang, strings } from '../../i18n/i18n.ts';
import { dateText, dueName, levelName, provenanceBadge } from '../common/workspace-words.ts';
import { h } from '../../dom/h.ts';
import { bar } from './board-reviews.ts';
import type { Board, TargetProgress } from '../../api/answers.ts';
import { stackTable } from '../common/stack-table.ts';

const t = strings({
  vi: {
    risk: 'Xã có nguy cơ bị thu hồi công nhận ({n})', noRisk: 'Không có xã nào đã được công nhận mà nay không đạt tiêu chí.', commune: 'Xã', level: 'Mức', met: 'Tiêu chí đạt', failing: 'Tiêu chí không đạt (từ tháng)',
    targets: 'Tiến độ thực hiện chỉ tiêu', noTargets: 'Không có chỉ tiêu nào áp dụng.', target: 'Chỉ tiêu', now: 'Hiện nay', goal: 'Mục tiêu', deadline: 'Hạn', state: 'Đánh giá',
    onTrack: 'đúng tiến độ', behind: 'chậm tiến độ', unknown: 'chưa đánh giá', notComputable: 'Chỉ tiêu chưa đo được bằng dữ liệu ({n})', expected: 'cần {value} vào lúc này',
    plans: 'Xã trong kế hoạch: {half}', plansSummary: 'Còn {n} lượt tiêu chí cần hoàn thành; {reached} xã đã đạt, {on_track} đang thực hiện, {late} chậm.', noPlans: 'Không có xã nào trong kế hoạch cho kỳ này.',
    due: 'Hạn', missing: 'Tiêu chí còn thiếu', needed: 'Lượt tiêu chí', status: 'Tình trạng', reached: 'đã đạt', on_track: 'đang thực hiện', late: 'chậm',
  },
  en: {
    risk: 'Communes at risk of losing their recognition ({n})', noRisk: 'No recognised commune fails a criterion.', commune: 'Commune', level: 'Level', met: 'Criteria met', failing: 'Criteria at fault (since)',
    targets: 'Progress against targets', noTargets: 'No target applies.', target: 'Target', now: 'Now', goal: 'Goal', deadline: 'Deadline', state: 'Assessment',
    onTrack: 'on track', behind: 'behind', unknown: 'not assessed', notComputable: 'Targets the data cannot measure yet ({n})', expected: '{value} expected by now',
    plans: 'Planned communes: {half}', plansSummary: '{n} criterion completions still needed; {reached} reached, {on_track} on track, {late} late.', noPlans: 'No planned commune for this period.',
    due: 'Due', missing: 'Criteria missing', needed: 'Completions', status: 'Status', reached: 'reached', on_track: 'on track', late: 'late',
  },
});

const head = (labels: string[], numeric: number[] = []) => h('thead', {}, h('tr', {}, ...labels.map((label, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : undefined }, label))));
const sub = (text: string) => h('span', { class: 'sub' }, text);
/** Why a target cannot be measured, in the page's language (the API gives both). */
const reasonOf = (x: TargetProgress): string | null => (getLang() === 'vi' ? x.reason_vi ?? x.reason : x.reason);
const withText = (section: HTMLElement, text: string) => {
  section.append(h('p', {}, text));
  return section;
};

/** The board's section of recognised communes at revocation risk. */
export function atRiskSection(board: Board): HTMLElement {
  const section = h('section', { class: 'card', 'aria-labelledby': 'board-risk' }, h('h2', { id: 'board-risk' }, t('risk', { n: board.at_risk.length })));
  if (!board.at_risk.length) return withText(section, t('noRisk'));
  const table = h('table', { class: 'list' }, head([t('commune'), t('level'), t('met'), t('failing')], [2]));
  table.append(h('tbody', {}, ...board.at_risk.map((c) => h('tr', {},
    h('th', { scope: 'row' }, c.name, c.district && board.scope.level === 'province' ? sub(c.district.name) : null),
    h('td', {}, levelName(c.level), ' ', provenanceBadge(c.recognition.provenance)),
    h('td', { class: 'num' }, `${c.met}/${c.criteria_total}`, ' ', provenanceBadge(c.provenance)),
    h('td', {}, c.failing.map((f) => `${f.number}. ${f.name_vi} (${formatPeriod(f.failing_since)})`).join('; ')),
  ))));
  section.append(h('div', { class: 'table-wrap' }, stackTable(table)));
  return section;
}

const valueText = (value: number | null, unit: TargetProgress['unit']) => (value === null ? '—' : `${formatNumber(value, { maximumFractionDigits: 1 })}${unit === '%' ? ' %' : ''}`);

/** The board's section of progress against the scope's targets. */
export function targetsSection(board: Board): HTMLElement {
  const section = h('section', { class: 'card', 'aria-labelledby': 'board-targets' }, h('h2', { id: 'board-targets' }, t('targets')));
  if (!board.targets.length) return withText(section, t('noTargets'));
  const measured = board.targets.filter((x) => x.computable);
  const other = board.targets.filter((x) => !x.computable);
  if (measured.length) {
    const table = h('table', { class: 'list' }, head([t('target'), t('now'), t('goal'), t('deadline'), t('state')], [1, 2]));
    table.append(h('tbody', {}, ...measured.map((x) => {
      const goal = x.target.number;
      const state = x.on_track === null ? h('span', { class: 'badge' }, t('unknown')) : h('span', { class: `badge ${x.on_track ? 'official' : 'missing'}` }, x.on_track ? t('onTrack') : t('behind'));
      return h('tr', {},
        h('th', { scope: 'row' }, x.clause ?? x.target.value, sub(`${x.scope.name} · ${x.metric}`)),
        h('td', { class: 'num' }, goal && x.value_now !== null ? bar(x.value_now / goal, valueText(x.value_now, x.unit), x.on_track === false ? 'bad' : x.on_track ? 'good' : 'neutral') : valueText(x.value_now, x.unit), ' ', x.illustrative ? provenanceBadge('illustrative') : null),
        h('td', { class: 'num' }, valueText(goal, x.unit)),
        h('td', {}, dateText(x.deadline)),
        h('td', {}, state, x.expected_now !== null ? sub(t('expected', { value: valueText(x.expected_now, x.unit) })) : null),
      );
    })));
    section.append(h('div', { class: 'table-wrap' }, stackTable(table)));
  }
  if (other.length) {
    section.append(h('details', {}, h('summary', {}, t('notComputable', { n: other.length })), h('ul', { class: 'plain' }, ...other.map((x) => h('li', {}, h('strong', {}, x.clause ?? x.target.value), ` — ${x.scope.name}`, reasonOf(x) ? sub(reasonOf(x)!) : null)))));
  }
  return section;
}

/** The board's section of the planned communes due this half-year and the criteria they still need. */
export function plansSection(board: Board): HTMLElement {
  const p = board.plans;
  const section = h('section', { class: 'card', 'aria-labelledby': 'board-plans' }, h('h2', { id: 'board-plans' }, t('plans', { half: dueName(p.half_year) })));
  if (!p.communes.length) return withText(section, t('noPlans'));
  section.append(h('p', {}, t('plansSummary', { n: p.criteria_needed, ...p.counts })));
  const table = h('table', { class: 'list' }, head([t('commune'), t('due'), t('met'), t('missing'), t('needed'), t('status')], [2, 4]));
  table.append(h('tbody', {}, ...p.communes.map((c) => h('tr', {},
    h('th', { scope: 'row' }, c.name, c.district && board.scope.level === 'province' ? sub(c.district.name) : null),
    h('td', {}, dueName(c.due), sub(levelName(c.target_level))),
    h('td', { class: 'num' }, c.met === null ? '—' : `${c.met}/${c.criteria_total}`, ' ', provenanceBadge(c.provenance)),
    h('td', {}, c.missing === null ? '—' : c.missing.length ? c.missing.join(', ') : '✓'),
    h('td', { class: 'num' }, c.criteria_needed === null ? '—' : String(c.criteria_needed)),
    h('td', {}, h('span', { class: `badge ${c.status === 'reached' ? 'official' : c.status === 'late' ? 'missing' : ''}` }, t(c.status))),
  ))));
  section.append(h('div', { class: 'table-wrap' }, stackTable(table)));
  return section;
}
