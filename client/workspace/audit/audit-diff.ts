/** @module What an audit entry changed, told readably: a created record's main fields, a removed record, or for an
 * update each field that differs as "before → after" (criteria met by number: "+3, −17"). */
import { strings } from '../../i18n/i18n.ts';
import { h } from '../../dom/h.ts';

const t = strings({
  vi: { created: 'Tạo mới', removed: 'Đã xóa', nothing: 'Không có thay đổi nội dung', criteria: 'tiêu chí đạt', more: '… và {n} trường khác' },
  en: { created: 'Created', removed: 'Removed', nothing: 'No change of content', criteria: 'criteria met', more: '… and {n} more fields' },
});

const HIDDEN = new Set(['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'password_hash']);
const MAX_FIELDS = 5;

function short(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length <= 12 && value.every((v) => typeof v !== 'object') ? value.join(', ') : `[${value.length}]`;
  const keys = Object.keys(value as object);
  return keys.length ? `{${keys.length}}` : '∅';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "+3, −17" for two lists of numbers (the criteria met before and after). */
function numberListChange(before: number[], after: number[]): string {
  const gained = after.filter((n) => !before.includes(n)).map((n) => `+${n}`);
  const lost = before.filter((n) => !after.includes(n)).map((n) => `−${n}`);
  return [...gained, ...lost].join(', ');
}

function fieldLines(record: Record<string, unknown>): string[] {
  return Object.entries(record).filter(([k, v]) => !HIDDEN.has(k) && v !== null && v !== '').map(([k, v]) => `${k}: ${short(v)}`);
}

function limited(lines: string[]): HTMLElement {
  const shown = lines.slice(0, MAX_FIELDS);
  if (lines.length > MAX_FIELDS) shown.push(t('more', { n: lines.length - MAX_FIELDS }));
  return h('ul', { class: 'plain diff' }, ...shown.map((line) => h('li', {}, line)));
}

/** What an entry changed, field by field (before → after), as a short list; a creation or deletion shows its
 * values. */
export function changeSummary(before: unknown, after: unknown): HTMLElement {
  if (before === null && isRecord(after)) return h('div', {}, h('strong', {}, t('created')), limited(fieldLines(after)));
  if (after === null && isRecord(before)) return h('div', {}, h('strong', {}, t('removed')), limited(fieldLines(before)));
  if (!isRecord(before) || !isRecord(after)) return h('span', {}, `${short(before)} → ${short(after)}`);
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (HIDDEN.has(key) || same(before[key], after[key])) continue;
    const [b, a] = [before[key], after[key]];
    if (Array.isArray(b) && Array.isArray(a) && [...b, ...a].every((n) => typeof n === 'number')) lines.push(`${key === 'met' ? t('criteria') : key}: ${numberListChange(b as number[], a as number[])}`);
    else if (isRecord(b) && isRecord(a)) {
      for (const sub of new Set([...Object.keys(b), ...Object.keys(a)])) if (!same(b[sub], a[sub])) lines.push(`${key}.${sub}: ${short(b[sub])} → ${short(a[sub])}`);
    } else lines.push(`${key}: ${short(b)} → ${short(a)}`);
  }
  return lines.length ? limited(lines) : h('span', { class: 'hint' }, t('nothing'));
}
