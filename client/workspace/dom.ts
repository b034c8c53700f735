// Small DOM helpers for the workspace's forms and tables: elements with attributes and children, a
// labelled field whose error sits next to it (aria-describedby), and a status line for screen readers.
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | number | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

let fieldCounter = 0;

export interface Field<T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> {
  wrap: HTMLDivElement;
  input: T;
  setError(message: string | null): void;
}

/** A label, the control, a hint and an error line (announced and linked to the control). */
export function field<T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(label: string, input: T, hint?: string): Field<T> {
  const id = input.id || `f${++fieldCounter}`;
  input.id = id;
  const error = el('p', { class: 'field-error', id: `${id}-error`, role: 'alert', hidden: true });
  const hintEl = hint ? el('p', { class: 'hint', id: `${id}-hint`, text: hint }) : null;
  input.setAttribute('aria-describedby', [hintEl?.id, error.id].filter(Boolean).join(' '));
  const wrap = el('div', { class: 'field' }, el('label', { for: id, text: label }), input, hintEl, error);
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
  return el('p', { class: 'status-line', role: 'status', 'aria-live': 'polite' });
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
