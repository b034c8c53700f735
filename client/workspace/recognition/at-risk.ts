/** @module The revocation-risk list: recognised communes whose latest review fails a criterion, with each criterion
 * at fault and the month since which it fails (Quyết định 18/2022/QĐ-TTg) — what a district must act on first. */
import { formatPeriod, getLang, strings } from '../../i18n/i18n.ts';
import { levelName, provenanceBadge } from '../common/workspace-words.ts';
import type { AtRisk } from '../../api/answers.ts';
import { h } from '../../dom/h.ts';
import { stackTable } from '../common/stack-table.ts';

const t = strings({
  vi: {
    title: 'Xã có nguy cơ bị thu hồi công nhận', none: 'Không có xã nào đã được công nhận mà nay không đạt tiêu chí ({period}).',
    count: '{n} xã đã được công nhận nhưng không còn đạt đủ tiêu chí ({period}).', caption: 'Xã có nguy cơ bị thu hồi, {period}',
    rule: 'Theo Quyết định 18/2022/QĐ-TTg, xã đã được công nhận mà không còn đạt đủ tiêu chí có thể bị thu hồi công nhận; xã cần hoàn thành lại các tiêu chí không đạt.',
    commune: 'Xã', level: 'Mức công nhận', met: 'Tiêu chí đạt', failing: 'Tiêu chí không đạt (từ tháng)', review: 'Theo rà soát',
    unknown: 'Danh sách chỉ xét các xã được công nhận theo bộ tiêu chí của tháng này. Chưa tìm thấy quy định nào cho biết xã được công nhận theo bộ tiêu chí trước có phải đạt lại theo Quyết định 51/2025/QĐ-TTg không, cũng như xã hình thành sau sắp xếp (1/7/2025) có giữ công nhận của các xã cũ không: dự án không chuyển công nhận nào qua sắp xếp.',
  },
  en: {
    title: 'Communes at risk of losing their recognition', none: 'No recognised commune fails a criterion ({period}).',
    count: '{n} recognised communes no longer meet every criterion ({period}).', caption: 'Communes at revocation risk, {period}',
    rule: 'Under Decision 18/2022/QĐ-TTg a recognised commune that no longer meets every criterion can lose its recognition; it must complete the criteria at fault again.',
    commune: 'Commune', level: 'Recognised as', met: 'Criteria met', failing: 'Criteria at fault (since)', review: 'Review of',
    unknown: 'The list judges the communes recognised under this month\'s criteria set only. No rule was found on whether a commune recognised under the earlier set must qualify again under Decision 51/2025/QĐ-TTg, nor on whether a commune formed by the merger (1/7/2025) keeps its predecessors\' recognition: the project carries no recognition across the merger.',
  },
});

/** The section of recognised communes that no longer meet every criterion. */
export function atRiskSection(data: AtRisk): HTMLElement {
  const section = h('section', { class: 'card at-risk', 'aria-labelledby': 'at-risk-title' }, h('h2', { id: 'at-risk-title' }, t('title')));
  const period = formatPeriod(data.period);
  if (data.note) section.append(h('p', { class: 'hint' }, t('unknown')));
  if (!data.communes.length) {
    section.append(h('p', {}, t('none', { period })));
    return section;
  }
  section.append(h('p', {}, t('count', { n: data.communes.length, period })), h('p', { class: 'hint' }, t('rule')));
  const table = h('table', { class: 'list' }, h('caption', { class: 'visually-hidden' }, t('caption', { period })));
  table.append(h('thead', {}, h('tr', {}, ...[t('commune'), t('level'), t('met'), t('failing'), t('review')].map((label, i) => h('th', { scope: 'col', class: i === 2 ? 'num' : undefined }, label)))));
  const body = h('tbody');
  for (const c of data.communes) {
    const failing = h('ul', { class: 'plain' }, ...c.criteria.map((f) => h('li', {}, h('strong', {}, `${f.number}. ${getLang() === 'en' ? f.name_en : f.name_vi}`), ` · ${formatPeriod(f.failing_since)}`)));
    body.append(
      h('tr', {},
        h('th', { scope: 'row' }, c.name, c.district ? h('span', { class: 'sub' }, c.district.name) : null),
        h('td', {}, levelName(c.level), ' ', provenanceBadge(c.recognition.provenance)),
        h('td', { class: 'num' }, `${c.met}/${c.criteria_total}`),
        h('td', {}, failing),
        h('td', {}, formatPeriod(c.review_period), ' ', provenanceBadge(c.review_provenance)),
      ),
    );
  }
  table.append(body);
  section.append(h('div', { class: 'table-wrap' }, stackTable(table)));
  return section;
}
