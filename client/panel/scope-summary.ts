// The scope panel: a province's or district's summary at a period — levels, criteria met, the criteria most
// often missing, progress against its targets, the communes its plan names, the ranking of its districts and
// downloads. Pure rendering from API answers; the panel decides when to ask and what to show.
import type { Level } from '../api/answers.ts';
import { formatNumber, formatPercent, formatPeriod, getLang, strings } from '../i18n/i18n.ts';
import type { PlannedCommune, Plans, Ranking, RecognitionLevel, Summary, TargetProgress } from '../api/answers.ts';
import { h } from '../dom/h.ts';
import { icon, illustrativeBadge, sourceLine, sourceLink, titledSection } from './marks.ts';
import { LEVEL_COLORS, metColor } from '../map/palette.ts';
import { LEVELS, levelsOf, criteriaNames, formatDate, formatDue, formatInUnit, levelName, measureLabel, nameOf, reasonText } from './panel-words.ts';

const t = strings({
  vi: {
    lead: '{communes} xã được đánh giá · {recognised} xã đạt chuẩn trở lên ({share}) · bình quân {avg} tiêu chí/xã',
    carried: '{n} xã dùng kết quả đánh giá của tháng trước đó.',
    noCommunes: 'Phạm vi này không có xã nào được xét tiêu chí nông thôn mới (chỉ có phường, thị trấn).',
    levels: 'Mức đạt chuẩn', levelsBar: 'Số xã theo mức đạt chuẩn: {list}',
    bins: 'Số tiêu chí đạt', under: 'Dưới {n} tiêu chí', range: '{min}–{max} tiêu chí', all: 'Đủ {n} tiêu chí', communesN: '{n} xã',
    special: 'Xã đặc biệt khó khăn', other: 'Các xã khác', groupCol: 'Nhóm xã', communesCol: 'Số xã', shareCol: 'Đạt chuẩn', avgCol: 'TB tiêu chí',
    missing: 'Tiêu chí thường chưa đạt nhất', missingRow: '{n} xã chưa đạt ({share})',
    targets: 'Tiến độ so với mục tiêu', noTargets: 'Không có mục tiêu đã công bố cho phạm vi này.',
    asWritten: 'Mục tiêu: “{value}”', deadline: 'hạn {date}', whose: 'mục tiêu của {scope}',
    now: 'Hiện nay: {value}', goal: 'mục tiêu {value}', atDeadline: 'tại hạn: {value}', expected: 'theo lộ trình lúc này: {value}',
    reached: 'Đã đạt', missed: 'Không đạt', onTrack: 'Đúng tiến độ', behind: 'Chậm tiến độ', unknown: 'Chưa đánh giá được',
    targetBar: '{now} trên mục tiêu {goal}',
    notComputable: '{n} mục tiêu không đo được từ số liệu',
    plans: 'Xã phải đạt chuẩn theo kế hoạch', noPlans: 'Không có xã nào của phạm vi này được kế hoạch nêu tên.',
    planCounts: '{reached} đã đạt · {onTrack} đúng tiến độ · {late} chậm', due: 'Hạn: {due}',
    dueCounts: '{n} xã', metOf: '{met}/{total} tiêu chí', missingList: 'còn thiếu: {list}', asOf: '(số liệu {period})',
    s_reached: 'Đã đạt', s_on_track: 'Đúng tiến độ', s_late: 'Chậm', atRisk: 'đã công nhận nhưng còn thiếu tiêu chí', awaiting: 'đủ tiêu chí, chờ công nhận',
    ranking: 'Xếp hạng các huyện', rankingNote: 'Tỷ lệ xã đạt chuẩn trở lên, và thay đổi so với {earlier}. Chọn một huyện để xem.',
    rankCol: 'Hạng', districtCol: 'Huyện', changeCol: '12 tháng', points: '{n} điểm %', noEarlier: '–',
    excluded: 'Không xếp hạng (không có xã): {list}', current: 'đang xem',
    downloads: 'Tải về', csv: 'Bảng số liệu CSV', xlsx: 'Bảng tính Excel (XLSX)', topojson: 'Ranh giới tỉnh (TopoJSON)',
    downloadsNote: 'Bảng số liệu các xã của {scope}, {period}.',
    provenance: 'Số liệu có nhãn “Minh họa” do dự án tạo ra (có tính quyết định, khớp với các số liệu đã công bố) vì chưa có bộ dữ liệu công khai về tình trạng hằng tháng của từng xã; đó không phải số liệu chính thức.',
    wholeProvince: 'Xem cả {province}',
  },
  en: {
    lead: '{communes} communes assessed · {recognised} at standard or above ({share}) · {avg} criteria met on average',
    carried: '{n} communes are counted with an earlier month\'s review.',
    noCommunes: 'This area has no communes scored against the new rural development criteria (only wards and towns).',
    levels: 'Recognition level', levelsBar: 'Communes by recognition level: {list}',
    bins: 'Criteria met', under: 'Under {n} criteria', range: '{min}–{max} criteria', all: 'All {n} criteria', communesN: '{n} communes',
    special: 'Special-difficulty communes', other: 'Other communes', groupCol: 'Communes', communesCol: 'Count', shareCol: 'Standard', avgCol: 'Avg. criteria',
    missing: 'Criteria most often not met', missingRow: '{n} communes miss it ({share})',
    targets: 'Progress against targets', noTargets: 'No published targets for this area.',
    asWritten: 'Target: “{value}”', deadline: 'due {date}', whose: 'target of {scope}',
    now: 'Now: {value}', goal: 'target {value}', atDeadline: 'at the deadline: {value}', expected: 'on the path by now: {value}',
    reached: 'Reached', missed: 'Missed', onTrack: 'On track', behind: 'Behind', unknown: 'Cannot tell',
    targetBar: '{now} of a target of {goal}',
    notComputable: '{n} targets the data cannot measure',
    plans: 'Communes planned to reach the standard', noPlans: 'No commune of this area is named in a plan.',
    planCounts: '{reached} reached · {onTrack} on track · {late} late', due: 'Due: {due}',
    dueCounts: '{n} communes', metOf: '{met}/{total} criteria', missingList: 'missing: {list}', asOf: '(data of {period})',
    s_reached: 'Reached', s_on_track: 'On track', s_late: 'Late', atRisk: 'recognised but missing criteria', awaiting: 'all criteria met, awaiting recognition',
    ranking: 'Ranking of districts', rankingNote: 'Share of communes at standard or above, and change since {earlier}. Choose a district to see it.',
    rankCol: 'Rank', districtCol: 'District', changeCol: '12 months', points: '{n} pts', noEarlier: '–',
    excluded: 'Not ranked (no rural communes): {list}', current: 'shown',
    downloads: 'Downloads', csv: 'Data table (CSV)', xlsx: 'Spreadsheet (XLSX)', topojson: 'Province boundaries (TopoJSON)',
    downloadsNote: 'The communes of {scope}, {period}.',
    provenance: 'Figures labelled “Illustrative” are generated by the project (deterministic, consistent with published figures) because no public dataset gives every commune\'s monthly status; they are not official.',
    wholeProvince: 'Show all of {province}',
  },
});

