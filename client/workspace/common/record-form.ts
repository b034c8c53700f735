/** @module The form every record of the workspace is entered in (a classification, a recognition decision, a
 * commune's village counts, a planned commune, a target): its title, its labelled fields in a grid, the submit
 * button and a status line; on submit, the saving message and a disabled button while the request runs (sent by
 * api.ts with the session's CSRF token), then the server's errors next to the fields they name, or the view's
 * own follow-up. One scaffold, so that every form reads, announces and fails alike. */
import { h } from '../../dom/h.ts';
import { statusLine, type Field } from './field.ts';
import { clearErrors, showErrors } from './form-errors.ts';

type AnyField = Field<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;

/** What a record form is made of and what it does with an answer. */
export interface RecordFormSpec<F extends Record<string, AnyField>, R> {
  /** The heading's id, which labels the form. */
  id: string;
  title: string;
  fields: F;
  /** The submit button's words. */
  submit: string;
  /** The status line's words while the request runs. */
  saving: string;
  /** The form's class (`card` unless said) and its grid's (`form-grid` unless said). */
  formClass?: string;
  gridClass?: string;
  /** Buttons placed after the submit button (e.g. a cancel of an edit). */
  actions?: Node[];
  /** Sends the record; a rejection is shown by the fields it names or in the status line. */
  send(fields: F): Promise<R>;
  /** The view's follow-up to a saved record (a confirmation in the status line, a reload); a rejection here
   * is shown like a refused save. */
  saved(answer: R, status: HTMLElement): void | Promise<void>;
}

/** A built record form, with the parts a view may still change: the heading (an edit retitles it), the
 * submit button and the status line (a read-only view shows the status line alone). */
export interface RecordForm {
  form: HTMLFormElement;
  heading: HTMLHeadingElement;
  save: HTMLButtonElement;
  status: HTMLParagraphElement;
}

/** Builds a record form and handles its submit: saving message, busy button, errors or the view's follow-up. */
export function recordForm<F extends Record<string, AnyField>, R>(spec: RecordFormSpec<F, R>): RecordForm {
  const status = statusLine();
  const save = h('button', { type: 'submit', class: 'primary' }, spec.submit);
  const heading = h('h2', { id: spec.id }, spec.title);
  const form = h('form', { class: spec.formClass ?? 'card', novalidate: true, 'aria-labelledby': spec.id },
    heading,
    h('div', { class: spec.gridClass ?? 'form-grid' }, ...Object.values(spec.fields).map((f) => f.wrap)),
    h('div', { class: 'row' }, save, ...(spec.actions ?? []), status),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(spec.fields);
    save.disabled = true;
    status.textContent = spec.saving;
    try {
      await spec.saved(await spec.send(spec.fields), status);
    } catch (error) {
      showErrors(error, spec.fields, status);
    } finally {
      save.disabled = false;
    }
  });
  return { form, heading, save, status };
}
