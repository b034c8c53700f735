/** @module Shows a failed save where the official will look: each 400 issue next to the field it names, anything
 * else (403, 404, 409, a network failure) in the form's status line. */
import { strings } from '../../i18n/i18n.ts';
import { ApiFailure } from '../../api/http.ts';
import { fieldErrors } from '../workspace-http.ts';
import { h } from '../../dom/h.ts';
import { errorText, type Field } from './field.ts';
import { fieldMessage } from './server-messages.ts';

const t = strings({
  vi: { conflict: 'Không lưu được: {message}', forbidden: 'Bạn không có quyền thực hiện thao tác này: {message}', fix: 'Vui lòng sửa các trường được đánh dấu.' },
  en: { conflict: 'Not saved: {message}', forbidden: 'You may not do this: {message}', fix: 'Please correct the marked fields.' },
});

type AnyField = Field<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;

/** Clears every field's error before a new attempt. */
export function clearErrors(fields: Record<string, AnyField>): void {
  for (const f of Object.values(fields)) f.setError(null);
}

/** Puts the error next to its fields (by parameter name) or into the status line; focuses the first bad field. */
export function showErrors(error: unknown, fields: Record<string, AnyField>, status: HTMLElement): void {
  clearErrors(fields);
  const byField = fieldErrors(error);
  const named = error instanceof ApiFailure ? (error.details as { parameter?: string } | undefined)?.parameter : undefined;
  if (named && !byField.size && error instanceof ApiFailure) byField.set(named, error.message.replace(/^Parameter '[^']+' \([^)]+\): /, ''));
  let first: AnyField | null = null;
  const unplaced: string[] = [];
  for (const [parameter, message] of byField) {
    const f = fields[parameter] ?? fields[parameter.split('.')[0]!];
    if (f) {
      f.setError(fieldMessage(message));
      first ??= f;
    } else unplaced.push(`${parameter}: ${message}`);
  }
  let text: string;
  if (error instanceof ApiFailure && error.status === 409) text = t('conflict', { message: error.message });
  else if (error instanceof ApiFailure && error.status === 403) text = t('forbidden', { message: error.message });
  else if (first && !unplaced.length) text = t('fix');
  else text = unplaced.length ? unplaced.join('; ') : errorText(error);
  status.replaceChildren(h('span', { class: 'error', role: 'alert' }, text));
  first?.input.focus();
}