export interface ScopeData {
  summary: Summary;
  plans: Plans | null;
  ranking: Ranking | null;
  /** The province the scope is in (its own code for a province). */
  province: { code: string; name: string | null } | null;
  district: string | null;
  /** The recognition levels of the summary's criteria set (null: unknown, the 2021-2025 set's are shown). */
  levels: readonly RecognitionLevel[] | null;
}

export interface ScopeActions {
  selectDistrict(code: string | null): void;
  openCommune(code: string): void;
}

const pct = (share: number | null) => (share === null ? '–' : formatPercent(share));

/** A titled section of the panel (headings' ids prefixed `panel-`). */
const section = (key: string, title: string, illustrative: boolean, ...children: Array<Node | null | false>): HTMLElement =>
  titledSection('panel', key, title, illustrative, ...children);

/** The header's title and lines for a scope. */
export function scopeHeading(data: ScopeData): { title: string; lines: string[] } {
  const s = data.summary;
  const lines = [formatPeriod(s.period)];
  if (s.scope.level === 'district' && data.province?.name) lines.unshift(data.province.name);
  return { title: s.scope.name ?? '', lines };
}

export function renderScope(data: ScopeData, actions: ScopeActions): HTMLElement[] {
  const s = data.summary;
  const out: HTMLElement[] = [];
  if (s.scope.level === 'district' && data.province) {
    out.push(h('p', { class: 'back' }, h('button', { type: 'button', class: 'link', onclick: () => actions.selectDistrict(null) }, '← ', t('wholeProvince', { province: data.province.name ?? data.province.code }))));
  }
  if (s.communes === 0) {
    out.push(h('p', { class: 'lead' }, t('noCommunes')));
  } else {
    out.push(
      h('p', { class: 'lead' }, t('lead', { communes: s.communes, recognised: s.recognised, share: pct(s.share_recognised), avg: formatNumber(s.average_met ?? 0, { maximumFractionDigits: 1 }) })),
      ...(s.carried ? [h('p', { class: 'note' }, t('carried', { n: s.carried }))] : []),
      levelsSection(s, data.levels),
      binsSection(s),
      missingSection(s),
    );
  }
  out.push(targetsSection(s, data));
  if (data.plans) out.push(plansSection(data.plans, s, actions));
  if (data.ranking) out.push(rankingSection(data.ranking, data.district, actions));
  out.push(downloadsSection(s, data));
  if (s.provenance.reviews.illustrative || s.provenance.levels.illustrative) out.push(h('p', { class: 'note provenance' }, t('provenance')));
  return out;
}

