/** @module The recognitions of a scope: unit, level, decision, date, in force or revoked (with the revocation), and
 * per row in force a "Revoke" button that opens the revocation form under the row. */
import { formatPeriod, strings } from '../../i18n/i18n.ts';
import { dateText, levelName, provenanceBadge } from '../common/workspace-words.ts';
import { h } from '../../dom/h.ts';
import { revokeForm } from './revoke-form.ts';
import type { Recognition, RecognitionList } from '../../api/answers.ts';
import { stackTable } from '../common/stack-table.ts';

const t = strings({
  vi: {
    title: 'Các quyết định công nhận', summary: '{total} bản ghi: {inForce} đang có hiệu lực, {revoked} đã thu hồi ({illustrative} bản ghi minh họa).', caption: 'Quyết định công nhận, hiệu lực tại {period}',
    unit: 'Đơn vị', level: 'Mức', decision: 'Quyết định', date: 'Ngày', state: 'Hiệu lực', inForce: 'đang hiệu lực', revoked: 'đã thu hồi {date}', notYet: 'chưa có hiệu lực', proposed: 'đề nghị',
    revoke: 'Thu hồi', revokeLabel: 'Thu hồi công nhận: {unit}', district: 'cấp huyện', none: 'Chưa có quyết định công nhận nào trong phạm vi này.', from: 'từ {period}', signer: 'Ký: {signer}', doc: 'văn bản',
  },
  en: {
    title: 'Recognition decisions', summary: '{total} records: {inForce} in force, {revoked} revoked ({illustrative} illustrative).', caption: 'Recognition decisions, in force at {period}',
    unit: 'Unit', level: 'Level', decision: 'Decision', date: 'Date', state: 'In force', inForce: 'in force', revoked: 'revoked {date}', notYet: 'not in force', proposed: 'proposed',
    revoke: 'Revoke', revokeLabel: 'Revoke the recognition of {unit}', district: 'district', none: 'No recognition decision in this scope yet.', from: 'from {period}', signer: 'Signed by {signer}', doc: 'document',
  },
});

/** The recognitions table; with `canRevoke`, a decision in force has a revoke button that opens the revocation form
 * in a row below it. */
export function recognitionTable(list: RecognitionList, canRevoke: boolean, onRevoked: (r: Recognition) => void): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'recognitions-title' }, h('h2', { id: 'recognitions-title' }, t('title')));
  if (!list.recognitions.length) {
    section.append(h('p', {}, t('none')));
    return section;
  }
  const c = list.counts;
  section.append(h('p', {}, t('summary', { total: c.recognitions, inForce: c.in_force, revoked: c.revoked, illustrative: c.illustrative })));
  const headers = [t('unit'), t('level'), t('decision'), t('date'), t('state')];
  if (canRevoke) headers.push('');
  const table = h('table', { class: 'list' }, h('caption', {}, t('caption', { period: formatPeriod(list.period) })), h('thead', {}, h('tr', {}, ...headers.map((label) => h('th', { scope: 'col' }, label)))));
  const body = h('tbody');
  for (const r of list.recognitions) {
    const state = r.revoked_date
      ? h('span', { class: 'badge missing' }, t('revoked', { date: dateText(r.revoked_date) }))
      : r.in_force
        ? h('span', { class: 'badge official' }, t('inForce'))
        : h('span', { class: 'badge' }, r.status === 'proposed' ? t('proposed') : t('notYet'));
    const revocation = r.revocation_decision ? h('span', { class: 'sub' }, `${r.revocation_decision}${r.revocation_reason ? ` · ${r.revocation_reason}` : ''}`) : null;
    const decision = h('td', {}, r.source_url ? h('a', { href: r.source_url, rel: 'noopener', target: '_blank' }, r.decision ?? t('doc')) : (r.decision ?? '—'), ' ', provenanceBadge(r.provenance), r.signer ? h('span', { class: 'sub' }, t('signer', { signer: r.signer })) : null);
    const row = h('tr', {},
      h('th', { scope: 'row' }, r.unit.name, r.unit.level === 'district' ? h('span', { class: 'sub' }, t('district')) : r.district ? h('span', { class: 'sub' }, r.district.name) : null),
      h('td', {}, levelName(r.level)),
      decision,
      h('td', {}, dateText(r.decision_date), r.effective_period ? h('span', { class: 'sub' }, t('from', { period: formatPeriod(r.effective_period) })) : null),
      h('td', {}, state, revocation),
    );
    if (canRevoke) {
      const cell = h('td');
      if (!r.revoked_date && r.status === 'recognised') {
        const button = h('button', { type: 'button', class: 'secondary small', 'aria-label': t('revokeLabel', { unit: r.unit.name }), 'aria-expanded': 'false' }, t('revoke'));
        button.addEventListener('click', () => {
          const open = row.nextElementSibling?.classList.contains('revoke-row');
          if (open) return void (row.nextElementSibling as HTMLElement).querySelector('input')?.focus();
          const formRow = h('tr', { class: 'revoke-row' });
          const close = (saved: Recognition | null) => {
            formRow.remove();
            button.setAttribute('aria-expanded', 'false');
            if (saved) onRevoked(saved);
            else button.focus();
          };
          formRow.append(h('td', { colspan: headers.length }, revokeForm(r, close)));
          row.after(formRow);
          button.setAttribute('aria-expanded', 'true');
          formRow.querySelector('input')?.focus();
        });
        cell.append(button);
      }
      row.append(cell);
    }
    body.append(row);
  }
  table.append(body);
  section.append(h('div', { class: 'table-wrap' }, stackTable(table)));
  return section;
}
