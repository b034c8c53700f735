/** @module The parts of the workspace's forms: a labelled field whose error sits next to it (aria-describedby),
 * a status line for screen readers, and the text of an error to show in one. Elements come from the pages'
 * one builder, h() (client/dom/h.ts). */
import { h } from '../../dom/h.ts';

let fieldCounter = 0;

/** A field as built: its wrapper to place, its control to read, and a way to show or clear its error. */
export interface Field<T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> {
  wrap: HTMLDivElement;
  input: T;
  setError(message: string | null): void;
}

/** A label, the control, a hint and an error line (announced and linked to the control). */
export function field<T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(label: string, input: T, hint?: string): Field<T> {
  const id = input.id || `f${++fieldCounter}`;
  input.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert', hidden: true });
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  input.setAttribute('aria-describedby', [hintEl?.id, error.id].filter(Boolean).join(' '));
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), input, hintEl, error);
  return {
    wrap,
    input,
    setError(message) {
      error.hidden = message === null;
      error.textContent = message ?? '';
      if (message === null) input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', 'true');
    },
  };
}

/** A polite live region for "saved", "loading…" and errors that belong to no field. */
export function statusLine(): HTMLParagraphElement {
  return h('p', { class: 'status-line', role: 'status', 'aria-live': 'polite' });
}

/** The message of a thrown value, for a status line (an Error's message, anything else as text). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