function levelsSection(s: Summary, setLevels: readonly RecognitionLevel[] | null): HTMLElement {
  const LEVELS = levelsOf(setLevels);
  const total = LEVELS.reduce((a, l) => a + s.levels[l], 0) || 1;
  const list = LEVELS.map((l) => `${levelName(l)} ${formatNumber(s.levels[l])}`).join(', ');
  const bar = h('div', { class: 'stack', role: 'img', 'aria-label': t('levelsBar', { list }) });
  for (const l of LEVELS) {
    if (!s.levels[l]) continue;
    const seg = h('span', { class: 'seg', 'data-level': l, title: `${levelName(l)}: ${formatNumber(s.levels[l])}` });
    seg.style.width = `${(100 * s.levels[l]) / total}%`;
    seg.style.background = LEVEL_COLORS[l];
    if (s.levels[l] / total >= 0.08) seg.append(h('span', { class: l === 'kieu_mau' ? 'on-dark' : null, 'aria-hidden': 'true' }, formatNumber(s.levels[l])));
    bar.append(seg);
  }
  const key = h('ul', { class: 'key' }, ...LEVELS.map((l: Level) => {
    const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    sw.style.background = LEVEL_COLORS[l];
    return h('li', { 'data-level': l }, sw, h('span', { class: 'label' }, levelName(l)), h('span', { class: 'count' }, formatNumber(s.levels[l])));
  }));
  return section('levels', t('levels'), s.provenance.levels.illustrative > 0, bar, key);
}

