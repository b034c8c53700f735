// What a commune was and became, on its card. A commune of today's structure lists the pre-2025 communes it
// was formed from, each a link that opens it in the last month of the old units (2025-06), with its own last
// status (criteria met of 19) and recognitions; their outlines are drawn on the map meanwhile
// (map/predecessors.ts). A pre-2025 commune says what it has been part of since 1/7/2025, with a link.
// Nothing is carried across: no rule says whether a merged commune keeps its predecessors' recognition.
import { formatPeriod, strings } from '../i18n/i18n.ts';
import type { CardPredecessor, CardRecognition, CardSuccessor, CommuneCard } from '../api/answers.ts';
import { levelName } from '../panel/panel-words.ts';
import { h } from '../dom/h.ts';
import { illustrativeBadge } from '../panel/marks.ts';
import './lineage.css';

const t = strings({
  vi: {
    formedFrom: 'Trước 1/7/2025: hình thành từ {n} đơn vị cũ', formedFromOne: 'Trước 1/7/2025: là {name}',
    lastStatus: 'Tình trạng cuối cùng của mỗi đơn vị cũ ({period}, bộ tiêu chí 2021–2025). Không có quy định nào cho biết xã mới có được kế thừa công nhận của các xã cũ hay không, nên bản đồ không suy ra điều đó.',
    outlines: 'Ranh giới các đơn vị cũ: nét đứt trên bản đồ',
    partial: 'một phần', metOf: '{met}/{total} tiêu chí đạt', notScored: 'không xét tiêu chí ({type})', noReview: 'chưa có đánh giá',
    recognised: 'Công nhận: {list}', noRecognition: 'chưa được công nhận', year: 'năm {year}', revoked: 'đã thu hồi',
    openOld: 'Mở {name} trên bản đồ {period}',
    partOfShort: 'Từ 1/7/2025 thuộc', openNew: 'Mở {name} trên bản đồ hiện nay',
  },
  en: {
    formedFrom: 'Before 1/7/2025: formed from {n} former units', formedFromOne: 'Before 1/7/2025: {name}',
    lastStatus: 'The last status of each former unit ({period}, 2021–2025 criteria). No rule was found on whether a merged commune keeps its predecessors\' recognition, so the map infers none.',
    outlines: 'Outlines of the former units: dashed on the map',
    partial: 'part of it', metOf: '{met}/{total} criteria met', notScored: 'not scored ({type})', noReview: 'no review',
    recognised: 'Recognised: {list}', noRecognition: 'not recognised', year: '{year}', revoked: 'revoked',
    openOld: 'Open {name} on the map of {period}',
    partOfShort: 'Since 1/7/2025 part of', openNew: 'Open {name} on today\'s map',
  },
});

/** Where a lineage link leads: a commune, its province, and the month to show it in (null: the latest). */
export interface LineageTarget { commune: string; province: string | null; period: string | null }

/** How the card's lineage links become URLs and choices (the panel knows the page's state). */
export interface LineageLinks {
  href(target: LineageTarget): string;
  open(target: LineageTarget): void;
}

function link(links: LineageLinks, target: LineageTarget, text: string, title: string): HTMLAnchorElement {
  const a = h('a', { href: links.href(target), title, 'data-commune': target.commune }, text);
  a.addEventListener('click', (e) => {
    // A new tab or window keeps the browser's own handling; a plain click changes the page's state.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    links.open(target);
  });
  return a;
}

const recognitionText = (r: CardRecognition): string =>
  [levelName(r.level), r.year ? t('year', { year: String(r.year) }) : null, r.decision ? `(${r.decision})` : null, r.revoked_date ? t('revoked') : null].filter(Boolean).join(' ');

function predecessorItem(p: CardPredecessor, links: LineageLinks): HTMLElement {
  const period = p.last_period;
  const where = [p.district?.name, p.province?.name].filter(Boolean).join(', ');
  const status = p.last_status;
  const recognised = p.recognitions.filter((r) => r.status === 'recognised');
  const illustrative = status?.provenance === 'illustrative' || recognised.some((r) => r.provenance === 'illustrative');
  return h('li', { 'data-predecessor': p.code, 'data-link': p.link },
    h('div', null,
      link(links, { commune: p.code, province: p.province?.code ?? null, period }, p.name, t('openOld', { name: p.name, period: period ? formatPeriod(period) : '' })),
      p.link === 'partial' ? h('span', { class: 'muted' }, ` (${t('partial')})`) : null,
      where ? h('span', { class: 'muted small' }, ` · ${where}`) : null),
    h('div', { class: 'small', 'data-last-status': status ? String(status.met) : 'none' },
      status ? t('metOf', { met: status.met, total: status.total ?? '?' }) : p.type === 'Xã' ? t('noReview') : t('notScored', { type: p.type }),
      status ? ` · ${levelName(status.level)}` : null,
      illustrative ? ' ' : null, illustrative ? illustrativeBadge() : null),
    p.type === 'Xã' ? h('div', { class: 'muted small' }, recognised.length ? t('recognised', { list: recognised.map(recognitionText).join('; ') }) : t('noRecognition')) : null);
}

function predecessorsSection(predecessors: CardPredecessor[], links: LineageLinks): HTMLElement {
  const title = predecessors.length === 1 ? t('formedFromOne', { name: predecessors[0]!.name }) : t('formedFrom', { n: predecessors.length });
  const period = predecessors.find((p) => p.last_period)?.last_period;
  return h('section', { 'data-section': 'predecessors', 'aria-labelledby': 'card-predecessors', class: 'lineage' },
    h('h3', { id: 'card-predecessors' }, title),
    h('p', { class: 'muted small' }, t('lastStatus', { period: period ? formatPeriod(period) : '' })),
    h('p', { class: 'small outline-key' }, h('span', { class: 'outline-swatch', 'aria-hidden': 'true' }), t('outlines')),
    h('ul', { class: 'records' }, ...predecessors.map((p) => predecessorItem(p, links))));
}

function successorsLine(successors: CardSuccessor[], links: LineageLinks): HTMLElement {
  const items: Array<Node | string> = [];
  for (const [i, s] of successors.entries()) {
    if (i > 0) items.push(', ');
    items.push(link(links, { commune: s.code, province: s.province?.code ?? null, period: null }, s.name, t('openNew', { name: s.name })));
    if (s.province) items.push(` (${s.province.name})`);
  }
  return h('p', { class: 'successor-line', 'data-section': 'successors', role: 'note' }, `${t('partOfShort')} `, ...items);
}

/** The card's lineage parts: a line naming an old commune's successors (first on the card) and a section
 * listing a new commune's predecessors (after its overview). Either is null when there is nothing to say. */
export function lineageParts(card: CommuneCard, links: LineageLinks): { successors: HTMLElement | null; predecessors: HTMLElement | null } {
  return {
    successors: card.successors?.length ? successorsLine(card.successors, links) : null,
    predecessors: card.predecessors?.length ? predecessorsSection(card.predecessors, links) : null,
  };
}
