/** @module "Monthly report": the board of a district or province for a month — reviews received vs due, criteria
 * gained and lost, communes at revocation risk, progress against targets, planned communes — with the
 * XLSX download for the provincial office; illustrative figures are said to be so. */
import { formatNumber, formatPeriod, strings } from '../../i18n/i18n.ts';
import { workspaceGet } from '../workspace-http.ts';
import { h } from '../../dom/h.ts';
import { hashFor, queryOf, scopeOf } from '../common/view-state.ts';
import { periodPicker } from '../period-picker.ts';
import { scopePicker, scopeQuery } from '../scope-picker.ts';
import type { ViewContext } from '../views.ts';
import { atRiskSection, plansSection, targetsSection } from './board-progress.ts';
import { changesSection, reviewsSection } from './board-reviews.ts';
import type { Board } from '../../api/answers.ts';

const t = strings({
  vi: {
    title: 'Báo cáo tháng', heading: 'Báo cáo {scope}, {period}', pick: 'Chọn một tỉnh để xem báo cáo.', commune: 'Báo cáo tháng do huyện và tỉnh lập; cán bộ cấp xã xem kết quả của xã ở mục Rà soát hằng tháng.',
    download: 'Tải báo cáo (XLSX)', illustrative: 'Có số liệu minh họa', illustrativeNote: 'Số liệu đánh dấu “minh họa” do dự án tạo ra (cố định, nhất quán với số liệu đã công bố) vì chưa có bộ dữ liệu công khai về tình trạng hằng tháng của từng xã; đây không phải số liệu chính thức.', summary: '{recognised}/{communes} xã đạt chuẩn trở lên; bình quân {average} tiêu chí/xã.',
  },
  en: {
    title: 'Monthly report', heading: 'Report of {scope}, {period}', pick: 'Choose a province to see its report.', commune: 'The monthly report is made by districts and provinces; commune officers see their commune under Monthly reviews.',
    download: 'Download the report (XLSX)', illustrative: 'Contains illustrative figures', illustrativeNote: '', summary: '{recognised} of {communes} communes at the standard or above; {average} criteria met on average.',
  },
});

/** Renders the reporting board of the chosen scope and month, with its XLSX download. */
export async function renderBoard(main: HTMLElement, ctx: ViewContext): Promise<void> {
  const query = queryOf(ctx);
  const scope = scopeOf(ctx, query);
  if (ctx.session.user.role === 'commune') {
    main.replaceChildren(h('h1', {}, t('title')), h('p', {}, t('commune')));
    return;
  }
  const reload = (s: typeof scope, period: string) => ctx.go(hashFor('board', { province: s.province, district: s.district, period }));
  const picker = await periodPicker(query.get('period'), (p) => reload(scope, p));
  const scopeEl = await scopePicker(ctx.session, scope, (s) => reload(s, picker.value));
  const body = h('div');
  main.replaceChildren(h('h1', {}, t('title')), h('div', { class: 'row card' }, scopeEl, picker.wrap), body);
  if (!scope.province && !scope.district) {
    body.append(h('p', {}, t('pick')));
    return;
  }
  const q = `${scopeQuery(scope)}&period=${encodeURIComponent(picker.value)}`;
  const board = await workspaceGet<Board>(`/admin/board?${q}`);
  const s = board.summary;
  const head = h('div', { class: 'board-head' },
    h('h2', {}, t('heading', { scope: board.scope.name, period: formatPeriod(board.period) })),
    h('a', { class: 'button-link', href: `/api/v1/admin/board?${q}&format=xlsx`, download: `bao-cao-${board.scope.code}-${board.period}.xlsx` }, t('download')),
  );
  body.append(head);
  if (board.provenance.illustrative) body.append(h('p', { class: 'notice illustrative', role: 'note' }, h('strong', {}, `${t('illustrative')}: `), t('illustrativeNote') || board.provenance.note));
  body.append(
    h('p', {}, t('summary', { recognised: s.recognised, communes: s.communes, average: s.average_met === null ? '—' : formatNumber(s.average_met, { maximumFractionDigits: 1 }) })),
    reviewsSection(board),
    changesSection(board),
    atRiskSection(board),
    targetsSection(board),
    plansSection(board),
  );
}
