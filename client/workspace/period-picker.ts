/** @module The month a view works on: a select of the months with data (GET /periods, asked once a page),
 * latest first, on the view's month when it has data and on the latest otherwise; the view keeps the choice in
 * its hash's query (?period=). */
import type { Periods } from '../api/answers.ts';
import { formatPeriod, strings } from '../i18n/i18n.ts';
import { workspaceGet } from './workspace-http.ts';
import { h } from '../dom/h.ts';
import { field } from './common/field.ts';

const t = strings({ vi: { period: 'Kỳ báo cáo (tháng)' }, en: { period: 'Reporting month' } });

let periods: Promise<Periods> | null = null;
/** The months with data and the latest of them, asked of the server once and shared by every picker. */
export function knownPeriods(): Promise<Periods> {
  periods ??= workspaceGet<Periods>('/periods');
  return periods;
}

/** A labelled select of the months with data; `value` is the month it starts on, `onChange` gets a new choice. */
export async function periodPicker(selected: string | null, onChange: (period: string) => void): Promise<{ wrap: HTMLElement; value: string }> {
  const { periods: list, latest } = await knownPeriods();
  const select = h('select', { name: 'period' });
  const options = [...list].reverse();
  const value = selected && options.includes(selected) ? selected : latest ?? options[0] ?? '';
  for (const p of options) select.append(h('option', { value: p, selected: p === value }, formatPeriod(p)));
  select.addEventListener('change', () => onChange(select.value));
  return { wrap: field(t('period'), select).wrap, value };
}
