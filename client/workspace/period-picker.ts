// The month a view works on: a select of the months with data plus the next one (a new month's review),
// latest first; the choice is kept in the hash's query (?period=) by the view.
import type { Periods } from '../api/answers.ts';
import { formatPeriod, strings } from '../i18n/i18n.ts';
import { workspaceGet } from './workspace-http.ts';
import { el, field } from './dom.ts';

const t = strings({ vi: { period: 'Kỳ báo cáo (tháng)' }, en: { period: 'Reporting month' } });

let periods: Promise<Periods> | null = null;
export function knownPeriods(): Promise<Periods> {
  periods ??= workspaceGet<Periods>('/periods');
  return periods;
}

export function nextMonth(period: string): string {
  const [y, m] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export async function periodPicker(selected: string | null, onChange: (period: string) => void): Promise<{ wrap: HTMLElement; value: string }> {
  const { periods: list, latest } = await knownPeriods();
  const select = el('select', { name: 'period' });
  const options = [...list].reverse();
  const value = selected && options.includes(selected) ? selected : latest ?? options[0] ?? '';
  for (const p of options) select.append(el('option', { value: p, text: formatPeriod(p), selected: p === value }));
  select.addEventListener('change', () => onChange(select.value));
  return { wrap: field(t('period'), select).wrap, value };
}
