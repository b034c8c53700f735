/** @module The one DOM builder of every page (map, card, panel, comparison, widget and workspace): elements
 * with attributes, listeners and children, and their SVG counterpart. Text goes in as text nodes and attribute
 * values through setAttribute, never through innerHTML, so that a name or a note from the data can never
 * become markup: escaping holds by construction, at no call site's care. */

/** What may stand as a child: nodes, text and numbers; null, undefined and false are left out, so that a
 * condition can stand in place (`ok && h('p', null, '…')`). */
export type Child = Node | string | number | null | undefined | false;

/** Attributes: a value that is null, undefined or false is left out, `true` sets an empty attribute, and a
 * function under an `on…` name is added as that event's listener. */
export type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

/** `h('li', { class: 'x', 'data-code': '1', onclick: f }, 'text', child)`: an HTML element with its
 * attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children to an element already built, with h()'s rules (numbers as text, empty values left out). */
export function append(parent: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.append(typeof c === 'number' ? String(c) : c);
  }
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element in the SVG namespace (createElement would make an inert HTML element of the same name). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: Array<Node | string>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  el.append(...children);
  return el;
}