function binsSection(s: Summary): HTMLElement {
  const max = Math.max(1, ...s.bins.map((b) => b.communes));
  const list = h('ul', { class: 'bars' }, ...s.bins.map((b, i) => {
    const fill = h('span', { class: 'fill' });
    fill.style.width = `${(100 * b.communes) / max}%`;
    fill.style.background = metColor(i, s.bins.length);
    return h('li', { 'data-bin': b.label },
      h('span', { class: 'label' }, b.min === 0 ? t('under', { n: b.max + 1 }) : b.min === b.max && b.max === s.criteria_count ? t('all', { n: b.max }) : t('range', { min: b.min, max: b.max })),
      h('span', { class: 'track', 'aria-hidden': 'true' }, fill),
      h('span', { class: 'count' }, formatNumber(b.communes)));
  }));
  const sd = s.special_difficulty;
  const row = (label: string, g: Summary['special_difficulty']['special']) =>
    h('tr', null, h('th', { scope: 'row' }, label), h('td', null, formatNumber(g.communes)), h('td', null, pct(g.share_recognised)), h('td', null, g.average_met === null ? '–' : formatNumber(g.average_met, { maximumFractionDigits: 1 })));
  const table = sd.special.communes
    ? h('table', { class: 'compact special-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('groupCol')), h('th', { scope: 'col' }, t('communesCol')), h('th', { scope: 'col' }, t('shareCol')), h('th', { scope: 'col' }, t('avgCol')))),
        h('tbody', null, row(t('special'), sd.special), row(t('other'), sd.other)))
    : null;
  return section('bins', t('bins'), s.provenance.reviews.illustrative > 0, list, table);
}

function missingSection(s: Summary): HTMLElement {
  const items = s.most_missing.filter((m) => m.communes_missing > 0);
  const list = h('ol', { class: 'missing' }, ...items.map((m) => {
    const fill = h('span', { class: 'fill' });
    fill.style.width = `${100 * m.share_missing}%`;
    return h('li', { 'data-criterion': m.number },
      h('span', { class: 'name' }, `${m.number}. ${nameOf(m)}`),
      h('span', { class: 'track', 'aria-hidden': 'true' }, fill),
      h('span', { class: 'count' }, t('missingRow', { n: m.communes_missing, share: formatPercent(m.share_missing) })));
  }));
  return section('missing', t('missing'), s.provenance.reviews.illustrative > 0, items.length ? list : h('p', { class: 'note' }, '–'));
}

function targetStatus(tp: TargetProgress): { key: 'reached' | 'missed' | 'onTrack' | 'behind' | 'unknown'; icon: 'met' | 'notMet' | 'clock' | 'unknown' } {
  const final = tp.on_track_rule === 'reached_by_deadline';
  if (tp.on_track === true) return final ? { key: 'reached', icon: 'met' } : { key: 'onTrack', icon: 'met' };
  if (tp.on_track === false) return final ? { key: 'missed', icon: 'notMet' } : { key: 'behind', icon: 'clock' };
  return { key: 'unknown', icon: 'unknown' };
}

function targetsSection(s: Summary, data: ScopeData): HTMLElement {
  const computable = s.targets.filter((x) => x.computable);
  const other = s.targets.filter((x) => !x.computable);
  const children: Array<Node | null> = [];
  if (!s.targets.length) children.push(h('p', { class: 'note' }, t('noTargets')));
  const list = h('ul', { class: 'targets' });
  for (const tp of computable) list.append(targetRow(tp, s, data));
  if (computable.length) children.push(list);
  if (other.length) {
    children.push(h('details', { class: 'not-computable' },
      h('summary', null, t('notComputable', { n: other.length })),
      h('ul', null, ...other.map((tp) => {
        const r = reasonText(tp.reason ?? '', tp.reason_vi);
        return h('li', { 'data-target-id': tp.id }, h('q', null, tp.clause ?? tp.target.value), ' — ', h('span', { lang: r.lang === getLang() ? null : r.lang }, r.text), ' ', h('span', { class: 'muted' }, '(', sourceLink(tp.source, tp.source_url), ')'));
      }))));
  }
  return section('targets', t('targets'), false, ...children);
}

function targetRow(tp: TargetProgress, s: Summary, data: ScopeData): HTMLElement {
  const st = targetStatus(tp);
  const goal = tp.target.number;
  const now = tp.value_now;
  const meta = [t('asWritten', { value: tp.clause ?? tp.target.value })];
  if (tp.deadline) meta.push(t('deadline', { date: formatDate(tp.deadline) }));
  if (tp.scope.level !== s.scope.level || (tp.scope.code ?? null) !== (s.scope.code ?? null)) meta.push(t('whose', { scope: tp.scope.name }));
  const children: Array<Node | null> = [
    h('div', { class: 'target-head' }, h('strong', null, measureLabel(tp)), tp.illustrative ? illustrativeBadge() : null),
    h('div', { class: 'muted' }, meta.join(' · ')),
  ];
  if (goal !== null && now !== null) {
    const scale = tp.unit === '%' ? 100 : Math.max(goal, now) || 1;
    const fill = h('span', { class: `fill ${st.key}` });
    fill.style.width = `${Math.min(100, (100 * now) / scale)}%`;
    const mark = h('span', { class: 'goal-mark' });
    mark.style.left = `${Math.min(100, (100 * goal) / scale)}%`;
    children.push(h('div', { class: 'target-bar', role: 'img', 'aria-label': t('targetBar', { now: formatInUnit(now, tp.unit), goal: formatInUnit(goal, tp.unit) }) }, fill, mark));
  }
  const figures = [now !== null ? t('now', { value: formatInUnit(now, tp.unit) }) : null, goal !== null ? t('goal', { value: formatInUnit(goal, tp.unit) }) : null];
  if (tp.on_track_rule === 'reached_by_deadline' && tp.value_at_deadline !== null && tp.value_at_deadline !== now) figures.push(t('atDeadline', { value: formatInUnit(tp.value_at_deadline, tp.unit) }));
  if (tp.on_track_rule === 'straight_line' && tp.expected_now !== null) figures.push(t('expected', { value: formatInUnit(tp.expected_now, tp.unit) }));
  children.push(h('div', { class: 'target-figures' }, figures.filter(Boolean).join(' · ')));
  const reason = tp.on_track === null && tp.on_track_reason ? reasonText(tp.on_track_reason, tp.on_track_reason_vi) : null;
  children.push(h('div', { class: `status status-${st.key}`, 'data-on-track': String(tp.on_track) }, icon(st.icon), ' ', t(st.key), reason ? h('span', { class: 'muted', lang: reason.lang === getLang() ? null : reason.lang }, ` — ${reason.text}`) : null));
  children.push(h('div', { class: 'muted small' }, sourceLine(tp.source, tp.source_url)));
  return h('li', { 'data-target-id': tp.id, 'data-on-track': String(tp.on_track) }, ...children);
}

function plansSection(plans: Plans, s: Summary, actions: ScopeActions): HTMLElement {
  const illustrative = plans.provenance.reviews.illustrative > 0 || plans.provenance.levels.illustrative > 0;
  if (!plans.communes.length) return section('plans', t('plans'), false, h('p', { class: 'note' }, t('noPlans')));
  const planNames = [...new Set(plans.communes.map((c) => c.plan))];
  const children: Node[] = [
    h('ul', { class: 'plan-names' }, ...planNames.map((p) => h('li', null, p))),
    h('p', { class: 'muted' }, t('planCounts', { reached: plans.counts.reached, onTrack: plans.counts.on_track, late: plans.counts.late })),
  ];
  const list = h('div', { class: 'plans' });
  for (const due of plans.dues) {
    const communes = plans.communes.filter((c) => c.due === due.due);
    list.append(
      h('h4', null, t('due', { due: formatDue(due.due) }), h('span', { class: 'muted' }, ` · ${t('dueCounts', { n: due.communes })}`)),
      h('ul', { class: 'plan-list' }, ...communes.map((c) => planRow(c, s, actions))),
    );
  }
  children.push(list);
  return section('plans', t('plans'), illustrative, ...children);
}

function planRow(c: PlannedCommune, s: Summary, actions: ScopeActions): HTMLElement {
  const statusIcon = c.status === 'reached' ? 'met' : c.status === 'late' ? 'notMet' : 'clock';
  const facts: Array<Node | string> = [];
  if (c.met !== null) facts.push(t('metOf', { met: c.met, total: c.criteria_total }));
  if (c.missing?.length) facts.push(` · ${t('missingList', { list: criteriaNames(c.missing, s.criteria) })}`);
  if (c.as_of) facts.push(` ${t('asOf', { period: formatPeriod(c.as_of) })}`);
  const illustrative = c.provenance === 'illustrative' || c.level_provenance === 'illustrative';
  return h('li', { 'data-code': c.code, 'data-status': c.status },
    h('div', { class: 'plan-head' },
      h('button', { type: 'button', class: 'link commune-link', onclick: () => actions.openCommune(c.code) }, c.name),
      c.district ? h('span', { class: 'muted' }, ` · ${c.district.name}`) : null,
      h('span', { class: `chip status-${c.status}` }, icon(statusIcon), ' ', t(`s_${c.status}`))),
    h('div', { class: 'plan-facts' }, levelName(c.level), ' · ', ...facts, illustrative ? ' ' : null, illustrative ? illustrativeBadge() : null),
    c.at_risk ? h('div', { class: 'status status-missed small' }, icon('warn'), ' ', t('atRisk')) : null,
    c.reached_by === 'criteria' && !c.recognised ? h('div', { class: 'muted small' }, t('awaiting')) : null,
  );
}

function rankingSection(r: Ranking, current: string | null, actions: ScopeActions): HTMLElement {
  const rows = r.rows.map((row) => {
    const bar = h('span', { class: 'fill' });
    bar.style.width = `${100 * row.share}%`;
    const delta = row.delta === null ? t('noEarlier') : t('points', { n: formatNumber(row.delta * 100, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }) });
    const isCurrent = row.code === current;
    const tr = h('tr', { 'data-code': row.code, 'aria-current': isCurrent ? 'true' : null, class: isCurrent ? 'current' : null },
      h('td', { class: 'num' }, row.rank === null ? '–' : formatNumber(row.rank)),
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => actions.selectDistrict(row.code) }, row.name), isCurrent ? h('span', { class: 'sr-only' }, ` (${t('current')})`) : null),
      h('td', { class: 'num share' }, h('span', { class: 'track', 'aria-hidden': 'true' }, bar), formatPercent(row.share)),
      h('td', { class: `num delta ${row.delta && row.delta > 0 ? 'up' : row.delta && row.delta < 0 ? 'down' : ''}` }, delta));
    tr.addEventListener('click', (e) => {
      if (!(e.target as Element).closest('button')) actions.selectDistrict(row.code);
    });
    return tr;
  });
  const table = h('table', { class: 'ranking' },
    h('thead', null, h('tr', null, h('th', { scope: 'col', class: 'num' }, t('rankCol')), h('th', { scope: 'col' }, t('districtCol')), h('th', { scope: 'col', class: 'num' }, '%'), h('th', { scope: 'col', class: 'num' }, t('changeCol')))),
    h('tbody', null, ...rows));
  const excluded = r.excluded.length ? h('p', { class: 'muted small' }, t('excluded', { list: r.excluded.map((x) => x.name).join(', ') })) : null;
  const illustrative = r.provenance.levels.illustrative > 0 || (r.provenance.earlier_levels?.illustrative ?? 0) > 0;
  return section('ranking', t('ranking'), illustrative, h('p', { class: 'muted' }, t('rankingNote', { earlier: formatPeriod(r.earlier_period) })), table, excluded);
}

function downloadsSection(s: Summary, data: ScopeData): HTMLElement {
  const q = new URLSearchParams({ [s.scope.level === 'district' ? 'district' : 'province']: s.scope.code ?? '', period: s.period, lang: getLang() });
  const links = [
    h('li', null, h('a', { href: `/api/v1/export.csv?${q}`, download: '', 'data-format': 'csv' }, t('csv'))),
    h('li', null, h('a', { href: `/api/v1/export.xlsx?${q}`, download: '', 'data-format': 'xlsx' }, t('xlsx'))),
  ];
  if (data.province) links.push(h('li', null, h('a', { href: `/api/v1/boundaries/${data.province.code}.topojson`, download: '', 'data-format': 'topojson' }, t('topojson'))));
  return section('downloads', t('downloads'), false, h('p', { class: 'muted' }, t('downloadsNote', { scope: s.scope.name ?? '', period: formatPeriod(s.period) })), h('ul', { class: 'downloads' }, ...links));
}
